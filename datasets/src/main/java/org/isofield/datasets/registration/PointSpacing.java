package org.isofield.datasets.registration;

import java.util.Arrays;
import org.isofield.datasets.index.kdtree.KdTree;

/**
 * The median distance from a point of a cloud to its nearest other point, the scale registration's distances are
 * given in. Measured on at most {@value #SAMPLE} points taken at a fixed stride, so it is deterministic and costs
 * about as much as that many nearest-neighbour queries.
 */
public final class PointSpacing {
    /** Most points the median is taken over. */
    static final int SAMPLE = 20_000;

    private PointSpacing() {
    }

    /**
     * The median nearest-other-point distance of {@code positions} (3 per point, at least 2 points) using a tree over
     * them; 0 when more than half of the sampled points have a duplicate.
     */
    public static double median(float[] positions, KdTree tree) {
        int n = positions.length / 3;
        if (n < 2) {
            throw new IllegalArgumentException("a cloud of " + n + " points has no spacing; expected at least 2");
        }
        int stride = Math.max(1, n / SAMPLE);
        int m = (n + stride - 1) / stride;
        float[] q = new float[3 * m];
        for (int i = 0; i < m; i++) {
            System.arraycopy(positions, 3 * i * stride, q, 3 * i, 3);
        }
        float[] d2 = new float[2 * m];
        tree.knn(q, 2, null, d2);
        float[] d = new float[m];
        for (int i = 0; i < m; i++) {
            d[i] = d2[2 * i + 1];
        }
        Arrays.sort(d);
        return Math.sqrt(d[m / 2]);
    }
}
