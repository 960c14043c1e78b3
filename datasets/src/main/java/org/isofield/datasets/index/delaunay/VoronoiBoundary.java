package org.isofield.datasets.index.delaunay;

import java.util.Arrays;
import java.util.Objects;
import org.isofield.datasets.geom.DoubleMesh;

/**
 * The surface between the inside and outside cells of a labelled Voronoi diagram: the Voronoi faces dual to the
 * Delaunay edges whose two points have opposite labels (VoroMesh, Maruani et al. 2023). Each face is the polygon of
 * the Voronoi vertices ({@link VoronoiVertices}) of the tetrahedra around its edge, in the order they turn about it,
 * oriented with its normal from the inside point to the outside one and fan-triangulated (Voronoi faces are convex).
 * Vertices are shared between faces, so the surface is closed: each Voronoi edge on it lies in exactly two of its
 * faces, and faces of an exact diagram meet only along shared edges and vertices.
 *
 * <p>Points on the hull (touching an enclosing vertex, so with unbounded cells) count as outside whatever their
 * label, which keeps every face bounded. A face whose polygon has fewer than three distinct vertices (co-spherical
 * points: the two cells touch along a segment or a point only) has no area and is left out.
 */
public final class VoronoiBoundary {
    private VoronoiBoundary() {
    }

    /**
     * The boundary and its counts.
     *
     * @param mesh the triangles, in the points' coordinates
     * @param polygons Voronoi faces on the boundary
     * @param degenerate faces left out for having no area
     * @param hullInside points labelled inside but on the hull, counted as outside
     */
    public record Result(DoubleMesh mesh, int polygons, int degenerate, int hullInside) {
    }

    /**
     * Extracts the boundary.
     *
     * @param inside per input point, whether its cell is inside ({@code N} labels)
     */
    public static Result extract(VoronoiVertices vertices, boolean[] inside) {
        Delaunay3d.Triangulation tri = vertices.triangulation();
        int n = tri.pointCount();
        Objects.requireNonNull(inside, "inside");
        if (inside.length != n) {
            throw new IllegalArgumentException("expected " + n + " labels, one per point; found " + inside.length);
        }
        int[] t4 = tri.tetrahedra();
        int[] nb = tri.neighbors();
        int tets = tri.tetrahedronCount();
        boolean[] in = inside.clone();
        int hullInside = 0;
        for (int t = 0; t < tets; t++) {
            if (vertices.vertexOf(t) < 0) {
                for (int k = 0; k < 4; k++) {
                    int v = t4[4 * t + k];
                    if (v < n && in[v]) {
                        in[v] = false;
                        hullInside++;
                    }
                }
            }
        }
        int[] outIndex = new int[vertices.count()];
        Arrays.fill(outIndex, -1);
        Growing out = new Growing();
        int[] ring = new int[64];
        int polygons = 0;
        int degenerate = 0;
        for (int t = 0; t < tets; t++) {
            if (vertices.vertexOf(t) < 0) {
                continue;
            }
            for (int i = 0; i < 3; i++) {
                for (int j = i + 1; j < 4; j++) {
                    int a = t4[4 * t + i];
                    int b = t4[4 * t + j];
                    if (in[a] == in[b]) {
                        continue;
                    }
                    ring = ring(t4, nb, t, a, b, ring);
                    int m = ring[0];
                    boolean first = true;
                    for (int r = 1; r <= m && first; r++) {
                        first = ring[r] >= t;
                    }
                    if (!first) {
                        continue; // the ring's smallest tetrahedron emits the face
                    }
                    int k = polygon(vertices, ring);
                    if (k < 3) {
                        degenerate++;
                        continue;
                    }
                    polygons++;
                    out.fan(ring, k, !in[a], outIndex, vertices.centres());
                }
            }
        }
        return new Result(DoubleMesh.of(out.vertices(), out.faces()), polygons, degenerate, hullInside);
    }

