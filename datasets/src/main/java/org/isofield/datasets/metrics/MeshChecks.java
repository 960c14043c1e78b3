package org.isofield.datasets.metrics;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.ToLongFunction;
import org.isofield.datasets.geom.DoubleMesh;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.index.UnionFind;

/**
 * Topology and validity checks of a triangle mesh ({@link MeshReport}).
 *
 * <p>First, vertices with bit-identical coordinates are merged (so a triangle soup is checked as the surface it
 * describes), and faces that repeat a vertex after merging or have zero area (in double, from the float
 * coordinates) are counted as degenerate and left out. Edges are then counted by sorting packed {@code long} keys
 * {@code min << 32 | max << 1 | direction}, one per face side, so memory is 8 bytes per face side and no object per
 * edge: an edge in one face is a boundary edge, in more than two a non-manifold edge, and two faces using the same
 * directed edge make the orientation inconsistent. Components are found by union-find over the merged vertices of
 * each face (faces touching only at a vertex are one component).
 *
 * <p>Time O(V + F log F), memory about 40 bytes per face; stateless and thread-safe. The self-intersection count is
 * delegated to a counter (e.g. a BVH-based one) that receives the cleaned mesh of {@link #merged}.
 */
public final class MeshChecks {
    private MeshChecks() {
    }

    /** Checks the mesh without counting self-intersections ({@link MeshReport#selfIntersections()} is -1). */
    public static MeshReport check(TriangleMesh mesh) {
        return check(mesh, null);
    }

    /**
     * Checks the mesh and fills {@link MeshReport#selfIntersections()} with {@code selfIntersectionCounter} applied
     * to {@link #merged merged(mesh)} (merged vertices, no degenerate faces), or -1 when the counter is null.
     */
    public static MeshReport check(TriangleMesh mesh, ToLongFunction<TriangleMesh> selfIntersectionCounter) {
        Objects.requireNonNull(mesh, "mesh");
        float[] v = mesh.vertices();
        int[] remap = ExactVertexMerge.remap(v);
        int distinct = ExactVertexMerge.count(remap);
        int[] faces = validFaces(mesh.faces(), remap, areas(v));
        MeshReport report = topology(mesh.vertexCount(), mesh.faceCount(), distinct, faces);
        if (selfIntersectionCounter == null) {
            return report;
        }
        return report.withSelfIntersections(selfIntersectionCounter.applyAsLong(merged(v, remap, distinct, faces,
                mesh)));
    }

    /**
     * Checks a mesh with double coordinates the same way, vertices merged by their double bit patterns and areas
     * computed from the doubles, so the report is about the coordinates as given (not as rounded to float).
     *
     * @param countSelfIntersections whether to fill {@link MeshReport#selfIntersections()} with
     *     {@link SelfIntersections#count(DoubleMesh)} of the merged mesh (else -1)
     */
    public static MeshReport check(DoubleMesh mesh, boolean countSelfIntersections) {
        Objects.requireNonNull(mesh, "mesh");
        double[] v = mesh.vertices();
        int[] remap = ExactVertexMerge.remap(v);
        int distinct = ExactVertexMerge.count(remap);
        int[] faces = validFaces(mesh.faces(), remap, areas(v));
        MeshReport report = topology(mesh.vertexCount(), mesh.faceCount(), distinct, faces);
        if (!countSelfIntersections) {
            return report;
        }
        double[] out = new double[3 * distinct];
        for (int i = remap.length - 1; i >= 0; i--) {
            System.arraycopy(v, 3 * i, out, 3 * remap[i], 3);
        }
        return report.withSelfIntersections(SelfIntersections.count(DoubleMesh.of(out, faces)));
    }

