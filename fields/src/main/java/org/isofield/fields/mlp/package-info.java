/**
 * Tiny bias-free MLPs in the layout of tiny-cuda-nn's {@code FullyFusedMLP} (Müller, Rousselle, Novák, Keller,
 * "Real-time Neural Radiance Caching for Path Tracing", SIGGRAPH 2021; NVlabs/tiny-cuda-nn): forward, backward,
 * gradient with respect to the input, and the second-order terms of an eikonal loss, which tiny-cuda-nn's own MLPs do
 * not provide. Batches are flat row-major float arrays; work is split into fixed blocks so results do not depend on
 * the thread count.
 */
package org.isofield.fields.mlp;
