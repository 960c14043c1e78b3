/**
 * 3D Delaunay triangulation for VoroMesh (issue 14), beside the other spatial indices. The exact predicates
 * ({@link org.isofield.datasets.index.delaunay.Predicates}: orient3d, insphere, and insphere with symbolic
 * perturbation for co-spherical points) and the triangulation on them
 * ({@link org.isofield.datasets.index.delaunay.Delaunay3d}).
 */
package org.isofield.datasets.index.delaunay;
