/**
 * GridPull (Chao Chen, Yu-Shen Liu, Zhizhong Han, "GridPull: Towards Scalability in Learning Implicit
 * Representations from 3D Point Clouds", ICCV 2023): a discrete signed distance field on a sparse banded grid,
 * optimised by pulling queries onto the input points, with continuity, surface and gradient-consistency losses.
 * Open sheets (single range scans, scenes) take their sign from normals oriented along a minimum spanning tree, after
 * Hoppe et al., "Surface reconstruction from unorganized points" (SIGGRAPH 1992), and are trimmed near the points.
 */
package org.isofield.reconstruction.gridpull;
