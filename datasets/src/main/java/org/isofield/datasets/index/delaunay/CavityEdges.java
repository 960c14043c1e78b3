package org.isofield.datasets.index.delaunay;

import java.util.Arrays;

/**
 * The edges of the faces that fill one Bowyer-Watson cavity, each waiting for the second new tetrahedron that holds
 * it: an open-addressing map from an edge (its two vertices) to the slot of the first one. Every edge of a closed
 * cavity is seen exactly twice, so each lookup either stores or removes.
 */
final class CavityEdges {
    private static final long EMPTY = -1L;
    /** A removed entry: later probes must go past it. */
    private static final long GONE = -2L;

    private long[] keys = new long[64];
    private int[] slots = new int[64];
    /** The part of the table in use for the current cavity, minus one (a power of two minus one). */
    private int mask = 63;

    /** Empties the map for a cavity of up to {@code edges} edges, at most half full. */
    void clear(int edges) {
        int size = Integer.highestOneBit(Math.max(16, 2 * edges)) << 1;
        if (keys.length < size) {
            keys = new long[size];
            slots = new int[size];
        }
        // only the part this cavity uses: one large cavity must not make every later insertion clear a large table
        mask = size - 1;
        Arrays.fill(keys, 0, size, EMPTY);
    }

    /**
     * The first time edge {@code a b} is seen, stores {@code slot} and returns -1; the second time, removes the edge
     * and returns the slot stored.
     */
    int pair(int a, int b, int slot) {
        long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
        int h = (int) (key ^ key >>> 29) * 0x9E3779B1 & mask;
        while (keys[h] != EMPTY) {
            if (keys[h] == key) {
                keys[h] = GONE;
                return slots[h];
            }
            h = (h + 1) & mask;
        }
        keys[h] = key;
        slots[h] = slot;
        return -1;
    }
}
