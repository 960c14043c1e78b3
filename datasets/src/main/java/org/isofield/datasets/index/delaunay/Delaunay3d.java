package org.isofield.datasets.index.delaunay;

import java.util.Arrays;

/**
 * The 3D Delaunay triangulation of a point set, by Bowyer-Watson insertion (each point removes the tetrahedra whose
 * circumsphere holds it and fills the cavity with tetrahedra to it) on the exact predicates of {@link Predicates}.
 * Co-spherical points are resolved by {@link Predicates#insphereSos}, so the triangulation is unique and valid for
 * grids and other degenerate inputs; the inputs must be distinct and finite.
 *
 * <p>The points are enclosed in a tetrahedron of four extra vertices (indices {@code N .. N+3}) 1e5 times the
 * points' extent away. The result keeps them: its tetrahedra are the Delaunay tetrahedra of the points and the extra
 * vertices together. Those without an extra vertex are Delaunay tetrahedra of the points (their circumspheres are
 * empty); near the convex hull a few very flat Delaunay tetrahedra of the points alone can be missing, which does not
 * matter for Voronoi faces inside the hull (VoroMesh adds the box corners as generators for that reason).
 *
 * <p>Tetrahedra are positively oriented ({@link Predicates#orient3d} {@code > 0}); {@link Triangulation#neighbors}
 * gives, per tetrahedron and vertex slot, the tetrahedron across the face opposite that vertex, or -1 on the outer
 * hull.
 */
public final class Delaunay3d {
    private static final double SUPER_SCALE = 1e5;

    private final double[] points;
    private final int pointCount;
    private int[] tet = new int[64];
    private int[] nbr = new int[64];
    private boolean[] dead = new boolean[16];
    private int tets;
    private int last;
    /** Slots of removed tetrahedra, reused by later insertions. */
    private int[] free = new int[16];
    private int freeCount;
    private int[] cavity = new int[16];
    private int[] faces = new int[32];
    private final int[] v = new int[4];
    /** Open-addressing map from a cavity edge to the new tetrahedron's slot that holds it (-1: empty). */
    private long[] edgeKeys = new long[64];
    private int[] edgeSlots = new int[64];
    /** The part of the edge map in use for the current cavity, minus one (a power of two minus one). */
    private int edgeMask = 63;

    private Delaunay3d(double[] xyz) {
        this.pointCount = xyz.length / 3;
        this.points = Arrays.copyOf(xyz, xyz.length + 12);
    }

    /**
     * Triangulates the points.
     *
     * @param xyz distinct finite points, {@code 3N}, N at least 1
     * @throws IllegalArgumentException for a non-finite coordinate or a repeated point
     */
    public static Triangulation build(double[] xyz) {
        check(xyz);
        return build(xyz, SpatialOrder.morton(xyz));
    }

    /** Inserts the (checked) points in the given order. */
    static Triangulation build(double[] xyz, int[] order) {
        Delaunay3d d = new Delaunay3d(xyz);
        d.enclose();
        for (int i : order) {
            d.insert(i);
        }
        d.compact();
        return new Triangulation(d.points, d.pointCount, d.tet, d.nbr);
    }

    /**
     * A triangulation.
     *
     * @param points the points, the four enclosing vertices last ({@code 3 (N + 4)}); do not write
     * @param pointCount the number of input points N (the enclosing vertices are N .. N+3)
     * @param tetrahedra four vertex indices each, positively oriented; do not write
     * @param neighbors per tetrahedron and slot, the tetrahedron across the face opposite that slot's vertex, or -1
     */
    public record Triangulation(double[] points, int pointCount, int[] tetrahedra, int[] neighbors) {
        public int tetrahedronCount() {
            return tetrahedra.length / 4;
        }
    }

    private static void check(double[] xyz) {
        if (xyz.length == 0 || xyz.length % 3 != 0) {
            throw new IllegalArgumentException("expected 3N coordinates with N >= 1; found " + xyz.length);
        }
        for (int i = 0; i < xyz.length; i++) {
            if (!Double.isFinite(xyz[i])) {
                throw new IllegalArgumentException("coordinate " + i + " of point " + i / 3 + " is " + xyz[i]
                        + "; expected a finite number");
            }
        }
    }

    /** The enclosing tetrahedron, positively oriented, around the points' bounding box. */
    private void enclose() {
        double[] lo = new double[3];
        double[] hi = new double[3];
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
        int[] v = {n, n + 1, n + 2, n + 3};
        if (orient(v[0], v[1], v[2], v[3]) < 0) {
            int t = v[0];
            v[0] = v[1];
            v[1] = t;
        }
        add(v[0], v[1], v[2], v[3]);
        Arrays.fill(nbr, 0, 4, -1);
    }

    private int orient(int a, int b, int c, int d) {
        double[] p = points;
        return Predicates.orient3d(p[3 * a], p[3 * a + 1], p[3 * a + 2], p[3 * b], p[3 * b + 1], p[3 * b + 2],
                p[3 * c], p[3 * c + 1], p[3 * c + 2], p[3 * d], p[3 * d + 1], p[3 * d + 2]);
    }

    private int add(int a, int b, int c, int d) {
        if (freeCount > 0) {
            int t = free[--freeCount];
            set(t, a, b, c, d);
            return t;
        }
        if (4 * (tets + 1) > tet.length) {
            tet = Arrays.copyOf(tet, 2 * tet.length);
            nbr = Arrays.copyOf(nbr, 2 * nbr.length);
            dead = Arrays.copyOf(dead, 2 * dead.length);
        }
        int t = tets++;
        set(t, a, b, c, d);
        return t;
    }

