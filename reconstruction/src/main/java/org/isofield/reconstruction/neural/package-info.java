/**
 * Neural signed distance fields from meshes, instant-ngp's SDF task (Müller et al., "Instant Neural Graphics
 * Primitives", SIGGRAPH 2022): {@link org.isofield.reconstruction.neural.SdfFit} trains a
 * {@link org.isofield.fields.train.NeuralField} on batches from an
 * {@link org.isofield.reconstruction.sdf.SdfSampler} and packs it as an {@code .isf} field file;
 * {@link org.isofield.reconstruction.neural.FieldExtractor} rebuilds the field from such a file and meshes its zero
 * level set with marching cubes, in the world frame.
 */
package org.isofield.reconstruction.neural;
