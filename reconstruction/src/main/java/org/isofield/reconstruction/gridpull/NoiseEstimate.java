package org.isofield.reconstruction.gridpull;

import java.util.Arrays;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.datasets.geom.SymmetricEigen;
import org.isofield.datasets.normals.PcaNormals;

/**
 * How noisy a cloud is relative to its sampling: over up to {@value #SAMPLES} points spread evenly through the
 * cloud, the median of {@code sqrt(l0) / sqrt(l1)}, with {@code l0 <= l1} the two smallest eigenvalues of the
 * covariance of the point's {@value #NEIGHBOURS} nearest neighbours. On a clean sample of a smooth surface the
 * neighbourhood is a flat disc ({@code l0} comes from curvature only): the ratio is a few hundredths. Noise of
 * the order of the spacing thickens the disc, and the ratio rises towards 1 (an isotropic blob). Deterministic.
 */
final class NoiseEstimate {
    static final int SAMPLES = 4096;
    static final int NEIGHBOURS = 16;

    private NoiseEstimate() {
    }

    /** The median thickness ratio of the cloud {@code points} (xyz, any frame) with its tree. */
    static double thickness(float[] points, KdTree tree) {
        int n = points.length / 3;
        int k = Math.min(NEIGHBOURS, n);
        int m = Math.min(SAMPLES, n);
        float[] q = new float[3 * m];
        for (int i = 0; i < m; i++) {
            int p = (int) ((long) i * n / m);
            System.arraycopy(points, 3 * p, q, 3 * i, 3);
        }
        int[] idx = new int[m * k];
        tree.knn(q, k, idx, null);
        double[] ratio = new double[m];
        double[][] c = new double[3][3];
        for (int i = 0; i < m; i++) {
            PcaNormals.covariance(points, idx, i * k, k, c);
            double[] ev = SymmetricEigen.values(c);
            ratio[i] = ev[1] > 0 ? Math.sqrt(Math.max(0, ev[2]) / ev[1]) : 0;
        }
        Arrays.sort(ratio);
        return ratio[m / 2];
    }
}
