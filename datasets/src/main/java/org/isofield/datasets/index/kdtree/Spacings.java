package org.isofield.datasets.index.kdtree;

import java.util.Arrays;

/**
 * Point-spacing estimates of a cloud from its KD-tree: the scale that spacing-relative defaults (outlier radius,
 * voxel size) are measured in, so that one setting fits scans in metres and in millimetres alike.
 */
public final class Spacings {
    private Spacings() {
    }

    /**
     * The median distance from a point to its nearest other point; robust to a minority of outliers, which only
     * lengthen the upper tail. 0 for fewer than 2 points.
     *
     * @param tree KD-tree of {@code positions}
     */
    public static double median(KdTree tree, float[] positions) {
        int n = positions.length / 3;
        if (n < 2) {
            return 0;
        }
        float[] d2 = new float[2 * n];
        tree.knn(positions, 2, null, d2);
        float[] nearest = new float[n];
        for (int i = 0; i < n; i++) {
            nearest[i] = d2[2 * i + 1];
        }
        Arrays.parallelSort(nearest);
        return Math.sqrt(nearest[n / 2]);
    }
}
