/**
 * 3D Delaunay triangulation for VoroMesh (issue 14), beside the other spatial indices. So far: the exact predicates
 * ({@link org.isofield.datasets.index.delaunay.Predicates}: orient3d, insphere, and insphere with symbolic
 * perturbation for co-spherical points) it will stand on.
 */
package org.isofield.datasets.index.delaunay;
