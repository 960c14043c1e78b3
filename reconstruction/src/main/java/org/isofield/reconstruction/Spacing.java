package org.isofield.reconstruction;

import java.util.Arrays;
import org.isofield.datasets.index.kdtree.KdTree;

/**
 * Local point spacing of a cloud, as the reconstruction methods size their noise and grids by it: per point the
 * distance to its k-th nearest other point, and from the same neighbour search the mean distance to the nearest one.
 *
 * @param kth per point, the distance to its k-th nearest other point
 * @param meanNearest the mean over the points of the distance to the nearest other point
 */
public record Spacing(float[] kth, double meanNearest) {
    private static final int CHUNK = 1 << 15;

    /**
     * The spacing of {@code points} with the tree built over them; {@code k} is capped at n - 1.
     */
    public static Spacing of(float[] points, KdTree tree, int k) {
        int n = points.length / 3;
        int kk = Math.max(1, Math.min(k, n - 1));
        float[] out = new float[n];
        double nearest = 0;
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            float[] q = Arrays.copyOfRange(points, 3 * start, 3 * (start + m));
            float[] d2 = new float[m * (kk + 1)];
            tree.knn(q, kk + 1, null, d2);
            for (int i = 0; i < m; i++) {
                out[start + i] = (float) Math.sqrt(d2[i * (kk + 1) + kk]);
                nearest += Math.sqrt(d2[i * (kk + 1) + 1]);
            }
        }
        return new Spacing(out, nearest / n);
    }

    /** Per point, the distance to its {@code k}-th nearest other point. */
    public static float[] kthDistances(float[] points, KdTree tree, int k) {
        return of(points, tree, k).kth();
    }
}
