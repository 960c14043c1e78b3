package org.isofield.datasets.prep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.isofield.core.Parallel;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.datasets.index.kdtree.Spacings;

/**
 * Radius outlier removal (PCL's {@code RadiusOutlierRemoval}): a point with fewer than {@code min_neighbors} other
 * points within {@code radius} is removed. The radius defaults to {@value RadiusOutliersConfig#SPACINGS} times the
 * cloud's median nearest-neighbour distance, so one setting fits scans in metres and in millimetres. Deterministic.
 */
public final class RadiusOutliers implements PrepStep {
    private static final int GRAIN = 4096;

    private final RadiusOutliersConfig config;

    public RadiusOutliers(RadiusOutliersConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public Result apply(PointCloud cloud) {
        return cloud.size() < 2 ? apply(cloud, null) : apply(cloud, KdTree.build(cloud));
    }

    /** As {@link #apply(PointCloud)}, with the cloud's KD-tree already built (null for fewer than 2 points). */
    public Result apply(PointCloud cloud, KdTree tree) {
        int n = cloud.size();
        Map<String, Object> details = new LinkedHashMap<>();
        if (n < 2) {
            details.put("skipped", "the cloud has " + n + " points; expected at least 2");
            return new Result(cloud, details);
        }
        float[] p = cloud.positions();
        double radius = config.radius();
        if (radius == 0) {
            double spacing = Spacings.median(tree, p);
            details.put("median_spacing", spacing);
            radius = RadiusOutliersConfig.SPACINGS * spacing;
        }
        float r = (float) radius;
        float r2 = r * r;
        boolean[] keep = new boolean[n];
        int need = config.minNeighbors() + 1; // the point itself is in its ball
        if (need > n) {
            details.put("radius", radius);
            return new Result(PrepStep.select(cloud, keep), details);
        }
        // The ball holds at least `need` points exactly when the need-th nearest is within it: a k-nearest query
        // instead of visiting every point of a ball that may hold hundreds.
        float[] d2 = new float[need * n];
        tree.knn(p, need, null, d2);
        Parallel.forChunks(n, GRAIN, (chunk, start, end) -> {
            for (int i = start; i < end; i++) {
                keep[i] = d2[need * i + need - 1] <= r2;
            }
        });
        details.put("radius", radius);
        return new Result(PrepStep.select(cloud, keep), details);
    }
}
