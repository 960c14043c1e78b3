package org.isofield.datasets.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.isofield.core.Parallel;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.index.bvh.TriangleBvh;

/**
 * Counts the pairs of faces of a mesh that intersect although they share no vertex, a standard mesh-quality metric.
 *
 * <p>Vertices at bit-identical positions count as the same vertex, so meshes with split vertices (seams, STL soups)
 * are treated like welded ones, and faces sharing a vertex are never tested (their contact is expected; a face
 * duplicated on the same vertices is not counted either). Coplanar pairs and zero-area faces are never counted.
 * Pairs that only touch may be counted.
 *
 * <p>Broad phase: a {@link TriangleBvh} box query per face, keeping candidates with a larger index. Narrow phase:
 * Möller's interval test ("A Fast Triangle-Triangle Intersection Test", Journal of Graphics Tools, 1997) in double
 * precision, with plane distances below {@code 1e-12} of the pair's scale treated as zero. Parallel over fixed chunks
 * of faces, so results do not depend on the thread count. Time about {@code O(n log n)} when each face's box meets
 * few others. Stateless and thread-safe.
 */
public final class SelfIntersections {
    private static final int GRAIN = 2048;
    private static final double PLANE_EPSILON = 1e-12;

    private SelfIntersections() {
    }

    /** Number of intersecting face pairs that share no vertex; usable as a {@code ToLongFunction<TriangleMesh>}. */
    public static long count(TriangleMesh mesh) {
        return scan(mesh, false).length;
    }

    /** The intersecting pairs as {@code int[2P]} ({@code i0 j0 i1 j1 ...} with {@code i < j}), sorted by i then j. */
    public static int[] pairs(TriangleMesh mesh) {
        long[] keys = scan(mesh, true);
        Arrays.sort(keys);
        int[] out = new int[2 * keys.length];
        for (int k = 0; k < keys.length; k++) {
            out[2 * k] = (int) (keys[k] >>> 32);
            out[2 * k + 1] = (int) keys[k];
        }
        return out;
    }

