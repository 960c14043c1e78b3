/**
 * Losses of tiny-cuda-nn ({@code losses/l1.h}, {@code l2.h}, {@code relative_l2.h}, {@code mape.h}: mean over all
 * elements, MAPE being instant-ngp's SDF loss) and the eikonal term {@code (|grad f| - 1)^2} of Gropp et al.,
 * "Implicit Geometric Regularization for Learning Shapes" (ICML 2020), each with its gradient over flat batches.
 */
package org.isofield.fields.loss;
