package org.isofield.datasets.index.delaunay;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import org.isofield.datasets.index.UnionFind;

/**
 * The vertices of the Voronoi diagram dual to a {@link Delaunay3d.Triangulation}: one per class of tetrahedra with the
 * same circumsphere. In general position each tetrahedron is its own class; co-spherical points (a grid) make several
 * tetrahedra of the perturbed triangulation share one exact Voronoi vertex, and they are merged here (neighbours
 * whose fifth point lies exactly on the sphere, by the exact {@link Predicates#insphere}), so the diagram has no
 * zero-length edges; so are neighbours whose circumcentres are closer than {@link #MERGE} of the points' extent
 * (nearly co-spherical points, whose Voronoi edge double coordinates cannot hold). Only tetrahedra of input points
 * take part; those with an enclosing vertex have no Voronoi
 * vertex, and the input points they touch (the hull) have unbounded cells.
 *
 * <p>Circumcentres are computed in double per tetrahedron, relative to its first vertex (a class takes its first
 * tetrahedron's);
 * when the tetrahedron is flat enough for that to lose digits (the triple product below 1e-3 of the edge lengths'
 * product) they are computed exactly in BigDecimal and rounded once.
 */
public final class VoronoiVertices {
    private static final double FLAT = 1e-3;
    /**
     * Neighbouring Voronoi vertices closer than this fraction of the points' extent are one vertex: their Voronoi
     * edge is below what double coordinates resolve (circumcentres carry errors of about 1e-16 of the coordinates),
     * and keeping both let faces cross by that much (two pairs in a fandisk mesh of 180k faces).
     */
    static final double MERGE = 1e-12;

    private final Delaunay3d.Triangulation tri;
    private final int[] classOf;
    private final double[] centres;

    private VoronoiVertices(Delaunay3d.Triangulation tri, int[] classOf, double[] centres) {
        this.tri = tri;
        this.classOf = classOf;
        this.centres = centres;
    }

    /** The Voronoi vertices of a triangulation. */
    public static VoronoiVertices of(Delaunay3d.Triangulation tri) {
        int[] t4 = tri.tetrahedra();
        int[] nb = tri.neighbors();
        int tets = tri.tetrahedronCount();
        int n = tri.pointCount();
        double[] p = tri.points();
        double[] own = new double[3 * tets];
        for (int t = 0; t < tets; t++) {
            if (finite(t4, t, n)) {
                circumcentre(p, t4[4 * t], t4[4 * t + 1], t4[4 * t + 2], t4[4 * t + 3], own, 3 * t);
            }
        }
        double tolerance = MERGE * extent(p, n);
        UnionFind uf = new UnionFind(tets);
        for (int t = 0; t < tets; t++) {
            if (!finite(t4, t, n)) {
                continue;
            }
            for (int k = 0; k < 4; k++) {
                int u = nb[4 * t + k];
                if (u <= t || !finite(t4, u, n)) {
                    continue;
                }
                double dx = own[3 * t] - own[3 * u], dy = own[3 * t + 1] - own[3 * u + 1],
                        dz = own[3 * t + 2] - own[3 * u + 2];
                if (dx * dx + dy * dy + dz * dz <= tolerance * tolerance || onSphere(p, t4, nb, t, u)) {
                    uf.union(t, u);
                }
            }
        }
        int[] classOf = new int[tets];
        int[] rootClass = new int[tets];
        Arrays.fill(rootClass, -1);
        int classes = 0;
        for (int t = 0; t < tets; t++) {
            if (!finite(t4, t, n)) {
                classOf[t] = -1;
                continue;
            }
            int r = uf.find(t);
            if (rootClass[r] < 0) {
                rootClass[r] = classes++;
            }
            classOf[t] = rootClass[r];
        }
        double[] centres = new double[3 * classes];
        boolean[] done = new boolean[classes];
        for (int t = 0; t < tets; t++) {
            int c = classOf[t];
            if (c >= 0 && !done[c]) {
                done[c] = true;
                System.arraycopy(own, 3 * t, centres, 3 * c, 3);
            }
        }
        return new VoronoiVertices(tri, classOf, centres);
    }

