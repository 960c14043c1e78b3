package org.isofield.datasets.index.kdtree;

/**
 * The result of a batch radius query in compressed-row form: the neighbours of query {@code q} are entries
 * {@code offsets[q]} (inclusive) to {@code offsets[q + 1]} (exclusive) of {@code indices} and {@code dist2}.
 * Arrays are shared, not copied; callers must not write them.
 *
 * @param offsets {@code Q + 1} entry offsets, {@code offsets[0] == 0}
 * @param indices point indices (into the tree's input), grouped by query
 * @param dist2 squared distances, parallel to {@code indices}
 */
public record NeighborLists(int[] offsets, int[] indices, float[] dist2) {
    /** Number of queries. */
    public int queryCount() {
        return offsets.length - 1;
    }

    /** Number of neighbours of query {@code q}. */
    public int count(int q) {
        return offsets[q + 1] - offsets[q];
    }

    /** Total number of neighbours over all queries. */
    public int totalCount() {
        return offsets[offsets.length - 1];
    }

    /** Index of the {@code j}-th neighbour of query {@code q}. */
    public int index(int q, int j) {
        return indices[offsets[q] + j];
    }

    /** Squared distance of the {@code j}-th neighbour of query {@code q}. */
    public float dist2(int q, int j) {
        return dist2[offsets[q] + j];
    }
}
