/**
 * Geometry data and the kernels that work on it: point clouds and triangle meshes as flat arrays
 * ({@link org.isofield.datasets.geom}), file formats ({@link org.isofield.datasets.io}), surface sampling, spatial
 * indices, metrics and analytic test shapes.
 */
package org.isofield.datasets;
