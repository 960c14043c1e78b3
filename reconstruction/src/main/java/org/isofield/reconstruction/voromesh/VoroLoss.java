package org.isofield.reconstruction.voromesh;

import java.util.Arrays;
import org.isofield.datasets.index.kdtree.KdTree;

/**
 * VoroLoss (Maruani et al. 2023): for each point q, take the generator c0 of its Voronoi cell (its nearest) and the
 * next {@code neighbors} nearest c_j; the squared distance from q to the bisector plane of c0 and c_j is
 * {@code ((q - c0) . e / |e| - |e| / 2)^2} with {@code e = c_j - c0}; the point's loss is the smallest over j, and
 * VoroLoss is the mean over the points. It is a lower bound of the squared distance to the cell's boundary, needs no
 * Voronoi diagram, and moves the bisector planes (so the Voronoi faces) onto the points.
 */
final class VoroLoss {
    private VoroLoss() {
    }

    /**
     * The loss of {@code m} points and its gradient with respect to the generators, added to {@code grad}.
     *
     * @param tree the generators' KD-tree (built from {@code g})
     * @param g the generators, {@code 3G}
     * @param q the points, {@code 3m}
     * @param neighbors how many generators after the nearest to consider
     * @param grad {@code 3G}, receives the gradient of the mean
     */
    static double lossAndGradient(KdTree tree, float[] g, float[] q, int m, int neighbors, float[] grad) {
        int k = Math.min(neighbors + 1, tree.size());
        if (k < 2 || m == 0) {
            return 0;
        }
        int[] index = new int[m * k];
        float[] dist2 = new float[m * k];
        tree.knn(q.length == 3 * m ? q : Arrays.copyOf(q, 3 * m), k, index, dist2);
        double total = 0;
        double inv = 1.0 / m;
        for (int i = 0; i < m; i++) {
            int c0 = index[i * k];
            double rx = q[3 * i] - g[3 * c0], ry = q[3 * i + 1] - g[3 * c0 + 1], rz = q[3 * i + 2] - g[3 * c0 + 2];
            double best = Double.MAX_VALUE;
            int bestJ = -1;
            double bs = 0;
            double bl = 0;
            double bex = 0, bey = 0, bez = 0;
            for (int j = 1; j < k; j++) {
                int cj = index[i * k + j];
                double ex = g[3 * cj] - g[3 * c0];
                double ey = g[3 * cj + 1] - g[3 * c0 + 1];
                double ez = g[3 * cj + 2] - g[3 * c0 + 2];
                double l = Math.sqrt(ex * ex + ey * ey + ez * ez);
                if (!(l > 0)) {
                    continue;
                }
                double s = (rx * ex + ry * ey + rz * ez) / l - l / 2;
                if (s * s < best) {
                    best = s * s;
                    bestJ = cj;
                    bs = s;
                    bl = l;
                    bex = ex;
                    bey = ey;
                    bez = ez;
                }
            }
            if (bestJ < 0) {
                continue;
            }
            total += best;
            // s = r.e / l - l / 2: ds/dcj = r / l - (r.e) e / l^3 - e / (2 l); ds/dc0 = -ds/dcj - e / l
            double re = rx * bex + ry * bey + rz * bez;
            double l3 = bl * bl * bl;
            double w = 2 * bs * inv;
            double gx = rx / bl - re * bex / l3 - bex / (2 * bl);
            double gy = ry / bl - re * bey / l3 - bey / (2 * bl);
            double gz = rz / bl - re * bez / l3 - bez / (2 * bl);
            grad[3 * bestJ] += (float) (w * gx);
            grad[3 * bestJ + 1] += (float) (w * gy);
            grad[3 * bestJ + 2] += (float) (w * gz);
            grad[3 * c0] += (float) (w * (-gx - bex / bl));
            grad[3 * c0 + 1] += (float) (w * (-gy - bey / bl));
            grad[3 * c0 + 2] += (float) (w * (-gz - bez / bl));
        }
        return total * inv;
    }
}