    /** Pairs as {@code i << 32 | j}; when not collecting, an array of the right length filled with zeros. */
    private static long[] scan(TriangleMesh mesh, boolean collect) {
        Objects.requireNonNull(mesh, "mesh");
        int nf = mesh.faceCount();
        if (nf < 2) {
            return new long[0];
        }
        int[] f = mesh.faces();
        float[] v = mesh.vertices();
        int[] canon = canonicalVertices(v);
        TriangleBvh bvh = TriangleBvh.build(mesh);
        Vec3d o = mesh.origin();
        List<long[]> parts = Parallel.mapChunks(nf, GRAIN, (chunk, start, end) -> {
            long[][] found = {new long[0]};
            int[] size = {0};
            double[] a = new double[9];
            double[] b = new double[9];
            for (int i = start; i < end; i++) {
                corners(v, f, i, a);
                int fi = i;
                Aabb box = new Aabb(o.x() + min(a, 0), o.y() + min(a, 1), o.z() + min(a, 2),
                        o.x() + max(a, 0), o.y() + max(a, 1), o.z() + max(a, 2));
                bvh.forEachOverlapping(box, j -> {
                    if (j <= fi || shareVertex(canon, f, fi, j)) {
                        return;
                    }
                    corners(v, f, j, b);
                    if (intersect(a, b)) {
                        if (size[0] == found[0].length) {
                            found[0] = Arrays.copyOf(found[0], Math.max(16, 2 * size[0]));
                        }
                        found[0][size[0]++] = collect ? ((long) fi << 32) | j : 0;
                    }
                });
            }
            return Arrays.copyOf(found[0], size[0]);
        });
        int total = 0;
        for (long[] p : parts) {
            total += p.length;
        }
        long[] out = new long[total];
        int at = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Canonical id per vertex: the first vertex with bit-identical coordinates (open addressing on the bits). */
    private static int[] canonicalVertices(float[] v) {
        int n = v.length / 3;
        int cap = Integer.highestOneBit(Math.max(4, 2 * n)) << 1;
        int[] table = new int[cap];
        int[] canon = new int[n];
        for (int i = 0; i < n; i++) {
            int x = Float.floatToIntBits(v[3 * i]), y = Float.floatToIntBits(v[3 * i + 1]),
                    z = Float.floatToIntBits(v[3 * i + 2]);
            int h = (x * 0x9E3779B1 + y * 0x85EBCA77 + z * 0xC2B2AE3D) & (cap - 1);
            while (true) {
                int e = table[h];
                if (e == 0) {
                    table[h] = i + 1;
                    canon[i] = i;
                    break;
                }
                int k = e - 1;
                if (Float.floatToIntBits(v[3 * k]) == x && Float.floatToIntBits(v[3 * k + 1]) == y
                        && Float.floatToIntBits(v[3 * k + 2]) == z) {
                    canon[i] = k;
                    break;
                }
                h = (h + 1) & (cap - 1);
            }
        }
        return canon;
    }

    private static boolean shareVertex(int[] canon, int[] f, int i, int j) {
        for (int a = 0; a < 3; a++) {
            int ca = canon[f[3 * i + a]];
            if (ca == canon[f[3 * j]] || ca == canon[f[3 * j + 1]] || ca == canon[f[3 * j + 2]]) {
                return true;
            }
        }
        return false;
    }

    private static void corners(float[] v, int[] f, int t, double[] out) {
        for (int c = 0; c < 3; c++) {
            int p = 3 * f[3 * t + c];
            out[3 * c] = v[p];
            out[3 * c + 1] = v[p + 1];
            out[3 * c + 2] = v[p + 2];
        }
    }

    private static double min(double[] a, int axis) {
        return Math.min(a[axis], Math.min(a[3 + axis], a[6 + axis]));
    }

    private static double max(double[] a, int axis) {
        return Math.max(a[axis], Math.max(a[3 + axis], a[6 + axis]));
    }

    /** Möller's test for triangles {@code a} and {@code b} (9 doubles each); false for coplanar or degenerate pairs. */
    static boolean intersect(double[] a, double[] b) {
        double[] nb = normal(b);
        double[] da = planeDistances(nb, b, a);
        if (da == null) {
            return false;
        }
        double[] na = normal(a);
        double[] db = planeDistances(na, a, b);
        if (db == null) {
            return false;
        }
        // Direction of the intersection line; project onto its largest axis.
        double lx = na[1] * nb[2] - na[2] * nb[1], ly = na[2] * nb[0] - na[0] * nb[2],
                lz = na[0] * nb[1] - na[1] * nb[0];
        int axis = Math.abs(lx) >= Math.abs(ly) ? (Math.abs(lx) >= Math.abs(lz) ? 0 : 2)
                : (Math.abs(ly) >= Math.abs(lz) ? 1 : 2);
        double[] ia = interval(a[axis], a[3 + axis], a[6 + axis], da);
        double[] ib = interval(b[axis], b[3 + axis], b[6 + axis], db);
        if (ia == null || ib == null) {
            return false;
        }
        return !(ia[1] < ib[0] || ib[1] < ia[0]);
    }

    private static double[] normal(double[] t) {
        double e1x = t[3] - t[0], e1y = t[4] - t[1], e1z = t[5] - t[2];
        double e2x = t[6] - t[0], e2y = t[7] - t[1], e2z = t[8] - t[2];
        return new double[] {e1y * e2z - e1z * e2y, e1z * e2x - e1x * e2z, e1x * e2y - e1y * e2x};
    }

    /**
     * Signed distances (times |n|) of the corners of {@code t} from the plane of {@code p} with normal {@code n};
     * null when all three are strictly on one side, the plane is degenerate, or the triangles are coplanar.
     */
    private static double[] planeDistances(double[] n, double[] p, double[] t) {
        double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
        if (!(len > 0)) {
            return null;
        }
        double scale = 0;
        for (int k = 0; k < 9; k++) {
            scale = Math.max(scale, Math.max(Math.abs(t[k] - p[k % 3]), Math.abs(p[k] - p[k % 3])));
        }
        double eps = PLANE_EPSILON * len * scale;
        double[] d = new double[3];
        for (int c = 0; c < 3; c++) {
            double dc = n[0] * (t[3 * c] - p[0]) + n[1] * (t[3 * c + 1] - p[1]) + n[2] * (t[3 * c + 2] - p[2]);
            d[c] = Math.abs(dc) <= eps ? 0 : dc;
        }
        if ((d[0] > 0 && d[1] > 0 && d[2] > 0) || (d[0] < 0 && d[1] < 0 && d[2] < 0)) {
            return null;
        }
        if (d[0] == 0 && d[1] == 0 && d[2] == 0) {
            return null;
        }
        return d;
    }

    /** The sorted interval in which the triangle (projections {@code p0..p2}, distances {@code d}) meets the line. */
    private static double[] interval(double p0, double p1, double p2, double[] d) {
        double d0 = d[0], d1 = d[1], d2 = d[2];
        double s;
        double e;
        if (d0 * d1 > 0) {          // corner 2 alone on its side
            s = cut(p2, p0, d2, d0);
            e = cut(p2, p1, d2, d1);
        } else if (d0 * d2 > 0) {   // corner 1 alone
            s = cut(p1, p0, d1, d0);
            e = cut(p1, p2, d1, d2);
        } else if (d1 * d2 > 0 || d0 != 0) { // corner 0 alone, or on the plane with the others split
            s = cut(p0, p1, d0, d1);
            e = cut(p0, p2, d0, d2);
        } else if (d1 != 0) {
            s = cut(p1, p0, d1, d0);
            e = cut(p1, p2, d1, d2);
        } else {
            s = cut(p2, p0, d2, d0);
            e = cut(p2, p1, d2, d1);
        }
        return new double[] {Math.min(s, e), Math.max(s, e)};
    }

    /** Projection of the point where edge {@code (p, q)} crosses the plane; {@code p} itself when it lies on it. */
    private static double cut(double p, double q, double dp, double dq) {
        return dp == 0 ? p : p + (q - p) * dp / (dp - dq);
    }
}