    /** The triangulation these are the vertices of. */
    public Delaunay3d.Triangulation triangulation() {
        return tri;
    }

    /** Number of Voronoi vertices. */
    public int count() {
        return centres.length / 3;
    }

    /** The Voronoi vertex of tetrahedron {@code t}, or -1 when it has an enclosing vertex. */
    public int vertexOf(int t) {
        return classOf[t];
    }

    /** Coordinates, 3 per vertex; shared, do not write. */
    public double[] centres() {
        return centres;
    }

    /**
     * Per input point, the mean of its Voronoi cell's distinct vertices ({@code 3N}); NaN for the points on the hull,
     * whose cells are unbounded.
     */
    public double[] cellBarycentres() {
        int n = tri.pointCount();
        int[] t4 = tri.tetrahedra();
        int tets = tri.tetrahedronCount();
        boolean[] unbounded = new boolean[n];
        long[] pairs = new long[4 * tets];
        int m = 0;
        for (int t = 0; t < tets; t++) {
            for (int k = 0; k < 4; k++) {
                int v = t4[4 * t + k];
                if (v >= n) {
                    continue;
                }
                if (classOf[t] < 0) {
                    unbounded[v] = true;
                } else {
                    pairs[m++] = (long) v << 32 | classOf[t];
                }
            }
        }
        Arrays.parallelSort(pairs, 0, m);
        double[] sum = new double[3 * n];
        int[] count = new int[n];
        for (int i = 0; i < m; i++) {
            if (i > 0 && pairs[i] == pairs[i - 1]) {
                continue;
            }
            int v = (int) (pairs[i] >>> 32);
            int c = (int) pairs[i];
            sum[3 * v] += centres[3 * c];
            sum[3 * v + 1] += centres[3 * c + 1];
            sum[3 * v + 2] += centres[3 * c + 2];
            count[v]++;
        }
        for (int v = 0; v < n; v++) {
            for (int a = 0; a < 3; a++) {
                sum[3 * v + a] = unbounded[v] || count[v] == 0 ? Double.NaN : sum[3 * v + a] / count[v];
            }
        }
        return sum;
    }

    /** Whether the vertex of {@code u} across from {@code t} lies exactly on the circumsphere of {@code t}. */
    private static boolean onSphere(double[] p, int[] t4, int[] nb, int t, int u) {
        int e = opposite(t4, nb, u, t);
        int a = t4[4 * t], b = t4[4 * t + 1], c = t4[4 * t + 2], d = t4[4 * t + 3];
        return Predicates.insphere(p[3 * a], p[3 * a + 1], p[3 * a + 2], p[3 * b], p[3 * b + 1], p[3 * b + 2],
                p[3 * c], p[3 * c + 1], p[3 * c + 2], p[3 * d], p[3 * d + 1], p[3 * d + 2], p[3 * e], p[3 * e + 1],
                p[3 * e + 2]) == 0;
    }

    /** The longest side of the bounding box of the first {@code n} points. */
    private static double extent(double[] p, int n) {
        double[] lo = new double[3];
        double[] hi = new double[3];
        SpatialOrder.bounds(p, n, lo, hi);
        return Math.max(hi[0] - lo[0], Math.max(hi[1] - lo[1], hi[2] - lo[2]));
    }

    /** Whether tetrahedron {@code t} has only input points (indices below {@code n}). */
    static boolean finite(int[] t4, int t, int n) {
        return t4[4 * t] < n && t4[4 * t + 1] < n && t4[4 * t + 2] < n && t4[4 * t + 3] < n;
    }

    /** The vertex of {@code u} across its face shared with {@code t}. */
    private static int opposite(int[] t4, int[] nb, int u, int t) {
        for (int j = 0; j < 4; j++) {
            if (nb[4 * u + j] == t) {
                return t4[4 * u + j];
            }
        }
        throw new IllegalStateException("tetrahedra " + t + " and " + u + " are not mutual neighbours");
    }

