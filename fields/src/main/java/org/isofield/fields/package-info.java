/**
 * Neural fields as tiny-cuda-nn builds them: bias-free MLPs in the FullyFusedMLP layout, losses, the Adam optimizer
 * with its EMA and decay wrappers, training loops over batches, and the {@code .isf} field file. Knows no meshes:
 * training data arrives as flat batches.
 */
package org.isofield.fields;
