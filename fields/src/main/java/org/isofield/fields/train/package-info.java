/**
 * Training a neural field: an encoding followed by a network ({@link org.isofield.fields.train.NeuralField}), the
 * top-level config composed of tiny-cuda-nn style component blocks
 * ({@link org.isofield.fields.train.NeuralFieldConfig}), and the loop that fits it to batches of positions and
 * targets ({@link org.isofield.fields.train.Trainer} over a {@link org.isofield.fields.train.BatchSource}), as in
 * instant-ngp's SDF task (Müller et al., "Instant Neural Graphics Primitives", SIGGRAPH 2022). Knows no meshes: the
 * mesh-to-SDF batch source lives in {@code reconstruction}.
 */
package org.isofield.fields.train;