    /** The centre of the sphere through four points, written to {@code out[at .. at + 2]}. */
    static void circumcentre(double[] p, int a, int b, int c, int d, double[] out, int at) {
        double ux = p[3 * b] - p[3 * a], uy = p[3 * b + 1] - p[3 * a + 1], uz = p[3 * b + 2] - p[3 * a + 2];
        double vx = p[3 * c] - p[3 * a], vy = p[3 * c + 1] - p[3 * a + 1], vz = p[3 * c + 2] - p[3 * a + 2];
        double wx = p[3 * d] - p[3 * a], wy = p[3 * d + 1] - p[3 * a + 1], wz = p[3 * d + 2] - p[3 * a + 2];
        double vwx = vy * wz - vz * wy, vwy = vz * wx - vx * wz, vwz = vx * wy - vy * wx;
        double wux = wy * uz - wz * uy, wuy = wz * ux - wx * uz, wuz = wx * uy - wy * ux;
        double uvx = uy * vz - uz * vy, uvy = uz * vx - ux * vz, uvz = ux * vy - uy * vx;
        double det = ux * vwx + uy * vwy + uz * vwz;
        double lu = ux * ux + uy * uy + uz * uz, lv = vx * vx + vy * vy + vz * vz, lw = wx * wx + wy * wy + wz * wz;
        if (Math.abs(det) < FLAT * Math.sqrt(lu * lv * lw)) {
            exactCircumcentre(p, a, b, c, d, out, at);
            return;
        }
        double s = 0.5 / det;
        out[at] = p[3 * a] + s * (lu * vwx + lv * wux + lw * uvx);
        out[at + 1] = p[3 * a + 1] + s * (lu * vwy + lv * wuy + lw * uvy);
        out[at + 2] = p[3 * a + 2] + s * (lu * vwz + lv * wuz + lw * uvz);
    }

    private static void exactCircumcentre(double[] p, int a, int b, int c, int d, double[] out, int at) {
        BigDecimal[] u = diff(p, b, a);
        BigDecimal[] v = diff(p, c, a);
        BigDecimal[] w = diff(p, d, a);
        BigDecimal[] vw = cross(v, w);
        BigDecimal[] wu = cross(w, u);
        BigDecimal[] uv = cross(u, v);
        BigDecimal det = dot(u, vw).multiply(BigDecimal.valueOf(2));
        if (det.signum() == 0) {
            throw new IllegalStateException("tetrahedron " + a + " " + b + " " + c + " " + d + " is flat; a Delaunay "
                    + "tetrahedron never is");
        }
        BigDecimal lu = dot(u, u);
        BigDecimal lv = dot(v, v);
        BigDecimal lw = dot(w, w);
        MathContext mc = MathContext.DECIMAL128;
        for (int k = 0; k < 3; k++) {
            BigDecimal num = lu.multiply(vw[k]).add(lv.multiply(wu[k])).add(lw.multiply(uv[k]));
            out[at + k] = new BigDecimal(p[3 * a + k]).add(num.divide(det, mc)).doubleValue();
        }
    }

    private static BigDecimal[] diff(double[] p, int i, int j) {
        return new BigDecimal[] {new BigDecimal(p[3 * i]).subtract(new BigDecimal(p[3 * j])),
            new BigDecimal(p[3 * i + 1]).subtract(new BigDecimal(p[3 * j + 1])),
            new BigDecimal(p[3 * i + 2]).subtract(new BigDecimal(p[3 * j + 2]))};
    }

    private static BigDecimal[] cross(BigDecimal[] x, BigDecimal[] y) {
        return new BigDecimal[] {x[1].multiply(y[2]).subtract(x[2].multiply(y[1])),
            x[2].multiply(y[0]).subtract(x[0].multiply(y[2])), x[0].multiply(y[1]).subtract(x[1].multiply(y[0]))};
    }

    private static BigDecimal dot(BigDecimal[] x, BigDecimal[] y) {
        return x[0].multiply(y[0]).add(x[1].multiply(y[1])).add(x[2].multiply(y[2]));
    }
}
