package org.isofield.render.scene;

import java.util.List;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.datasets.index.kdtree.Neighbor;

/**
 * The typical distance between neighbouring points, used to size splats: the mean distance from up to
 * {@value #SAMPLES} evenly strided points to their nearest other point (coincident points are skipped).
 * Deterministic; O(N log N) for the KD-tree plus O(S log N) for the queries.
 */
public final class PointSpacing {
    static final int SAMPLES = 2048;

    private PointSpacing() {
    }

    /**
     * The spacing of {@code xyz} (3 floats per point). With fewer than two distinct points it is 1% of the bounding
     * box diagonal, or 1 when that is zero too.
     */
    public static double estimate(float[] xyz) {
        int n = xyz.length / 3;
        if (n >= 2) {
            KdTree tree = KdTree.build(xyz);
            int stride = Math.max(1, n / SAMPLES);
            double sum = 0;
            int count = 0;
            for (int i = 0; i < n; i += stride) {
                List<Neighbor> nn = tree.knn(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], 4);
                for (Neighbor nb : nn) {
                    if (nb.index() != i && nb.dist2() > 0) {
                        sum += Math.sqrt(nb.dist2());
                        count++;
                        break;
                    }
                }
            }
            if (count > 0) {
                return sum / count;
            }
        }
        double diag = org.isofield.datasets.geom.Aabb.of(xyz, org.isofield.datasets.geom.Vec3d.ZERO).diagonal();
        return diag > 0 && Double.isFinite(diag) ? 0.01 * diag : 1.0;
    }
}
