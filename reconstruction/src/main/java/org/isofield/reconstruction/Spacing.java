package org.isofield.reconstruction;

import java.util.Arrays;
import org.isofield.datasets.index.kdtree.KdTree;

/** Local point spacing of a cloud, as the reconstruction methods size their noise and grids by it. */
public final class Spacing {
    private static final int CHUNK = 1 << 15;

    private Spacing() {
    }

    /**
     * Per point, the distance to its {@code k}-th nearest other point ({@code k} is capped at n - 1), from the tree
     * built over the same {@code points}.
     */
    public static float[] kthDistances(float[] points, KdTree tree, int k) {
        int n = points.length / 3;
        int kk = Math.max(1, Math.min(k, n - 1));
        float[] out = new float[n];
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            float[] q = Arrays.copyOfRange(points, 3 * start, 3 * (start + m));
            float[] d2 = new float[m * (kk + 1)];
            tree.knn(q, kk + 1, null, d2);
            for (int i = 0; i < m; i++) {
                out[start + i] = (float) Math.sqrt(d2[i * (kk + 1) + kk]);
            }
        }
        return out;
    }
}