    /** The report of the valid faces (merged ids below {@code distinct}), self-intersections not counted. */
    private static MeshReport topology(int inputVertices, int inputFaces, int distinct, int[] faces) {
        int nf = faces.length / 3;
        long[] keys = new long[3 * nf];
        for (int f = 0; f < nf; f++) {
            for (int s = 0; s < 3; s++) {
                keys[3 * f + s] = edgeKey(faces[3 * f + s], faces[3 * f + (s + 1) % 3]);
            }
        }
        Arrays.parallelSort(keys);
        int edges = 0;
        int boundary = 0;
        int nonManifold = 0;
        boolean oriented = true;
        for (int i = 0; i < keys.length;) {
            long edge = keys[i] >>> 1;
            int backward = 0;
            int j = i;
            while (j < keys.length && keys[j] >>> 1 == edge) {
                backward += (int) (keys[j] & 1);
                j++;
            }
            int count = j - i;
            edges++;
            if (count == 1) {
                boundary++;
            } else if (count > 2) {
                nonManifold++;
            }
            if (backward > 1 || count - backward > 1) {
                oriented = false;
            }
            i = j;
        }

        UnionFind uf = new UnionFind(distinct);
        boolean[] used = new boolean[distinct];
        for (int f = 0; f < nf; f++) {
            int a = faces[3 * f], b = faces[3 * f + 1], c = faces[3 * f + 2];
            used[a] = true;
            used[b] = true;
            used[c] = true;
            uf.union(a, b);
            uf.union(a, c);
        }
        int vertices = 0;
        int components = 0;
        for (int i = 0; i < distinct; i++) {
            if (used[i]) {
                vertices++;
                if (uf.find(i) == i) {
                    components++;
                }
            }
        }
        boolean watertight = nf > 0 && boundary == 0 && nonManifold == 0;
        long chi = (long) vertices - edges + nf;
        long twiceGenus = 2L * components - chi;
        int genus = watertight && twiceGenus >= 0 && twiceGenus % 2 == 0 ? (int) (twiceGenus / 2) : -1;
        return new MeshReport(inputVertices, inputFaces, inputVertices - distinct, vertices, nf, inputFaces - nf,
                edges, boundary, nonManifold, watertight, components, oriented, chi, genus, -1);
    }

    /**
     * The mesh with bit-identical vertices merged (the first copy's coordinates, in order of first occurrence;
     * unreferenced vertices kept) and degenerate faces removed; vertex normals are dropped.
     */
    public static TriangleMesh merged(TriangleMesh mesh) {
        float[] v = mesh.vertices();
        int[] remap = ExactVertexMerge.remap(v);
        return merged(v, remap, ExactVertexMerge.count(remap), validFaces(mesh.faces(), remap, areas(v)), mesh);
    }

    private static TriangleMesh merged(float[] v, int[] remap, int distinct, int[] faces, TriangleMesh mesh) {
        float[] out = new float[3 * distinct];
        for (int i = remap.length - 1; i >= 0; i--) {
            System.arraycopy(v, 3 * i, out, 3 * remap[i], 3);
        }
        return TriangleMesh.of(out, faces, null, mesh.origin());
    }

    /** Whether the triangle at coordinate offsets {@code a, b, c} has zero area. */
    private interface ZeroArea {
        boolean test(int a, int b, int c);
    }

    /** The faces with merged vertex ids, leaving out those with a repeated id or zero area. */
    private static int[] validFaces(int[] f, int[] remap, ZeroArea zeroArea) {
        int[] out = new int[f.length];
        int n = 0;
        for (int i = 0; i < f.length; i += 3) {
            int a = remap[f[i]], b = remap[f[i + 1]], c = remap[f[i + 2]];
            if (a == b || b == c || a == c || zeroArea.test(3 * f[i], 3 * f[i + 1], 3 * f[i + 2])) {
                continue;
            }
            out[n++] = a;
            out[n++] = b;
            out[n++] = c;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static ZeroArea areas(float[] v) {
        return (x, y, z) -> zeroArea(v[x], v[x + 1], v[x + 2], v[y], v[y + 1], v[y + 2], v[z], v[z + 1], v[z + 2]);
    }

    private static ZeroArea areas(double[] v) {
        return (x, y, z) -> zeroArea(v[x], v[x + 1], v[x + 2], v[y], v[y + 1], v[y + 2], v[z], v[z + 1], v[z + 2]);
    }

    private static boolean zeroArea(double ax, double ay, double az, double bx, double by, double bz, double cx,
            double cy, double cz) {
        double ux = bx - ax, uy = by - ay, uz = bz - az;
        double wx = cx - ax, wy = cy - ay, wz = cz - az;
        return uy * wz - uz * wy == 0 && uz * wx - ux * wz == 0 && ux * wy - uy * wx == 0;
    }

    /** Undirected edge {@code (min, max)} in the high bits, direction ({@code a > b}) in bit 0; ids below 2^31. */
    static long edgeKey(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return ((long) lo << 32) | ((long) hi << 1) | (a > b ? 1 : 0);
    }
}
