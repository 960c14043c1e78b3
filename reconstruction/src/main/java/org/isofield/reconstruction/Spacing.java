package org.isofield.reconstruction;

import java.util.Arrays;
import org.isofield.datasets.index.kdtree.KdTree;

/**
 * Local point spacing of a cloud, as the reconstruction methods size their noise and grids by it: per point the
 * distance to its k-th nearest other point, and from the same neighbour search the mean distance to the nearest one.
 *
 * @param kth per point, the distance to its k-th nearest other point
 * @param nearest per point, the distance to its nearest other point
 * @param meanNearest the mean over the points of the distance to the nearest other point
 */
public record Spacing(float[] kth, float[] nearest, double meanNearest) {
    private static final int CHUNK = 1 << 15;

    /**
     * The spacing of {@code points} with the tree built over them; {@code k} is capped at n - 1.
     */
    public static Spacing of(float[] points, KdTree tree, int k) {
        int n = points.length / 3;
        int kk = Math.max(1, Math.min(k, n - 1));
        float[] out = new float[n];
        float[] first = new float[n];
        double nearest = 0;
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            float[] q = Arrays.copyOfRange(points, 3 * start, 3 * (start + m));
            float[] d2 = new float[m * (kk + 1)];
            tree.knn(q, kk + 1, null, d2);
            for (int i = 0; i < m; i++) {
                out[start + i] = (float) Math.sqrt(d2[i * (kk + 1) + kk]);
                first[start + i] = (float) Math.sqrt(d2[i * (kk + 1) + 1]);
                nearest += first[start + i];
            }
        }
        return new Spacing(out, first, nearest / n);
    }

    /**
     * Per point, the mean of {@code values} over the point and its {@code k} nearest others: a local spacing that a
     * lone sparse point on a dense line (a scan's silhouette) does not raise, while a sparse region raises all of.
     *
     * @param points the positions the tree is built over, {@code 3N}
     * @param values one value per point, such as {@link #nearest()}
     */
    public static float[] smoothed(float[] points, KdTree tree, float[] values, int k) {
        int n = points.length / 3;
        if (values.length != n) {
            throw new IllegalArgumentException("values: " + values.length + " for " + n + " points; expected one each");
        }
        int kk = Math.max(0, Math.min(k, n - 1));
        float[] out = new float[n];
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            float[] q = Arrays.copyOfRange(points, 3 * start, 3 * (start + m));
            int[] idx = new int[m * (kk + 1)];
            tree.knn(q, kk + 1, idx, new float[m * (kk + 1)]);
            for (int i = 0; i < m; i++) {
                double sum = 0;
                for (int j = 0; j <= kk; j++) {
                    sum += values[idx[i * (kk + 1) + j]];
                }
                out[start + i] = (float) (sum / (kk + 1));
            }
        }
        return out;
    }

    /** Per point, the distance to its {@code k}-th nearest other point. */
    public static float[] kthDistances(float[] points, KdTree tree, int k) {
        return of(points, tree, k).kth();
    }
}
