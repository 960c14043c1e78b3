package org.isofield.datasets.prep;

import java.util.LinkedHashMap;
import java.util.Objects;
import org.isofield.datasets.geom.PointCloud;

/** Keeps the points inside a world-coordinate box ({@link CropConfig}), faces included; attributes carried. */
public final class Crop implements PrepStep {
    private final CropConfig config;

    public Crop(CropConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public Result apply(PointCloud cloud) {
        int n = cloud.size();
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            keep[i] = inside(cloud.x(i), 0) && inside(cloud.y(i), 1) && inside(cloud.z(i), 2);
        }
        return new Result(PrepStep.select(cloud, keep), new LinkedHashMap<>());
    }

    private boolean inside(double v, int axis) {
        return v >= config.min().get(axis) && v <= config.max().get(axis);
    }
}
