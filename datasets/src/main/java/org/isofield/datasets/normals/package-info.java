/**
 * Point normals: unoriented ones from local principal components ({@link org.isofield.datasets.normals.PcaNormals})
 * and a consistent orientation along a minimum spanning tree ({@link org.isofield.datasets.normals.MstOrientation}),
 * both after Hoppe et al. 1992; {@link org.isofield.datasets.normals.PointNormals} does both in one call.
 */
package org.isofield.datasets.normals;
