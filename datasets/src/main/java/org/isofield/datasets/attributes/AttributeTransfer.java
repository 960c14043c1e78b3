package org.isofield.datasets.attributes;

import java.util.LinkedHashMap;
import java.util.Map;
import org.isofield.core.Check;
import org.isofield.core.Parallel;
import org.isofield.datasets.geom.DoubleMesh;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.geom.VertexAttributes;
import org.isofield.datasets.index.kdtree.KdTree;

/**
 * Carries a cloud's per-point attributes to the vertices of a mesh made from it. Each vertex takes the colour and
 * every named scalar of the cloud (e.g. {@code intensity}) as the inverse-distance-weighted mean over its
 * {@code neighbours} nearest input points (weights {@code 1 / max(d, eps)}, eps a millionth of the cloud's bounding
 * diagonal so that a vertex on an input point takes that point's values), and gets a {@code quality} scalar: the
 * distance to its nearest input point, in world units, as MeshLab's and CloudCompare's per-vertex quality. A cloud
 * scalar already named {@code quality} is carried as {@code input_quality}.
 *
 * <p>Cost: one k-nearest query per vertex on a KD-tree of the cloud, in parallel; memory {@code 8k} bytes per vertex
 * for the neighbour lists.
 */
public final class AttributeTransfer {
    /** Neighbours averaged per vertex by default: enough to smooth sensor colour noise, few enough to stay sharp. */
    public static final int DEFAULT_NEIGHBOURS = 4;
    /** Name of the distance-to-input scalar. */
    public static final String QUALITY = "quality";

    private AttributeTransfer() {
    }

    /** The attributes of a float mesh's vertices, with {@link #DEFAULT_NEIGHBOURS}. */
    public static VertexAttributes transfer(TriangleMesh mesh, PointCloud cloud) {
        return transfer(relative(mesh.vertices(), mesh.origin(), cloud.origin()), cloud, DEFAULT_NEIGHBOURS);
    }

    /** The attributes of a double mesh's vertices (world coordinates), with {@link #DEFAULT_NEIGHBOURS}. */
    public static VertexAttributes transfer(DoubleMesh mesh, PointCloud cloud) {
        double[] w = mesh.vertices();
        Vec3d o = cloud.origin();
        float[] q = new float[w.length];
        for (int i = 0; i < w.length; i += 3) {
            q[i] = (float) (w[i] - o.x());
            q[i + 1] = (float) (w[i + 1] - o.y());
            q[i + 2] = (float) (w[i + 2] - o.z());
        }
        return transfer(q, cloud, DEFAULT_NEIGHBOURS);
    }

    /**
     * The attributes of the vertices {@code queries} (3 floats each, relative to the cloud's origin).
     *
     * @throws IllegalArgumentException for an empty cloud or {@code neighbours < 1}
     */
    public static VertexAttributes transfer(float[] queries, PointCloud cloud, int neighbours) {
        Check.positive("neighbours", neighbours);
        if (cloud.isEmpty()) {
            throw new IllegalArgumentException("cannot carry attributes from an empty cloud");
        }
        int m = queries.length / 3;
        int k = Math.min(neighbours, cloud.size());
        KdTree tree = KdTree.build(cloud.positions());
        int[] index = new int[m * k];
        float[] dist2 = new float[m * k];
        tree.knn(queries, k, index, dist2);
        double eps = 1e-6 * cloud.bounds().diagonal();
        float[] weight = new float[m * k];
        float[] quality = new float[m];
        Parallel.forChunks(m, 4096, (chunk, start, end) -> {
            for (int v = start; v < end; v++) {
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    double w = 1 / Math.max(Math.sqrt(dist2[v * k + j]), eps);
                    weight[v * k + j] = (float) w;
                    sum += w;
                }
                for (int j = 0; j < k; j++) {
                    weight[v * k + j] /= (float) sum;
                }
                quality[v] = (float) Math.sqrt(dist2[v * k]);
            }
        });
        float[] colors = cloud.hasColors() ? blend(cloud.colors(), 3, index, weight, k, m) : null;
        Map<String, float[]> scalars = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> e : cloud.scalars().entrySet()) {
            String name = QUALITY.equals(e.getKey()) ? "input_quality" : e.getKey();
            scalars.put(name, blend(e.getValue(), 1, index, weight, k, m));
        }
        scalars.put(QUALITY, quality);
        return new VertexAttributes(colors, scalars).checked(m);
    }

    private static float[] blend(float[] src, int width, int[] index, float[] weight, int k, int m) {
        float[] out = new float[width * m];
        Parallel.forChunks(m, 4096, (chunk, start, end) -> {
            for (int v = start; v < end; v++) {
                for (int c = 0; c < width; c++) {
                    double s = 0;
                    for (int j = 0; j < k; j++) {
                        s += weight[v * k + j] * src[width * index[v * k + j] + c];
                    }
                    out[width * v + c] = (float) s;
                }
            }
        });
        return out;
    }

    private static float[] relative(float[] v, Vec3d from, Vec3d to) {
        if (from.equals(to)) {
            return v;
        }
        double dx = from.x() - to.x();
        double dy = from.y() - to.y();
        double dz = from.z() - to.z();
        float[] q = new float[v.length];
        for (int i = 0; i < v.length; i += 3) {
            q[i] = (float) (v[i] + dx);
            q[i + 1] = (float) (v[i + 1] + dy);
            q[i + 2] = (float) (v[i + 2] + dz);
        }
        return q;
    }
}
