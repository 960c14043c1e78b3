package org.isofield.datasets.normals;

import java.util.Arrays;
import org.isofield.core.Parallel;
import org.isofield.datasets.geom.SymmetricEigen;
import org.isofield.datasets.index.kdtree.KdTree;

/**
 * Unoriented point normals from local principal components, after Hoppe et al., "Surface reconstruction from
 * unorganized points" (SIGGRAPH 1992): a point's normal is the eigenvector of the smallest eigenvalue of the
 * covariance of its {@code k} nearest points (itself included), the direction the neighbourhood is thinnest in. The
 * sign is arbitrary; {@link MstOrientation} makes it consistent. Deterministic; the per-point work runs on
 * {@link Parallel} over fixed chunks.
 */
public final class PcaNormals {
    /** Neighbours per covariance, GridPull's choice: enough to average noise, few enough to keep thin parts apart. */
    public static final int DEFAULT_NEIGHBOURS = 16;
    private static final int CHUNK = 1 << 16;

    private PcaNormals() {
    }

    /** Normals of {@value #DEFAULT_NEIGHBOURS}-point neighbourhoods. */
    public static float[] estimate(float[] points, KdTree tree) {
        return estimate(points, tree, DEFAULT_NEIGHBOURS);
    }

    /**
     * Unit normals of the points, unoriented.
     *
     * @param points positions, {@code 3N}
     * @param tree a KD-tree over {@code points}
     * @param neighbours points per neighbourhood, itself included (at least 3; capped at N)
     * @return {@code 3N} unit normals
     */
    public static float[] estimate(float[] points, KdTree tree, int neighbours) {
        if (neighbours < 3) {
            throw new IllegalArgumentException("neighbours = " + neighbours + "; expected at least 3");
        }
        int n = points.length / 3;
        int k = Math.min(neighbours, n);
        float[] normals = new float[3 * n];
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            int base = start;
            int[] idx = new int[m * k];
            tree.knn(Arrays.copyOfRange(points, 3 * start, 3 * (start + m)), k, idx, null);
            Parallel.forChunks(m, 4096, (chunk, s0, s1) -> {
                double[][] c = new double[3][3];
                double[] nrm = new double[3];
                for (int q = s0; q < s1; q++) {
                    covariance(points, idx, q * k, k, c);
                    SymmetricEigen.smallestVector(c, nrm);
                    int p = base + q;
                    for (int a = 0; a < 3; a++) {
                        normals[3 * p + a] = (float) nrm[a];
                    }
                }
            });
        }
        return normals;
    }

    /** The covariance (unnormalised) of points {@code idx[from .. from + k)} into {@code c}. */
    public static void covariance(float[] points, int[] idx, int from, int k, double[][] c) {
        double[] mean = new double[3];
        for (int j = 0; j < k; j++) {
            for (int a = 0; a < 3; a++) {
                mean[a] += points[3 * idx[from + j] + a];
            }
        }
        for (int a = 0; a < 3; a++) {
            mean[a] /= k;
            Arrays.fill(c[a], 0);
        }
        for (int j = 0; j < k; j++) {
            int p = idx[from + j];
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    c[a][b] += (points[3 * p + a] - mean[a]) * (points[3 * p + b] - mean[b]);
                }
            }
        }
    }
}
