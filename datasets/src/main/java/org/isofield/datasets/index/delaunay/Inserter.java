package org.isofield.datasets.index.delaunay;

import java.util.Arrays;

/**
 * Bowyer-Watson insertion into the shared tetrahedra of a {@link Delaunay3d} build: locate the point by a walk,
 * remove the tetrahedra whose circumsphere holds it (the cavity), and fill the cavity with tetrahedra to it.
 *
 * <p>An inserter either owns the whole triangulation (side -1: it grows the storage as needed) or one side of a split
 * (side 0 or 1), run beside the inserter of the other side. A side-bound inserter only ever reads, removes or makes
 * tetrahedra whose four vertices all lie on its side ("its own"), and only writes, in the tetrahedra just outside its
 * cavities, the link that pointed into the cavity. A point whose walk or cavity reaches any other tetrahedron is
 * refused (returned false, nothing changed) and left for a later pass by one inserter that owns everything. Own
 * tetrahedra of two sides never share a face, and tetrahedra with vertices on both sides are never removed while the
 * sides run, so what an inserter reads does not depend on the other's progress: its result, slots included, is the
 * same whether the two run one after the other or at once.
 */
final class Inserter {
    /** For the new tetrahedron made on face slot k, its other faces j != k contain q and edge slots (a, b). */
    private static final int[][] EDGE_A = new int[4][4];
    private static final int[][] EDGE_B = new int[4][4];

