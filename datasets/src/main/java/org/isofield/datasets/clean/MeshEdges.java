package org.isofield.datasets.clean;

import java.util.Arrays;

/**
 * The undirected edges of a face list and the vertex rings they make: edges are sorted packed keys
 * {@code min << 32 | max} with the number of faces on each, rings are compressed rows of each vertex's distinct
 * neighbours in increasing order. A vertex is on the boundary when one of its edges has other than two faces (a
 * boundary edge, or a non-manifold one). Time O(F log F), memory about 40 bytes per face. Not thread-safe to build,
 * read-only after.
 */
final class MeshEdges {
    /** Sorted distinct edge keys. */
    final long[] keys;
    /** Faces on each edge of {@link #keys}. */
    final int[] faceCounts;
    /** {@code ring[ringStart[v] .. ringStart[v + 1])} are the neighbours of {@code v}. */
    final int[] ringStart;
    final int[] ring;
    /** Vertices on an edge with one face or more than two. */
    final boolean[] boundary;

    private MeshEdges(long[] keys, int[] faceCounts, int[] ringStart, int[] ring, boolean[] boundary) {
        this.keys = keys;
        this.faceCounts = faceCounts;
        this.ringStart = ringStart;
        this.ring = ring;
        this.boundary = boundary;
    }

    static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    static MeshEdges of(int nv, int[] f) {
        long[] all = new long[f.length];
        for (int i = 0; i < f.length; i++) {
            all[i] = key(f[i], f[i - i % 3 + (i + 1) % 3]);
        }
        Arrays.parallelSort(all);
        long[] keys = new long[all.length];
        int[] counts = new int[all.length];
        int m = 0;
        for (int i = 0; i < all.length; i++) {
            if (m > 0 && keys[m - 1] == all[i]) {
                counts[m - 1]++;
            } else {
                keys[m] = all[i];
                counts[m++] = 1;
            }
        }
        keys = Arrays.copyOf(keys, m);
        counts = Arrays.copyOf(counts, m);
        int[] start = new int[nv + 1];
        boolean[] boundary = new boolean[nv];
        for (int e = 0; e < m; e++) {
            int a = (int) (keys[e] >>> 32);
            int b = (int) keys[e];
            start[a + 1]++;
            start[b + 1]++;
            if (counts[e] != 2) {
                boundary[a] = true;
                boundary[b] = true;
            }
        }
        for (int v = 0; v < nv; v++) {
            start[v + 1] += start[v];
        }
        int[] ring = new int[2 * m];
        int[] fill = Arrays.copyOf(start, nv);
        // keys are sorted by (min, max): each vertex's larger neighbours arrive in order, its smaller ones too
        for (int e = 0; e < m; e++) {
            int a = (int) (keys[e] >>> 32);
            ring[fill[a]++] = (int) keys[e];
        }
        for (int e = 0; e < m; e++) {
            int b = (int) keys[e];
            ring[fill[b]++] = (int) (keys[e] >>> 32);
        }
        for (int v = 0; v < nv; v++) {
            Arrays.sort(ring, start[v], start[v + 1]);
        }
        return new MeshEdges(keys, counts, start, ring, boundary);
    }

    int edgeCount() {
        return keys.length;
    }

    /** Whether some face has the edge {@code a b}. */
    boolean has(int a, int b) {
        return Arrays.binarySearch(keys, key(a, b)) >= 0;
    }
}
