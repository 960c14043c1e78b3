/**
 * Field files. The {@code .isf} field file: a versioned, self-describing binary container for a trained field (its
 * kind, config, world-to-unit-cube transform, float32 parameter blocks, optional optimizer state and metadata) with
 * a length and a CRC-32 checksum ({@code docs/isf-format.md}); {@link org.isofield.fields.io.NeuralFieldFiles} packs
 * a trainer into one and resumes training from one. The tiny-cuda-nn weights file: a neural field's parameters in
 * tiny-cuda-nn's {@code NetworkWithInputEncoding} order, float32 after a 96-byte header
 * ({@code docs/tcnn-weights.md}, {@link org.isofield.fields.io.TcnnWeightsFiles}).
 */
package org.isofield.fields.io;
