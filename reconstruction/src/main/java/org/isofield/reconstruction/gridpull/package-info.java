/**
 * GridPull (Chao Chen, Yu-Shen Liu, Zhizhong Han, "GridPull: Towards Scalability in Learning Implicit
 * Representations from 3D Point Clouds", ICCV 2023): a discrete signed distance field on a sparse banded grid,
 * optimised by pulling queries onto the input points, with continuity, surface and gradient-consistency losses.
 * Open sheets (single range scans, scenes) take their sign from normals oriented along a minimum spanning tree, after
 * Hoppe et al., "Surface reconstruction from unorganized points" (SIGGRAPH 1992), and are trimmed near the points.
 * The inside of closed objects comes from a flood fill, checked (holes, cavities) against the point cloud's
 * generalized winding number, after Barill et al., "Fast Winding Numbers for Soups and Clouds" (SIGGRAPH 2018).
 */
package org.isofield.reconstruction.gridpull;
