/**
 * Sampling points on surfaces and normalising geometry. {@link org.isofield.datasets.sample.SurfaceSampler} draws
 * area-weighted uniform samples on a triangle mesh (uniform barycentric coordinates by the square-root trick of
 * Osada, Funkhouser, Chazelle and Dobkin, "Shape distributions", ACM TOG 2002, section 4.2), seeded and identical
 * for any thread count. {@link org.isofield.datasets.sample.Normalization} is the similarity transform into the
 * frame where metrics are computed (bounding box centred at the origin, longest side 1, as in the Occupancy Networks
 * evaluation of Mescheder et al., CVPR 2019) or into the unit cube.
 */
package org.isofield.datasets.sample;
