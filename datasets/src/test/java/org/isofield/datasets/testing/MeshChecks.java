package org.isofield.datasets.testing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.isofield.datasets.geom.TriangleMesh;

/** Topology and orientation checks for triangle meshes in tests: edges, Euler characteristic, signed volume. */
public final class MeshChecks {
    private MeshChecks() {
    }

    /** Number of undirected edges whose face count is not exactly two (0 for a watertight mesh). */
    public static int nonManifoldOrBoundaryEdges(TriangleMesh mesh) {
        Map<Long, Integer> count = new HashMap<>();
        int[] f = mesh.faces();
        for (int t = 0; t < f.length; t += 3) {
            for (int k = 0; k < 3; k++) {
                int a = f[t + k], b = f[t + (k + 1) % 3];
                count.merge(key(Math.min(a, b), Math.max(a, b)), 1, Integer::sum);
            }
        }
        int bad = 0;
        for (int c : count.values()) {
            if (c != 2) {
                bad++;
            }
        }
        return bad;
    }

    /** Number of directed edges that occur more than once (0 for a consistently oriented manifold mesh). */
    public static int repeatedDirectedEdges(TriangleMesh mesh) {
        Set<Long> seen = new HashSet<>();
        int repeated = 0;
        int[] f = mesh.faces();
        for (int t = 0; t < f.length; t += 3) {
            for (int k = 0; k < 3; k++) {
                if (!seen.add(key(f[t + k], f[t + (k + 1) % 3]))) {
                    repeated++;
                }
            }
        }
        return repeated;
    }

    /** V - E + F over the referenced vertices. */
    public static int eulerCharacteristic(TriangleMesh mesh) {
        Set<Long> edges = new HashSet<>();
        Set<Integer> vertices = new HashSet<>();
        int[] f = mesh.faces();
        for (int t = 0; t < f.length; t += 3) {
            for (int k = 0; k < 3; k++) {
                int a = f[t + k], b = f[t + (k + 1) % 3];
                vertices.add(a);
                edges.add(key(Math.min(a, b), Math.max(a, b)));
            }
        }
        return vertices.size() - edges.size() + mesh.faceCount();
    }

    /** Signed volume enclosed by the mesh (positive for outward orientation), by the divergence theorem. */
    public static double signedVolume(TriangleMesh mesh) {
        float[] v = mesh.vertices();
        int[] f = mesh.faces();
        double sum = 0;
        for (int t = 0; t < f.length; t += 3) {
            int a = 3 * f[t], b = 3 * f[t + 1], c = 3 * f[t + 2];
            double ax = v[a], ay = v[a + 1], az = v[a + 2];
            double bx = v[b], by = v[b + 1], bz = v[b + 2];
            double cx = v[c], cy = v[c + 1], cz = v[c + 2];
            sum += ax * (by * cz - bz * cy) + ay * (bz * cx - bx * cz) + az * (bx * cy - by * cx);
        }
        return sum / 6.0;
    }

    /** The mesh with every face given its own three vertices (a triangle soup), faces in the same order. */
    public static TriangleMesh soup(TriangleMesh mesh) {
        int[] f = mesh.faces();
        float[] v = mesh.vertices();
        float[] out = new float[3 * f.length];
        int[] faces = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            System.arraycopy(v, 3 * f[i], out, 3 * i, 3);
            faces[i] = i;
        }
        return TriangleMesh.of(out, faces, null, mesh.origin());
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }
}
