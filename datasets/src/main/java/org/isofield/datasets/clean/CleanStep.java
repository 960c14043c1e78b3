package org.isofield.datasets.clean;

import java.util.Map;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;

/**
 * One mesh clean-up step, bound to its config. Steps read meshes with shared vertices (faces that meet share vertex
 * indices; {@link MeshCleanup} welds bit-identical vertices first) and never write their input. Implementations are
 * immutable and thread-safe.
 */
public interface CleanStep {
    /**
     * What a step made of a mesh.
     *
     * @param mesh the mesh after the step (unused vertices dropped, the rest in their original order)
     * @param details snake_case entries for the report (what the step computed: thresholds, counts)
     */
    record Result(TriangleMesh mesh, Map<String, Object> details) {
    }

    /**
     * Applies the step. An empty mesh gives an empty mesh.
     *
     * @param cloud the input point cloud the mesh was made from, or null when there is none (a step that needs it
     *     says so with an {@link org.isofield.core.IsofieldException})
     */
    Result apply(TriangleMesh mesh, PointCloud cloud);

    /** The faces with {@code keepFace[t]} set; vertices no kept face uses are dropped, normals follow. */
    static TriangleMesh select(TriangleMesh mesh, boolean[] keepFace) {
        int[] f = mesh.faces();
        int kept = 0;
        for (boolean k : keepFace) {
            kept += k ? 1 : 0;
        }
        int[] out = new int[3 * kept];
        int n = 0;
        for (int t = 0; t < keepFace.length; t++) {
            if (keepFace[t]) {
                System.arraycopy(f, 3 * t, out, n, 3);
                n += 3;
            }
        }
        return compact(mesh.vertices(), out, mesh.normals(), mesh.origin());
    }

    /**
     * The mesh of {@code faces} over the vertices they use, renumbered in their original order.
     *
     * @param faces written: renumbered in place
     * @param normals per vertex, or null
     */
    static TriangleMesh compact(float[] vertices, int[] faces, float[] normals, Vec3d origin) {
        int nv = vertices.length / 3;
        int[] remap = new int[nv];
        for (int x : faces) {
            remap[x] = 1;
        }
        int used = 0;
        for (int i = 0; i < nv; i++) {
            remap[i] = remap[i] == 1 ? used++ : -1;
        }
        float[] v = new float[3 * used];
        float[] nn = normals == null ? null : new float[3 * used];
        for (int i = 0; i < nv; i++) {
            if (remap[i] >= 0) {
                System.arraycopy(vertices, 3 * i, v, 3 * remap[i], 3);
                if (nn != null) {
                    System.arraycopy(normals, 3 * i, nn, 3 * remap[i], 3);
                }
            }
        }
        for (int i = 0; i < faces.length; i++) {
            faces[i] = remap[faces[i]];
        }
        return TriangleMesh.of(v, faces, nn, origin);
    }
}
