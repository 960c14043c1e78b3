package org.isofield.datasets.clean;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.isofield.core.Parallel;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;

/**
 * Taubin smoothing ("A signal processing approach to fair surface design", Taubin 1995): each iteration moves every
 * vertex by {@code lambda} times its umbrella vector (the mean of its neighbours minus itself), then by {@code mu}
 * times the new umbrella vector, with {@code mu < -lambda < 0}. The first step is Laplacian smoothing, which also
 * shrinks the mesh; the second inflates it back, so high-frequency noise is damped while the low frequencies (the
 * shape, a sphere's radius) pass almost unchanged.
 *
 * <p>Weights are uniform (every neighbour counts the same), as in the paper: cotangent weights would also keep the
 * vertex spacing from drifting tangentially, but uniform ones are cheap, never negative, and good enough for
 * removing marching-cubes terracing and scan noise. Boundary vertices (on an edge with one face, or more than two)
 * stay where they are, so open scans keep their outline. Faces are unchanged; vertex normals are dropped (the
 * caller recomputes them). Each step reads the previous positions only, in parallel fixed chunks, so the result is
 * the same for any thread count. Time O(iterations x (V + E)).
 */
public final class TaubinSmoothing implements CleanStep {
    private static final int GRAIN = 8192;

    private final TaubinConfig config;

    public TaubinSmoothing(TaubinConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The mesh after {@link TaubinConfig#DEFAULT}'s iterations. */
    public static TriangleMesh smooth(TriangleMesh mesh) {
        return new TaubinSmoothing(TaubinConfig.DEFAULT).apply(mesh, null).mesh();
    }

    @Override
    public Result apply(TriangleMesh mesh, PointCloud cloud) {
        int nv = mesh.vertexCount();
        MeshEdges edges = MeshEdges.of(nv, mesh.faces());
        float[] src = mesh.vertices();
        double[] p = new double[src.length];
        for (int i = 0; i < src.length; i++) {
            p[i] = src[i];
        }
        double[] next = new double[p.length];
        int fixed = 0;
        for (int v = 0; v < nv; v++) {
            fixed += edges.boundary[v] || edges.ringStart[v] == edges.ringStart[v + 1] ? 1 : 0;
        }
        for (int it = 0; it < config.iterations(); it++) {
            step(edges, p, next, config.lambda());
            step(edges, next, p, config.mu());
        }
        float[] out = new float[src.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) p[i];
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("iterations", config.iterations());
        details.put("lambda", config.lambda());
        details.put("mu", config.mu());
        details.put("fixed_vertices", fixed);
        return new Result(TriangleMesh.of(out, mesh.faces(), null, mesh.origin()), details);
    }

    /** {@code to = from + factor * umbrella(from)}; fixed and isolated vertices are copied. */
    private static void step(MeshEdges edges, double[] from, double[] to, double factor) {
        int nv = from.length / 3;
        Parallel.forChunks(nv, GRAIN, (chunk, start, end) -> {
            for (int v = start; v < end; v++) {
                int s = edges.ringStart[v];
                int e = edges.ringStart[v + 1];
                if (edges.boundary[v] || s == e) {
                    System.arraycopy(from, 3 * v, to, 3 * v, 3);
                    continue;
                }
                double x = 0, y = 0, z = 0;
                for (int j = s; j < e; j++) {
                    int w = edges.ring[j];
                    x += from[3 * w];
                    y += from[3 * w + 1];
                    z += from[3 * w + 2];
                }
                double inv = 1.0 / (e - s);
                to[3 * v] = from[3 * v] + factor * (x * inv - from[3 * v]);
                to[3 * v + 1] = from[3 * v + 1] + factor * (y * inv - from[3 * v + 1]);
                to[3 * v + 2] = from[3 * v + 2] + factor * (z * inv - from[3 * v + 2]);
            }
        });
    }
}
