package org.isofield.datasets.clean;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.isofield.core.IsofieldException;
import org.isofield.core.Progress;
import org.isofield.core.ProgressMeter;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.metrics.MeshChecks;

/**
 * Mesh clean-up: the steps in order, each its own progress phase ({@code clean.} and the step's otype in snake
 * case, so a {@link org.isofield.core.PhaseTimes} passed as the progress times them), with a report entry per step
 * of the faces and components it received and left and what it computed.
 *
 * <p>Before the first step, vertices with bit-identical coordinates are merged and faces that repeat a vertex or
 * have no area are dropped ({@link MeshChecks#merged}), so a triangle soup (STL) is cleaned as the surface it
 * describes. When the input had vertex normals, the output gets area-weighted face normals averaged at its vertices
 * (the steps that move vertices invalidate the input's).
 */
public final class MeshCleanup {
    private MeshCleanup() {
    }

    /**
     * The cleaned mesh and the report.
     *
     * @param mesh the mesh after every step
     * @param weldedVertices vertices merged into an identical one before the first step
     * @param steps one entry per step: {@code step}, {@code faces_in}, {@code faces_out}, {@code vertices_in},
     *     {@code vertices_out}, {@code components_before}, {@code components_after}, and the step's own details
     */
    public record Result(TriangleMesh mesh, int weldedVertices, List<Map<String, Object>> steps) {
        public Result {
            steps = List.copyOf(steps);
        }
    }

    /** Whether one of the steps measures distances to the input cloud ({@link FarFaces}). */
    public static boolean needsCloud(List<? extends CleanStepConfig> steps) {
        return steps.stream().anyMatch(s -> s instanceof FarFacesConfig);
    }

    /**
     * Runs the steps on the mesh.
     *
     * @param cloud the input cloud, or null when there is none
     * @throws IsofieldException when a step needs the cloud and it is null, before any step runs
     */
    public static Result run(TriangleMesh mesh, PointCloud cloud, List<? extends CleanStepConfig> steps,
            Progress progress) {
        if (cloud == null && needsCloud(steps)) {
            throw new IsofieldException("mesh clean-up: step FarFaces measures distances to the input point cloud, "
                    + "and none was given; expected the cloud the mesh was made from (isofield clean --points CLOUD)");
        }
        TriangleMesh welded = MeshChecks.merged(mesh);
        TriangleMesh current = CleanStep.compact(welded.vertices(), welded.faces().clone(), null, welded.origin());
        int weldedVertices = mesh.vertexCount() - welded.vertexCount();
        int components = Components.count(current);
        List<Map<String, Object>> report = new ArrayList<>();
        for (CleanStepConfig config : steps) {
            CleanStep step = CleanSteps.create(config);
            TriangleMesh in = current;
            CleanStep.Result r = ProgressMeter.stage(progress, "clean." + snake(config.otype()),
                    () -> step.apply(in, cloud));
            int after = Components.count(r.mesh());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("step", config.otype());
            entry.put("faces_in", in.faceCount());
            entry.put("faces_out", r.mesh().faceCount());
            entry.put("vertices_in", in.vertexCount());
            entry.put("vertices_out", r.mesh().vertexCount());
            entry.put("components_before", components);
            entry.put("components_after", after);
            entry.putAll(r.details());
            report.add(entry);
            current = r.mesh();
            components = after;
        }
        if (mesh.hasNormals()) {
            current = current.withNormals(vertexNormals(current));
        }
        return new Result(current, weldedVertices, report);
    }

    /** Unit area-weighted vertex normals (zero where the faces cancel or a vertex has none). */
    static float[] vertexNormals(TriangleMesh mesh) {
        float[] v = mesh.vertices();
        int[] f = mesh.faces();
        double[] sum = new double[v.length];
        for (int t = 0; t < f.length; t += 3) {
            int a = 3 * f[t], b = 3 * f[t + 1], c = 3 * f[t + 2];
            double ux = v[b] - v[a], uy = v[b + 1] - v[a + 1], uz = v[b + 2] - v[a + 2];
            double wx = v[c] - v[a], wy = v[c + 1] - v[a + 1], wz = v[c + 2] - v[a + 2];
            double nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
            for (int k = 0; k < 3; k++) {
                int o = 3 * f[t + k];
                sum[o] += nx;
                sum[o + 1] += ny;
                sum[o + 2] += nz;
            }
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i += 3) {
            double len = Math.sqrt(sum[i] * sum[i] + sum[i + 1] * sum[i + 1] + sum[i + 2] * sum[i + 2]);
            if (len > 0) {
                out[i] = (float) (sum[i] / len);
                out[i + 1] = (float) (sum[i + 1] / len);
                out[i + 2] = (float) (sum[i + 2] / len);
            }
        }
        return out;
    }

    /** {@code HoleFill} to {@code hole_fill}. */
    static String snake(String otype) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < otype.length(); i++) {
            char c = otype.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                b.append('_');
            }
            b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }
}
