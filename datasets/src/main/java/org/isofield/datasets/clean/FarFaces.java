package org.isofield.datasets.clean;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.isofield.core.IsofieldException;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.index.kdtree.KdTree;

/**
 * Removes the faces far from the input cloud ({@link FarFacesConfig}): a face goes when its farthest vertex is
 * farther than {@code max_distance} from its nearest input point. Vertices, not centroids, are measured: a face
 * stays only when all its corners are near the data, which is what trims the sheets a reconstruction extends
 * across gaps, and it takes one {@link KdTree} query per vertex rather than per face. Faces larger than the
 * distance whose corners are all near points are kept. Deterministic; time O(V log N).
 */
public final class FarFaces implements CleanStep {
    private final FarFacesConfig config;

    public FarFaces(FarFacesConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public Result apply(TriangleMesh mesh, PointCloud cloud) {
        if (cloud == null) {
            throw new IsofieldException("FarFaces measures distances to the input point cloud, and none was given; "
                    + "expected the cloud the mesh was made from (isofield clean --points CLOUD)");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (cloud.size() == 0) {
            throw new IsofieldException("FarFaces: the input point cloud is empty; expected the points the mesh was "
                    + "made from");
        }
        KdTree tree = KdTree.build(cloud);
        double limit = config.maxDistance();
        if (limit == 0) {
            double spacing = medianSpacing(tree, cloud.positions());
            details.put("median_spacing", spacing);
            limit = FarFacesConfig.SPACINGS * spacing;
        }
        details.put("max_distance", limit);
        int nv = mesh.vertexCount();
        float[] v = mesh.vertices();
        Vec3d shift = mesh.origin().minus(cloud.origin());
        float[] q = new float[3 * nv];
        for (int i = 0; i < nv; i++) {
            q[3 * i] = (float) (v[3 * i] + shift.x());
            q[3 * i + 1] = (float) (v[3 * i + 1] + shift.y());
            q[3 * i + 2] = (float) (v[3 * i + 2] + shift.z());
        }
        float[] d2 = new float[nv];
        tree.nearest(q, null, d2);
        double limit2 = limit * limit;
        int[] f = mesh.faces();
        boolean[] keep = new boolean[mesh.faceCount()];
        for (int t = 0; t < keep.length; t++) {
            keep[t] = d2[f[3 * t]] <= limit2 && d2[f[3 * t + 1]] <= limit2 && d2[f[3 * t + 2]] <= limit2;
        }
        return new Result(CleanStep.select(mesh, keep), details);
    }

    /** The median distance from a point to its nearest other point (0 for fewer than two points). */
    static double medianSpacing(KdTree tree, float[] p) {
        int n = p.length / 3;
        if (n < 2) {
            return 0;
        }
        float[] d2 = new float[2 * n];
        tree.knn(p, 2, null, d2);
        float[] nearest = new float[n];
        for (int i = 0; i < n; i++) {
            nearest[i] = d2[2 * i + 1];
        }
        Arrays.parallelSort(nearest);
        return Math.sqrt(nearest[n / 2]);
    }
}
