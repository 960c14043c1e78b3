/**
 * GridPull (Chao Chen, Yu-Shen Liu, Zhizhong Han, "GridPull: Towards Scalability in Learning Implicit
 * Representations from 3D Point Clouds", ICCV 2023): a discrete signed distance field on a sparse banded grid,
 * optimised by pulling queries onto the input points, with continuity, surface and gradient-consistency losses.
 */
package org.isofield.reconstruction.gridpull;
