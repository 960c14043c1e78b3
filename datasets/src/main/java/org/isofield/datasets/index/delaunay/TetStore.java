package org.isofield.datasets.index.delaunay;

import java.util.Arrays;

/**
 * The points and tetrahedra of one {@link Delaunay3d} build. The points are stored in insertion order, so that the
 * points of neighbouring tetrahedra lie close in memory as well as in space (random input order costs a cache miss per
 * predicate); {@link #rank} keeps the caller's index of each, which is also its symbolic rank in the perturbation.
 * Four enclosing vertices follow the points.
 */
final class TetStore {
    private static final double SUPER_SCALE = 1e5;

    final double[] points;
    final int[] rank;
    final int pointCount;
    /** The points' bounding box. */
    final double[] lo = new double[3];
    final double[] hi = new double[3];
    /**
     * Per tetrahedron eight ints, its four vertices then its four neighbours (-1: none), so that one cache line holds
     * what the cavity search reads of a tetrahedron; a removed tetrahedron has its first vertex stored complemented.
     */
    int[] cell;
    private int used;

    /** Stores the points in the given order and makes the enclosing tetrahedron, slot 0. */
    TetStore(double[] xyz, int[] order) {
        this.pointCount = xyz.length / 3;
        this.points = new double[xyz.length + 12];
        this.rank = order;
        // uniform points make 6.75 tetrahedra each: room for 7 avoids copying the largest array as it grows
        this.cell = new int[8 * 16];
        for (int i = 0; i < pointCount; i++) {
            System.arraycopy(xyz, 3 * order[i], points, 3 * i, 3);
        }
        enclose();
    }

    /** The enclosing tetrahedron, positively oriented, around the points' bounding box. */
    private void enclose() {
        SpatialOrder.bounds(points, pointCount, lo, hi);
        double extent = Math.max(Math.max(hi[0] - lo[0], hi[1] - lo[1]), Math.max(hi[2] - lo[2], 1e-300));
        double r = SUPER_SCALE * Math.max(extent, 1e-6 * Math.max(Math.abs(lo[0]), Math.max(Math.abs(lo[1]),
                Math.abs(lo[2]))) + 1e-300);
        double[][] corner = {{1, 1, 1}, {1, -1, -1}, {-1, 1, -1}, {-1, -1, 1}};
        for (int k = 0; k < 4; k++) {
            for (int c = 0; c < 3; c++) {
                points[3 * (pointCount + k) + c] = (lo[c] + hi[c]) / 2 + 3 * r * corner[k][c];
            }
        }
        int n = pointCount;
        int[] w = {n, n + 1, n + 2, n + 3};
        if (orient(w[0], w[1], w[2], w[3]) < 0) {
            w[0] = n + 1;
            w[1] = n;
        }
        int t = grow();
        System.arraycopy(w, 0, cell, 8 * t, 4);
        Arrays.fill(cell, 8 * t + 4, 8 * t + 8, -1);
    }

    /** Slots in use (live or removed). */
    int size() {
        return used;
    }

    /** A fresh slot at the end, growing the storage. */
    int grow() {
        if (8L * (used + 1) > cell.length) {
            long capacity = Math.max(2L * cell.length, 8L * (used + 1));
            if (capacity > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than " + (Integer.MAX_VALUE / 8) + " tetrahedra; the "
                        + "triangulation of " + pointCount + " points does not fit one array");
            }
            cell = Arrays.copyOf(cell, (int) capacity);
        }
        return used++;
    }

    /**
     * Takes the slots up to {@code size} at once, marked removed (for inserters that must not grow the storage while
     * they run).
     */
    void reserve(int size) {
        if (8L * size > cell.length) {
            cell = Arrays.copyOf(cell, 8 * size);
        }
        // until an inserter fills them, the reserved slots read as removed tetrahedra
        for (int t = used; t < size; t++) {
            cell[8 * t] = -1;
        }
        used = Math.max(used, size);
    }

    boolean isDead(int t) {
        return cell[8 * t] < 0;
    }

    /** A live tetrahedron, or -1. */
    int anyLive() {
        for (int t = used - 1; t >= 0; t--) {
            if (!isDead(t)) {
                return t;
            }
        }
        return -1;
    }

    /** A live tetrahedron whose four vertices are points of the given side, or -1. */
    int ownTetrahedron(byte[] sideOf, int side) {
        for (int t = 0; t < used; t++) {
            boolean own = !isDead(t);
            for (int i = 0; i < 4 && own; i++) {
                int p = cell[8 * t + i];
                own = p < pointCount && sideOf[p] == side;
            }
            if (own) {
                return t;
            }
        }
        return -1;
    }

    int orient(int a, int b, int c, int d) {
        double[] p = points;
        return Predicates.orient3d(p[3 * a], p[3 * a + 1], p[3 * a + 2], p[3 * b], p[3 * b + 1], p[3 * b + 2],
                p[3 * c], p[3 * c + 1], p[3 * c + 2], p[3 * d], p[3 * d + 1], p[3 * d + 2]);
    }

    /** Whether stored point {@code q} lies in the (perturbed) circumsphere of live tetrahedron {@code t}. */
    boolean conflicts(int t, int q) {
        int[] c = cell;
        return Predicates.insphereSos(points, rank, c[8 * t], c[8 * t + 1], c[8 * t + 2], c[8 * t + 3], q) > 0;
    }

    /**
     * The result with the caller's point indices and coordinates (the enclosing vertices stay N .. N+3), without the
     * removed tetrahedra; the second half of the slots on a second thread when {@code parallel}.
     */
    Delaunay3d.Triangulation inCallerOrder(double[] xyz, boolean parallel) {
        int[] map = new int[used];
        int live = 0;
        for (int t = 0; t < used; t++) {
            map[t] = isDead(t) ? -1 : live++;
        }
        int[] nt = new int[4 * live];
        int[] nn = new int[4 * live];
        int half = used / 2;
        Runnable second = () -> copyLive(map, nt, nn, half, used);
        Thread other = null;
        if (parallel && used > 1 << 16) {
            other = new Thread(second, "delaunay-output");
            other.setDaemon(true);
            other.start();
        }
        copyLive(map, nt, nn, 0, half);
        if (other == null) {
            second.run();
        } else {
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while triangulating", e);
            }
        }
        double[] out = Arrays.copyOf(xyz, xyz.length + 12);
        System.arraycopy(points, 3 * pointCount, out, 3 * pointCount, 12);
        return new Delaunay3d.Triangulation(out, pointCount, nt, nn);
    }

    private void copyLive(int[] map, int[] nt, int[] nn, int from, int to) {
        int n = pointCount;
        for (int t = from; t < to; t++) {
            if (map[t] >= 0) {
                for (int k = 0; k < 4; k++) {
                    int p = cell[8 * t + k];
                    nt[4 * map[t] + k] = p < n ? rank[p] : p;
                    int m = cell[8 * t + 4 + k];
                    nn[4 * map[t] + k] = m < 0 ? -1 : map[m];
                }
            }
        }
    }
}
