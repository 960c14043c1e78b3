/**
 * NeuralPull: the pulling of Neural-Pull (Baorui Ma, Zhizhong Han, Yu-Shen Liu, Matthias Zwicker, "Neural-Pull:
 * Learning Signed Distance Functions from Point Clouds by Learning to Pull Space onto Surfaces", ICML 2021) on a
 * hash-grid + tiny-MLP field ({@link org.isofield.fields.train.NeuralField}) instead of the paper's 8-layer MLP:
 * queries are pulled along the normalised field gradient by the field value onto their nearest input points, with
 * the loss back-propagated through both the value and the gradient (second order).
 */
package org.isofield.reconstruction.neuralpull;
