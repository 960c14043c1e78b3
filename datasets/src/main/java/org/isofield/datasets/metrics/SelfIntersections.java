package org.isofield.datasets.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.isofield.core.Parallel;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.DoubleMesh;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.index.bvh.TriangleBvh;
import org.isofield.datasets.index.delaunay.Predicates;

/**
 * Counts the pairs of faces of a mesh that intersect although they share no vertex, a standard mesh-quality metric.
 *
 * <p>Vertices at bit-identical positions count as the same vertex, so meshes with split vertices (seams, STL soups)
 * are treated like welded ones, and faces sharing a vertex are never tested (their contact is expected; a face
 * duplicated on the same vertices is not counted either). Coplanar pairs and zero-area faces are never counted.
 * Pairs that only touch may be counted.
 *
 * <p>Broad phase: a {@link TriangleBvh} box query per face, keeping candidates with a larger index. Narrow phase:
 * exact, from the signs of orientation predicates ({@link #intersect}; the plane-side rejection of Möller's "A Fast
 * Triangle-Triangle Intersection Test", 1997, then edge-against-triangle tests). Parallel over fixed chunks
 * of faces, so results do not depend on the thread count. Time about {@code O(n log n)} when each face's box meets
 * few others. Stateless and thread-safe.
 */
public final class SelfIntersections {
    private static final int GRAIN = 2048;

    private SelfIntersections() {
    }

    /** Number of intersecting face pairs that share no vertex; usable as a {@code ToLongFunction<TriangleMesh>}. */
    public static long count(TriangleMesh mesh) {
        return scan(mesh, false).length;
    }

    /** The intersecting pairs as {@code int[2P]} ({@code i0 j0 i1 j1 ...} with {@code i < j}), sorted by i then j. */
    public static int[] pairs(TriangleMesh mesh) {
        return unpack(scan(mesh, true));
    }

    private static int[] unpack(long[] keys) {
        Arrays.sort(keys);
        int[] out = new int[2 * keys.length];
        for (int k = 0; k < keys.length; k++) {
            out[2 * k] = (int) (keys[k] >>> 32);
            out[2 * k + 1] = (int) keys[k];
        }
        return out;
    }

    /**
     * As {@link #count(TriangleMesh)} for double coordinates: vertices are the same when their doubles are
     * bit-identical, and the narrow phase reads the doubles, so the count is about the coordinates as given. The
     * broad phase runs on the float copy of {@link DoubleMesh#toTriangleMesh} with query boxes widened by a millionth
     * of the mesh's size (far more than that copy's rounding), so no candidate pair is missed.
     */
    public static long count(DoubleMesh mesh) {
        return scan(mesh, false).length;
    }

    /** As {@link #pairs(TriangleMesh)} for double coordinates, counted as in {@link #count(DoubleMesh)}. */
    public static int[] pairs(DoubleMesh mesh) {
        return unpack(scan(mesh, true));
    }

    private static long[] scan(DoubleMesh mesh, boolean collect) {
        Objects.requireNonNull(mesh, "mesh");
        if (mesh.faceCount() < 2) {
            return new long[0];
        }
        double[] v = mesh.vertices();
        Aabb b = mesh.bounds();
        double pad = 1e-6 * Math.max(b.maxX() - b.minX(), Math.max(b.maxY() - b.minY(), b.maxZ() - b.minZ()));
        return scan(mesh.faceCount(), mesh.faces(), ExactVertexMerge.remap(v), TriangleBvh.build(mesh.toTriangleMesh()),
                Vec3d.ZERO, pad, (t, out) -> corners(v, mesh.faces(), t, out), collect);
    }

    /** Fills the 9 corner coordinates of a face, in a frame whose origin is given beside it. */
    private interface Corners {
        void fill(int face, double[] out);
    }

    private static long[] scan(TriangleMesh mesh, boolean collect) {
        Objects.requireNonNull(mesh, "mesh");
        if (mesh.faceCount() < 2) {
            return new long[0];
        }
        float[] v = mesh.vertices();
        int[] f = mesh.faces();
        return scan(mesh.faceCount(), f, ExactVertexMerge.remap(v), TriangleBvh.build(mesh), mesh.origin(), 0,
                (t, out) -> corners(v, f, t, out), collect);
    }