    static {
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < 4; j++) {
                int a = -1;
                int b = -1;
                for (int i = 0; i < 4; i++) {
                    if (i != j && i != k) {
                        if (a < 0) {
                            a = i;
                        } else {
                            b = i;
                        }
                    }
                }
                EDGE_A[k][j] = a;
                EDGE_B[k][j] = b;
            }
        }
    }

    private final TetStore store;
    private final byte[] sideOf;
    private final int side;
    private final int pointCount;
    /** Fresh slots this inserter may take: [next, end); unbounded (growing) for the owner of everything. */
    private int next;
    private final int end;
    private int[] free = new int[16];
    private int freeCount;
    private int last;
    /**
     * For a side: the last tetrahedron made for a point well away from the splitting plane, where a walk refused on
     * the way from {@link #last} (which may lie next to the plane) is tried once more.
     */
    private int anchor = -1;
    private int axis;
    private double plane;
    private double margin = Double.POSITIVE_INFINITY;
    private int[] cavity = new int[16];
    private int cavityCount;
    /** The cavity's boundary: (removed tetrahedron, slot) pairs whose neighbour stays. */
    private int[] faces = new int[32];
    private int faceCount;
    private final int[] v = new int[4];
    private final CavityEdges edges = new CavityEdges();

    /**
     * @param side -1 to own everything (fresh slots from the store's end, growing it), else 0 or 1 with the fresh
     *     slots {@code [from, to)} of a store that is not grown while the sides run
     * @param start a live tetrahedron to start the first walk from (one of its own for a side)
     */
    Inserter(TetStore store, byte[] sideOf, int side, int from, int to, int start) {
        this.store = store;
        this.sideOf = sideOf;
        this.side = side;
        this.pointCount = store.pointCount;
        this.next = from;
        this.end = to;
        this.last = start;
    }

    /** Slots to reuse before fresh ones (the owner of everything takes over those of the sides). */
    void addFree(int[] slots, int count) {
        if (freeCount + count > free.length) {
            free = Arrays.copyOf(free, Math.max(2 * free.length, freeCount + count));
        }
        System.arraycopy(slots, 0, free, freeCount, count);
        freeCount += count;
    }

    /** This inserter's removed and never used slots (reserved slots read as removed), handed over. */
    int[] releaseSlots() {
        int[] out = Arrays.copyOf(free, freeCount + (end - next));
        for (int t = next; t < end; t++) {
            out[freeCount++] = t;
        }
        next = end;
        return out;
    }

    /** For a side: the splitting plane (on {@code axis}) and the distance from it beyond which a point is "away". */
    void plane(int axis, double plane, double margin) {
        this.axis = axis;
        this.plane = plane;
        this.margin = margin;
    }

    /** Starts the next walk from live tetrahedron {@code t}. */
    void restart(int t) {
        last = t;
    }

    /** Inserts stored point {@code q}; false (and nothing changed) when a side-bound inserter must leave it. */
    boolean insert(int q) {
        int start = locate(q, last);
        if (start < 0 && anchor >= 0 && !store.isDead(anchor)) {
            // a live slot of a side always holds one of its own tetrahedra (slots are reused by their side only)
            start = locate(q, anchor);
        }
        if (start < 0 || !findCavity(q, start)) {
            return false;
        }
        if (side >= 0 && freeCount + (end - next) < faceCount) {
            restoreCavity();
            return false;
        }
        fillCavity(q);
        if (freeCount + cavityCount > free.length) {
            free = Arrays.copyOf(free, Math.max(2 * free.length, freeCount + cavityCount));
        }
        System.arraycopy(cavity, 0, free, freeCount, cavityCount);
        freeCount += cavityCount;
        if (side >= 0 && Math.abs(store.points[3 * q + axis] - plane) > margin) {
            anchor = last;
        }
        return true;
    }

    /** Whether this inserter may read and change tetrahedron {@code t}: all of it on its side (or it owns all). */
    private boolean own(int t) {
        if (side < 0) {
            return true;
        }
        int[] c = store.cell;
        for (int i = 0; i < 4; i++) {
            int p = c[8 * t + i];
            if (p < 0 || p >= pointCount || sideOf[p] != side) {
                return false;
            }
        }
        return true;
    }

    /** A live tetrahedron that contains point {@code q}, by a walk across faces from {@code from}; -1 refused. */
    private int locate(int q, int from) {
        int[] c = store.cell;
        int t = from;
        for (int steps = 0; steps < 4 * store.size() + 16; steps++) {
            int next = -1;
            for (int k0 = 0; k0 < 4 && next < 0; k0++) {
                int k = (k0 + steps) & 3;
                System.arraycopy(c, 8 * t, v, 0, 4);
                v[k] = q;
                if (store.orient(v[0], v[1], v[2], v[3]) < 0) {
                    next = c[8 * t + 4 + k];
                }
            }
            if (next < 0) {
                return t;
            }
            if (!own(next)) {
                return -1;
            }
            t = next;
        }
        throw new IllegalStateException("the walk to point " + q + " did not end; the triangulation is broken");
    }

    /** Removes the tetrahedra in conflict with {@code q} and lists the boundary; false (restored) when refused. */
    private boolean findCavity(int q, int start) {
        int[] c = store.cell;
        int count = 0;
        cavity[count++] = start;
        c[8 * start] = ~c[8 * start];
        int found = 0;
        for (int h = 0; h < count; h++) {
            int t = cavity[h];
            for (int k = 0; k < 4; k++) {
                int n = c[8 * t + 4 + k];
                if (n >= 0 && c[8 * n] < 0) {
                    continue;
                }
                if (n >= 0 && store.conflicts(n, q)) {
                    if (!own(n)) {
                        cavityCount = count;
                        restoreCavity();
                        return false;
                    }
                    c[8 * n] = ~c[8 * n];
                    if (count == cavity.length) {
                        cavity = Arrays.copyOf(cavity, 2 * count);
                    }
                    cavity[count++] = n;
                } else {
                    if (2 * found + 2 > faces.length) {
                        faces = Arrays.copyOf(faces, 2 * faces.length);
                    }
                    faces[2 * found] = t;
                    faces[2 * found + 1] = k;
                    found++;
                }
            }
        }
        cavityCount = count;
        faceCount = found;
        return true;
    }

    private void restoreCavity() {
        int[] c = store.cell;
        for (int h = 0; h < cavityCount; h++) {
            c[8 * cavity[h]] = ~c[8 * cavity[h]];
        }
    }

    /** One new tetrahedron per boundary face, to {@code q}, linked to the outside and to each other. */
    private void fillCavity(int q) {
        edges.clear(3 * faceCount);
        int open = 0;
        for (int f = 0; f < faceCount; f++) {
            int t = faces[2 * f];
            int k = faces[2 * f + 1];
            int[] c = store.cell;
            int outside = c[8 * t + 4 + k];
            System.arraycopy(c, 8 * t, v, 0, 4);
            v[0] = ~v[0];
            v[k] = q;
            int made = add();
            c = store.cell;
            System.arraycopy(v, 0, c, 8 * made, 4);
            c[8 * made + 4 + k] = outside;
            if (outside >= 0) {
                for (int j = 4; j < 8; j++) {
                    if (c[8 * outside + j] == t) {
                        c[8 * outside + j] = made;
                    }
                }
            }
            // the other three faces contain q: link them through the edge of the cavity face they contain
            for (int j = 0; j < 4; j++) {
                if (j == k) {
                    continue;
                }
                int other = edges.pair(v[EDGE_A[k][j]], v[EDGE_B[k][j]], 4 * made + j);
                if (other < 0) {
                    open++;
                } else {
                    c[8 * made + 4 + j] = other >> 2;
                    c[8 * (other >> 2) + 4 + (other & 3)] = made;
                    open--;
                }
            }
            last = made;
        }
        if (open != 0) {
            throw new IllegalStateException("the cavity of point " + q + " is not closed; the triangulation is broken");
        }
    }

    /** A slot for a new tetrahedron: a reused one, else a fresh one (the store grows only for the owner of all). */
    private int add() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (side < 0) {
            return store.grow();
        }
        return next++;
    }
}
