/**
 * An exact, static 3D KD-tree over a flat {@code float[3N]} coordinate array
 * ({@link org.isofield.datasets.index.kdtree.KdTree}): median splits on the widest axis of each node's tight
 * bounding box (Friedman, Bentley and Finkel, "An algorithm for finding best matches in logarithmic expected time",
 * ACM TOMS 1977), with leaf buckets stored contiguously in a permuted copy of the coordinates and nodes kept in flat
 * arrays in heap order (no object per node). Queries prune children by the distance from the query to their boxes.
 */
package org.isofield.datasets.index.kdtree;
