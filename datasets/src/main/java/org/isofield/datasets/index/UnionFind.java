package org.isofield.datasets.index;

/**
 * Disjoint sets over {@code 0..n-1} with path halving and union by size: near-constant amortised time per
 * operation. Used for mesh components (vertices joined by faces) and connected cells. Not thread-safe.
 */
public final class UnionFind {
    private final int[] parent;
    private final int[] size;

    /** {@code n} singleton sets. */
    public UnionFind(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n = " + n + "; expected 0 or more");
        }
        parent = new int[n];
        size = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
        }
    }

    /** Number of elements. */
    public int size() {
        return parent.length;
    }

    /** The representative of {@code x}'s set. */
    public int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /** Whether {@code x} is the representative of its set. */
    public boolean isRoot(int x) {
        return parent[x] == x;
    }

    /** Joins the sets of {@code a} and {@code b}; returns whether they were apart. */
    public boolean union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return false;
        }
        if (size[ra] < size[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
        return true;
    }

    /** Number of elements in {@code x}'s set. */
    public int setSize(int x) {
        return size[find(x)];
    }
}
