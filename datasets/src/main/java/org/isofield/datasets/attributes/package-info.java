/**
 * Per-vertex attributes carried from an input cloud to a mesh made from it: colours and named scalars taken from the
 * nearest input points, distance-weighted, and the {@code quality} scalar (distance to the nearest input point) that
 * MeshLab and CloudCompare read ({@link org.isofield.datasets.attributes.AttributeTransfer}).
 */
package org.isofield.datasets.attributes;
