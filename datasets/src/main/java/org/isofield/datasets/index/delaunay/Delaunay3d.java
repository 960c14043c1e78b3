package org.isofield.datasets.index.delaunay;

import java.util.stream.IntStream;

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
 * <p>Points are inserted in a biased randomised order ({@link SpatialOrder#brio}). For large inputs, past the first
 * rounds, the points are split by a plane into two sides inserted by two threads at once ({@link SplitInsertion}); the
 * few points next to the plane that either side leaves are split again across another axis, and those left then are
 * inserted last by one thread. The result, tetrahedron order included, is the same on any number of cores.
 *
 * <p>Tetrahedra are positively oriented ({@link Predicates#orient3d} {@code > 0}); {@link Triangulation#neighbors}
 * gives, per tetrahedron and vertex slot, the tetrahedron across the face opposite that vertex, or -1 on the outer
 * hull.
 */
public final class Delaunay3d {

    /** Below this many points the build runs on one thread. */
    static final int SPLIT_MIN = 50_000;
    /** The share of the points inserted before the split (the hull must be near its final shape by then). */
    private static final int PREFIX_DIVISOR = 16;

    private Delaunay3d() {
    }

    /**
     * Triangulates the points.
     *
     * @param xyz distinct finite points, {@code 3N}, N at least 1
     * @throws IllegalArgumentException for a non-finite coordinate or a repeated point
     */
    public static Triangulation build(double[] xyz) {
        check(xyz);
        return build(xyz, SpatialOrder.brio(xyz), Runtime.getRuntime().availableProcessors() > 1, SPLIT_MIN);
    }

    /**
     * Inserts the (checked) points in the given order.
     *
     * @param parallel whether the two sides of the split run on two threads (the result is the same either way)
     * @param splitMin the fewest points that are split ({@link #SPLIT_MIN}; tests split smaller sets); at least half
     *     as many are inserted before the split
     */
    static Triangulation build(double[] xyz, int[] order, boolean parallel, int splitMin) {
        TetStore s = new TetStore(xyz, order);
        int n = s.pointCount;
        byte[] sideOf = new byte[n];
        int prefix = n < splitMin || (long) SplitInsertion.SLOTS_PER_POINT * n > Integer.MAX_VALUE / 16 ? n
                : Math.max(splitMin / 2, n / PREFIX_DIVISOR);
        Inserter all = new Inserter(s, sideOf, -1, 0, 0, 0);
        // the prefix itself is split the same way after a prefix of its own
        int first = prefix >= splitMin && prefix < n ? prefix / PREFIX_DIVISOR : prefix;
        for (int i = 0; i < first; i++) {
            all.insert(i);
        }
        if (first < prefix) {
            for (int q : SplitInsertion.insert(s, sideOf, IntStream.range(first, prefix).toArray(), 0, parallel, all)) {
                all.insert(q);
            }
        }
        int[] rest = IntStream.range(prefix, n).toArray();
        // the points either side leaves lie next to the plane: a second split across another axis takes most of them
        for (int round = 0; round < 2 && rest.length >= splitMin / 16; round++) {
            rest = SplitInsertion.insert(s, sideOf, rest, round, parallel, all);
        }
        for (int q : rest) {
            all.insert(q);
        }
        return s.inCallerOrder(xyz, parallel);
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

}