    private void set(int t, int a, int b, int c, int d) {
        tet[4 * t] = a;
        tet[4 * t + 1] = b;
        tet[4 * t + 2] = c;
        tet[4 * t + 3] = d;
        dead[t] = false;
    }

    /** A live tetrahedron that contains point {@code q}, by a walk across faces from the last one made. */
    private int locate(int q) {
        int t = last;
        for (int steps = 0; steps < 4 * tets + 16; steps++) {
            int next = -1;
            for (int k0 = 0; k0 < 4 && next < 0; k0++) {
                int k = (k0 + steps) & 3;
                System.arraycopy(tet, 4 * t, v, 0, 4);
                v[k] = q;
                if (orient(v[0], v[1], v[2], v[3]) < 0) {
                    next = nbr[4 * t + k];
                }
            }
            if (next < 0) {
                return t;
            }
            t = next;
        }
        throw new IllegalStateException("the walk to point " + q + " did not end; the triangulation is broken");
    }

    private boolean conflicts(int t, int q) {
        return Predicates.insphereSos(points, tet[4 * t], tet[4 * t + 1], tet[4 * t + 2], tet[4 * t + 3], q) > 0;
    }

    private void insert(int q) {
        int start = locate(q);
        int count = 0;
        cavity[count++] = start;
        dead[start] = true;
        // boundary faces: (conflict tet, slot) whose neighbour is not in conflict
        int faceCount = 0;
        for (int h = 0; h < count; h++) {
            int t = cavity[h];
            for (int k = 0; k < 4; k++) {
                int n = nbr[4 * t + k];
                if (n >= 0 && dead[n]) {
                    continue;
                }
                if (n >= 0 && conflicts(n, q)) {
                    dead[n] = true;
                    if (count == cavity.length) {
                        cavity = Arrays.copyOf(cavity, 2 * count);
                    }
                    cavity[count++] = n;
                } else {
                    if (2 * faceCount + 2 > faces.length) {
                        faces = Arrays.copyOf(faces, 2 * faces.length);
                    }
                    faces[2 * faceCount] = t;
                    faces[2 * faceCount + 1] = k;
                    faceCount++;
                }
            }
        }
        clearEdges(3 * faceCount);
        int open = 0;
        for (int f = 0; f < faceCount; f++) {
            int t = faces[2 * f];
            int k = faces[2 * f + 1];
            int outside = nbr[4 * t + k];
            System.arraycopy(tet, 4 * t, v, 0, 4);
            v[k] = q;
            int made = add(v[0], v[1], v[2], v[3]);
            nbr[4 * made + k] = outside;
            if (outside >= 0) {
                for (int j = 0; j < 4; j++) {
                    if (nbr[4 * outside + j] == t) {
                        nbr[4 * outside + j] = made;
                    }
                }
            }
            // the other three faces contain q: link them through the edge of the cavity face they contain
            for (int j = 0; j < 4; j++) {
                if (j == k) {
                    continue;
                }
                int a = -1;
                int b = -1;
                for (int i = 0; i < 4; i++) {
                    if (i != j && i != k) {
                        if (a < 0) {
                            a = v[i];
                        } else {
                            b = v[i];
                        }
                    }
                }
                int other = pairEdge(((long) Math.min(a, b) << 32) | Math.max(a, b), 4 * made + j);
                if (other < 0) {
                    open++;
                } else {
                    nbr[4 * made + j] = other / 4;
                    nbr[other] = made;
                    open--;
                }
            }
            last = made;
        }
        if (open != 0) {
            throw new IllegalStateException("the cavity of point " + q + " is not closed; the triangulation is broken");
        }
        for (int h = 0; h < count; h++) {
            if (freeCount == free.length) {
                free = Arrays.copyOf(free, 2 * freeCount);
            }
            free[freeCount++] = cavity[h];
        }
    }

    /** Empties the edge map, sized for {@code edges} entries at most half full. */
    private void clearEdges(int edges) {
        int size = Integer.highestOneBit(Math.max(16, 2 * edges)) << 1;
        if (edgeKeys.length < size) {
            edgeKeys = new long[size];
            edgeSlots = new int[size];
        }
        // only the part this cavity uses: one large cavity must not make every later insertion clear a large table
        edgeMask = size - 1;
        Arrays.fill(edgeKeys, 0, size, -1L);
    }

    /**
     * Pairs an edge of the cavity's new faces: the first time it is seen, stores {@code slot} and returns -1; the
     * second time, removes it and returns the slot stored.
     */
    private int pairEdge(long key, int slot) {
        int mask = edgeMask;
        int h = (int) (key ^ key >>> 29) * 0x9E3779B1 & mask;
        while (edgeKeys[h] != -1L) {
            if (edgeKeys[h] == key) {
                edgeKeys[h] = -2L; // a tombstone keeps later probes going
                return edgeSlots[h];
            }
            h = (h + 1) & mask;
        }
        edgeKeys[h] = key;
        edgeSlots[h] = slot;
        return -1;
    }

    /** Drops the removed tetrahedra and renumbers the neighbours. */
    private void compact() {
        int[] map = new int[tets];
        int live = 0;
        for (int t = 0; t < tets; t++) {
            map[t] = dead[t] ? -1 : live++;
        }
        int[] nt = new int[4 * live];
        int[] nn = new int[4 * live];
        for (int t = 0; t < tets; t++) {
            if (map[t] >= 0) {
                for (int k = 0; k < 4; k++) {
                    nt[4 * map[t] + k] = tet[4 * t + k];
                    int n = nbr[4 * t + k];
                    nn[4 * map[t] + k] = n < 0 ? -1 : map[n];
                }
            }
        }
        tet = nt;
        nbr = nn;
        tets = live;
    }
}
