package org.isofield.datasets.index.kdtree;

/**
 * One neighbour found by a {@link KdTree} query: the point's index in the array the tree was built from and its
 * squared distance to the query, computed in {@code float} as {@code dx*dx + dy*dy + dz*dz}.
 *
 * @param index index of the point (0 to N-1) in the tree's input
 * @param dist2 squared Euclidean distance to the query
 */
public record Neighbor(int index, float dist2) {
    /** The distance itself, {@code sqrt(dist2)}. */
    public double distance() {
        return Math.sqrt(dist2);
    }
}
