/**
 * Optimizers as tiny-cuda-nn runs them: Adam (Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015)
 * with per-parameter step counters, L2 on MLP weights only and zero-gradient skipping on grid entries
 * ({@code optimizers/adam.h}), and the {@code Ema} and {@code ExponentialDecay} wrappers configured through
 * {@code "nested"} blocks. {@link org.isofield.fields.optim.ParameterGroup} says which ranges are weights and which
 * are grids.
 */
package org.isofield.fields.optim;
