package org.isofield.reconstruction.gridpull;

import org.isofield.core.Parallel;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.datasets.normals.PcaNormals;

/**
 * Re-initialises the samples near the points from oriented tangent planes, after Hoppe et al., "Surface
 * reconstruction from unorganized points" (SIGGRAPH 1992): each point gets the normal of its nearest neighbours'
 * covariance ({@link PcaNormals}), turned to agree with the gradient of the flood-filled initial field at the
 * point, and each near sample gets the signed distance {@code (x - p) . n} to the tangent plane of its nearest point
 * p. The relaxed ramp of {@link BandBuilder} has no negative values inside a part thinner than the near distance;
 * its gradient still points away from the part's middle on both sides, so the normals come out outward and the
 * tangent planes give the part an inside.
 */
final class OrientedInit {
    private static final int CHUNK = 1 << 16;

    private OrientedInit() {
    }

    /**
     * Turns each PCA normal ({@link PcaNormals}, in place) to agree with the gradient of the grid's current field at
     * its point, which makes them outward.
     */
    static void orientByGradient(SparseGrid grid, float[] points, float[] normals) {
        int n = points.length / 3;
        Parallel.forChunks(n, 4096, (chunk, s0, s1) -> {
            double[] g = new double[3];
            for (int p = s0; p < s1; p++) {
                grid.trilinear(points[3 * p], points[3 * p + 1], points[3 * p + 2], g);
                double dot = normals[3 * p] * g[0] + normals[3 * p + 1] * g[1] + normals[3 * p + 2] * g[2];
                if (dot < 0) {
                    for (int a = 0; a < 3; a++) {
                        normals[3 * p + a] = -normals[3 * p + a];
                    }
                }
            }
        });
    }

    /** Sets every near sample to its signed distance from the tangent plane of its nearest point. */
    static void apply(SparseGrid grid, int[] nearSlots, float[] points, float[] normals, KdTree tree) {
        for (int start = 0; start < nearSlots.length; start += CHUNK) {
            int m = Math.min(CHUNK, nearSlots.length - start);
            float[] q = new float[3 * m];
            int[] c = new int[3];
            for (int i = 0; i < m; i++) {
                grid.coords(nearSlots[start + i], c);
                q[3 * i] = c[0];
                q[3 * i + 1] = c[1];
                q[3 * i + 2] = c[2];
            }
            int[] nearest = new int[m];
            tree.nearest(q, nearest, null);
            for (int i = 0; i < m; i++) {
                int p = nearest[i];
                double d = (q[3 * i] - points[3 * p]) * normals[3 * p] + (q[3 * i + 1] - points[3 * p
                        + 1]) * normals[3 * p + 1]
                        + (q[3 * i + 2] - points[3 * p + 2]) * normals[3 * p + 2];
                grid.values[nearSlots[start + i]] = (float) d;
            }
        }
    }
}
