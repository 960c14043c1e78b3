package org.isofield.datasets.prep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.index.kdtree.KdTree;

/**
 * Statistical outlier removal (Rusu et al. 2008, PCL's {@code StatisticalOutlierRemoval}): each point's score is its
 * mean distance to its {@code neighbors} nearest other points; points scoring above the mean plus {@code std_ratio}
 * standard deviations of all scores are removed. Isolated points far from the surface (a scanner's flying pixels,
 * uniform clutter) score high; the surface's own points, whatever the local density, score near the mean of their
 * neighbourhood. Deterministic.
 */
public final class StatisticalOutliers implements PrepStep {
    private final StatisticalOutliersConfig config;

    public StatisticalOutliers(StatisticalOutliersConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public Result apply(PointCloud cloud) {
        int n = cloud.size();
        Map<String, Object> details = new LinkedHashMap<>();
        if (n <= config.neighbors()) {
            details.put("skipped", "the cloud has " + n + " points; expected more than neighbors = "
                    + config.neighbors());
            return new Result(cloud, details);
        }
        int k = config.neighbors() + 1; // the point itself comes first
        float[] dist2 = new float[n * k];
        KdTree.build(cloud).knn(cloud.positions(), k, null, dist2);
        double[] score = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 1; j < k; j++) {
                s += Math.sqrt(dist2[i * k + j]);
            }
            score[i] = s / config.neighbors();
            sum += score[i];
        }
        double mean = sum / n;
        double var = 0;
        for (int i = 0; i < n; i++) {
            var += (score[i] - mean) * (score[i] - mean);
        }
        double std = Math.sqrt(var / Math.max(1, n - 1));
        double limit = mean + config.stdRatio() * std;
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            keep[i] = score[i] <= limit;
        }
        details.put("mean_neighbor_distance", mean);
        details.put("std_neighbor_distance", std);
        details.put("distance_limit", limit);
        return new Result(PrepStep.select(cloud, keep), details);
    }
}