    /**
     * The tetrahedra around edge {@code a b}, starting at {@code t}, in the order that turns counter-clockwise seen
     * from {@code b} (so a polygon through their circumcentres has its normal from a to b); {@code ring[0]} is their
     * count. All of them exist, since every tetrahedron has four neighbours or -1 only on the outer hull, which an
     * edge of a tetrahedron of input points never lies on when both its points are labelled.
     */
    static int[] ring(int[] t4, int[] nb, int t, int a, int b, int[] ring) {
        int m = 0;
        int cur = t;
        do {
            if (m + 2 > ring.length) {
                ring = Arrays.copyOf(ring, 2 * ring.length);
            }
            ring[++m] = cur;
            int base = 4 * cur;
            int sa = -1;
            int sb = -1;
            int x = -1;
            int y = -1;
            for (int s = 0; s < 4; s++) {
                int v = t4[base + s];
                if (v == a) {
                    sa = s;
                } else if (v == b) {
                    sb = s;
                } else if (x < 0) {
                    x = s;
                } else {
                    y = s;
                }
            }
            if (!even(sa, sb, x, y)) {
                int swap = x;
                x = y;
                y = swap;
            }
            // (a, b, x, y) is positively oriented: turning from y's side to x's, cross the face without y
            cur = nb[base + y];
            if (cur < 0) {
                throw new IllegalStateException("edge " + a + " " + b + " reaches the outer hull");
            }
        } while (cur != t);
        ring[0] = m;
        return ring;
    }

    /** Whether the slot order {@code (p0, p1, p2, p3)} is an even permutation of {@code (0, 1, 2, 3)}. */
    static boolean even(int p0, int p1, int p2, int p3) {
        int[] p = {p0, p1, p2, p3};
        int inversions = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                if (p[i] > p[j]) {
                    inversions++;
                }
            }
        }
        return (inversions & 1) == 0;
    }

    /**
     * Replaces the ring's tetrahedra (from {@code ring[1]}) by their Voronoi vertices, consecutive repeats (cyclic)
     * dropped, and returns how many remain.
     */
    private static int polygon(VoronoiVertices vertices, int[] ring) {
        int m = ring[0];
        int k = 0;
        for (int r = 1; r <= m; r++) {
            int c = vertices.vertexOf(ring[r]);
            if (k == 0 || ring[k] != c) {
                ring[++k] = c;
            }
        }
        while (k > 1 && ring[k] == ring[1]) {
            k--;
        }
        return k;
    }

    /** The output arrays, growing. */
    private static final class Growing {
        private double[] v = new double[3 * 1024];
        private int nv;
        private int[] f = new int[3 * 2048];
        private int nf;

        /** Fans polygon {@code poly[1..k]} of Voronoi vertex ids, reversed when {@code flip}. */
        void fan(int[] poly, int k, boolean flip, int[] outIndex, double[] centres) {
            for (int r = 1; r <= k; r++) {
                int c = poly[r];
                if (outIndex[c] < 0) {
                    if (3 * nv + 3 > v.length) {
                        v = Arrays.copyOf(v, 2 * v.length);
                    }
                    System.arraycopy(centres, 3 * c, v, 3 * nv, 3);
                    outIndex[c] = nv++;
                }
            }
            for (int r = 2; r < k; r++) {
                if (3 * nf + 3 > f.length) {
                    f = Arrays.copyOf(f, 2 * f.length);
                }
                int p0 = outIndex[poly[1]];
                int p1 = outIndex[poly[r]];
                int p2 = outIndex[poly[r + 1]];
                f[3 * nf] = p0;
                f[3 * nf + 1] = flip ? p2 : p1;
                f[3 * nf + 2] = flip ? p1 : p2;
                nf++;
            }
        }

        double[] vertices() {
            return Arrays.copyOf(v, 3 * nv);
        }

        int[] faces() {
            return Arrays.copyOf(f, 3 * nf);
        }
    }
}
