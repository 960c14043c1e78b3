/** Benchmarks of the neural-field pieces in {@code org.isofield.fields}: the MLP's inference and training step. */
package org.isofield.bench.fields;
