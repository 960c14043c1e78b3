package org.isofield.render.scene;

import java.util.List;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.datasets.index.kdtree.Neighbor;

/**
 * The typical distance between neighbouring points on a sampled surface, used to size splats: the square root of
 * the surface area per point. Estimated from the distance {@code r} to the {@value #K}th nearest other point, which
 * encloses about {@code K} points in a disc of area {@code pi r^2}, so the spacing is {@code r sqrt(pi / K)}; the
 * mean over up to {@value #SAMPLES} evenly strided points. For random (Poisson) samples this is about twice the mean
 * nearest-neighbour distance; for a square grid of step {@code h} about {@code 0.9 h}. Deterministic; O(N log N) for
 * the KD-tree plus O(S log N) for the queries.
 */
public final class PointSpacing {
    static final int SAMPLES = 2048;
    static final int K = 8;

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
                List<Neighbor> nn = tree.knn(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], K + 1);
                int k = nn.size() - 1;   // the query point itself is among its neighbours
                double r2 = nn.get(k).dist2();
                if (k > 0 && r2 > 0) {
                    sum += Math.sqrt(r2 * Math.PI / k);
                    count++;
                }
            }
            if (count > 0) {
                return sum / count;
            }
        }
        double diag = Aabb.of(xyz, Vec3d.ZERO).diagonal();
        return diag > 0 && Double.isFinite(diag) ? 0.01 * diag : 1.0;
    }
}
