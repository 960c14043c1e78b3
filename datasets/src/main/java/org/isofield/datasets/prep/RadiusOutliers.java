package org.isofield.datasets.prep;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.isofield.core.Parallel;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.index.kdtree.KdTree;

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
        int n = cloud.size();
        Map<String, Object> details = new LinkedHashMap<>();
        if (n < 2) {
            details.put("skipped", "the cloud has " + n + " points; expected at least 2");
            return new Result(cloud, details);
        }
        KdTree tree = KdTree.build(cloud);
        float[] p = cloud.positions();
        double radius = config.radius();
        if (radius == 0) {
            double spacing = medianSpacing(tree, p);
            details.put("median_spacing", spacing);
            radius = RadiusOutliersConfig.SPACINGS * spacing;
        }
        float r = (float) radius;
        boolean[] keep = new boolean[n];
        int need = config.minNeighbors() + 1; // the point itself is in its ball
        Parallel.forChunks(n, GRAIN, (chunk, start, end) -> {
            for (int i = start; i < end; i++) {
                int[] count = {0};
                tree.radius(p[3 * i], p[3 * i + 1], p[3 * i + 2], r, (index, dist2) -> count[0]++);
                keep[i] = count[0] >= need;
            }
        });
        details.put("radius", radius);
        return new Result(PrepStep.select(cloud, keep), details);
    }

    /** The median distance from a point to its nearest other point. */
    static double medianSpacing(KdTree tree, float[] p) {
        int n = p.length / 3;
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
