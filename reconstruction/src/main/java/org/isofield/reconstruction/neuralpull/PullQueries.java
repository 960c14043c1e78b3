package org.isofield.reconstruction.neuralpull;

import java.util.SplittableRandom;
import org.isofield.core.Parallel;
import org.isofield.datasets.index.kdtree.KdTree;

/**
 * The precomputed (query, target) pairs of the pull loss, as Neural-Pull precomputes them: query {@code j} is input
 * point {@code j mod N} plus Gaussian noise per axis of standard deviation {@code sigma_scale} times that point's
 * distance to its {@code sigma_neighbours}-th nearest neighbour (kept inside the unit cube); its target is the nearest
 * input point (KD-tree). Batches are taken in a shuffled order, cycling through the pool. Memory: 24 bytes per query.
 * The random stream is split per fixed chunk, so the pool is the same for any thread count.
 */
final class PullQueries {
    private static final int GRAIN = 16_384;

    private final float[] queries;
    private final float[] targets;
    private final int[] order;
    private int next;

    private PullQueries(float[] queries, float[] targets, int[] order) {
        this.queries = queries;
        this.targets = targets;
        this.order = order;
    }

    /**
     * @param points unit-cube coordinates of the input points ({@code 3N})
     * @param tree a KD-tree over {@code points}
     * @param sigma per-point noise standard deviation
     */
    static PullQueries build(float[] points, KdTree tree, float[] sigma, int size, long seed) {
        int n = points.length / 3;
        float[] q = new float[3 * size];
        Parallel.forChunks(size, GRAIN, (chunk, start, end) -> {
            SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + chunk);
            for (int j = start; j < end; j++) {
                int p = j % n;
                double s = sigma[p];
                for (int a = 0; a < 3; a++) {
                    double x = points[3 * p + a] + s * rnd.nextGaussian();
                    q[3 * j + a] = (float) Math.max(0, Math.min(1, x));
                }
            }
        });
        int[] nearest = new int[size];
        tree.nearest(q, nearest, null);
        float[] t = new float[3 * size];
        for (int j = 0; j < size; j++) {
            System.arraycopy(points, 3 * nearest[j], t, 3 * j, 3);
        }
        int[] order = new int[size];
        for (int j = 0; j < size; j++) {
            order[j] = j;
        }
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int j = size - 1; j > 0; j--) {
            int r = rnd.nextInt(j + 1);
            int tmp = order[j];
            order[j] = order[r];
            order[r] = tmp;
        }
        return new PullQueries(q, t, order);
    }

    /** The queries, point-major (live array). */
    float[] queries() {
        return queries;
    }

    /** The targets, point-major (live array). */
    float[] targets() {
        return targets;
    }

    /** The shuffled order batches are taken in (live array). */
    int[] order() {
        return order;
    }

    int size() {
        return order.length;
    }

    /** Copies the next {@code n} pairs (in the shuffled order, wrapping around) into {@code q} and {@code t}. */
    void next(float[] q, float[] t, int n) {
        for (int i = 0; i < n; i++) {
            int j = order[next];
            next = next + 1 == order.length ? 0 : next + 1;
            System.arraycopy(queries, 3 * j, q, 3 * i, 3);
            System.arraycopy(targets, 3 * j, t, 3 * i, 3);
        }
    }

    /** Per point, {@code scale} times its neighbour distance {@code distances[i]}, at least {@code floor}. */
    static float[] sigma(float[] distances, double scale, double floor) {
        float[] out = new float[distances.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Math.max(floor, scale * distances[i]);
        }
        return out;
    }
}
