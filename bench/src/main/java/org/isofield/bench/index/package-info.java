/** Benchmarks of the spatial indices in {@link org.isofield.datasets.index}. */
package org.isofield.bench.index;
