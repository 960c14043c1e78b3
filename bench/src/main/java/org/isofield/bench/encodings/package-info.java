/** JMH benchmarks of the input encodings. */
package org.isofield.bench.encodings;
