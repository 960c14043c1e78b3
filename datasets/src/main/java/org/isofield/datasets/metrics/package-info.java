/**
 * Quality measures of reconstructed surfaces.
 *
 * <p>{@link org.isofield.datasets.metrics.SurfaceMetrics} compares a reconstruction with a ground truth on
 * area-weighted surface samples in the ground truth's normalised frame: accuracy, completeness, Chamfer-L1/L2,
 * normal consistency (as in Occupancy Networks, Mescheder et al., CVPR 2019), F-score at distance thresholds
 * (Knapitsch et al., "Tanks and Temples", ACM TOG 2017) and the symmetric Hausdorff distance, all between samples
 * (nearest sample, not nearest point on the triangle).
 *
 * <p>{@link org.isofield.datasets.metrics.MeshChecks} reports topology and validity after merging bit-identical
 * vertices: boundary and non-manifold edges, watertightness, connected components, orientation consistency, Euler
 * characteristic and genus, and optionally a self-intersection count from a pluggable counter, such as
 * {@link org.isofield.datasets.metrics.SelfIntersections} (BVH broad phase, then Möller's 1997 triangle-triangle test).
 */
package org.isofield.datasets.metrics;
