/**
 * 3D Delaunay triangulation for VoroMesh (issue 14), beside the other spatial indices. So far: the exact predicates
 * ({@link org.isofield.datasets.index.delaunay.Predicates}) it will stand on.
 */
package org.isofield.datasets.index.delaunay;