    /**
     * Pairs as {@code i << 32 | j}; when not collecting, an array of the right length filled with zeros. Corners are
     * relative to {@code o}, the BVH is in world coordinates, and query boxes are widened by {@code pad}.
     */
    private static long[] scan(int nf, int[] f, int[] canon, TriangleBvh bvh, Vec3d o, double pad, Corners corners,
            boolean collect) {
        List<long[]> parts = Parallel.mapChunks(nf, GRAIN, (chunk, start, end) -> {
            long[][] found = {new long[0]};
            int[] size = {0};
            double[] a = new double[9];
            double[] b = new double[9];
            for (int i = start; i < end; i++) {
                corners.fill(i, a);
                int fi = i;
                Aabb box = new Aabb(o.x() + min(a, 0) - pad, o.y() + min(a, 1) - pad, o.z() + min(a, 2) - pad,
                        o.x() + max(a, 0) + pad, o.y() + max(a, 1) + pad, o.z() + max(a, 2) + pad);
                bvh.forEachOverlapping(box, j -> {
                    if (j <= fi || shareVertex(canon, f, fi, j)) {
                        return;
                    }
                    corners.fill(j, b);
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

    private static boolean shareVertex(int[] canon, int[] f, int i, int j) {
        for (int a = 0; a < 3; a++) {
            int ca = canon[f[3 * i + a]];
            if (ca == canon[f[3 * j]] || ca == canon[f[3 * j + 1]] || ca == canon[f[3 * j + 2]]) {
                return true;
            }
        }
        return false;
    }

    private static void corners(double[] v, int[] f, int t, double[] out) {
        for (int c = 0; c < 3; c++) {
            int p = 3 * f[3 * t + c];
            out[3 * c] = v[p];
            out[3 * c + 1] = v[p + 1];
            out[3 * c + 2] = v[p + 2];
        }
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

    /**
     * Whether triangles {@code a} and {@code b} (9 doubles each) meet, exactly for their coordinates: false when the
     * corners of one lie strictly on one side of the other's plane, when they are coplanar or one has zero area, else
     * whether some edge of one crosses or touches the other, all decided by the signs of exact
     * {@link Predicates#orient3d}. A floating-point test (Möller's) misjudges slivers, whose normals are known to a
     * relative 1e-16 over their height-to-length ratio, and Voronoi meshes of nearly degenerate generators have them.
     */
    static boolean intersect(double[] a, double[] b) {
        if (oneSide(a, b) || oneSide(b, a) || flat(a) || flat(b)) {
            return false;
        }
        for (int e = 0; e < 3; e++) {
            if (edgeMeets(a, 3 * e, 3 * ((e + 1) % 3), b) || edgeMeets(b, 3 * e, 3 * ((e + 1) % 3), a)) {
                return true;
            }
        }
        return false;
    }

    /** Whether edge {@code (u, v)} of triangle {@code s} crosses the plane of {@code t} inside {@code t}. */
    private static boolean edgeMeets(double[] s, int u, int v, double[] t) {
        int su = orient(t, 0, 3, 6, s, u);
        int sv = orient(t, 0, 3, 6, s, v);
        if (su * sv > 0 || (su == 0 && sv == 0)) {
            return false;
        }
        int s1 = Predicates.orient3d(s[u], s[u + 1], s[u + 2], s[v], s[v + 1], s[v + 2], t[0], t[1], t[2], t[3], t[4],
                t[5]);
        int s2 = Predicates.orient3d(s[u], s[u + 1], s[u + 2], s[v], s[v + 1], s[v + 2], t[3], t[4], t[5], t[6], t[7],
                t[8]);
        int s3 = Predicates.orient3d(s[u], s[u + 1], s[u + 2], s[v], s[v + 1], s[v + 2], t[6], t[7], t[8], t[0], t[1],
                t[2]);
        return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
    }

    /** Whether all corners of {@code s} are strictly on one side of the plane of {@code t}, or all on it. */
    private static boolean oneSide(double[] t, double[] s) {
        int o0 = orient(t, 0, 3, 6, s, 0);
        int o1 = orient(t, 0, 3, 6, s, 3);
        int o2 = orient(t, 0, 3, 6, s, 6);
        return o0 == o1 && o1 == o2;
    }

    /** Whether a triangle has zero area (its corners collinear, by the cross product in double). */
    private static boolean flat(double[] t) {
        double ux = t[3] - t[0], uy = t[4] - t[1], uz = t[5] - t[2];
        double wx = t[6] - t[0], wy = t[7] - t[1], wz = t[8] - t[2];
        return uy * wz - uz * wy == 0 && uz * wx - ux * wz == 0 && ux * wy - uy * wx == 0;
    }

    private static int orient(double[] t, int i, int j, int k, double[] s, int q) {
        return Predicates.orient3d(t[i], t[i + 1], t[i + 2], t[j], t[j + 1], t[j + 2], t[k], t[k + 1], t[k + 2], s[q],
                s[q + 1], s[q + 2]);
    }
}
