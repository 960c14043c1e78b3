package org.isofield.reconstruction.gridpull;

import java.util.Arrays;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.datasets.normals.MstOrientation;

/**
 * The open-surface mode of {@link GridPull}: deciding whether a cloud is closed, and the initial field of an open
 * sheet. An open sheet (a single range scan, a scene) has no inside, so the flood fill of {@link BandBuilder} reaches
 * every sample; the sign comes instead from consistently oriented normals ({@link MstOrientation}): every stored
 * sample starts at its signed distance to the tangent plane of its nearest point (as {@link OrientedInit} does near
 * the points), and every brick without storage gets the sign of that distance at its centre, so the whole grid has
 * one consistent sign on each side of the sheet.
 */
final class OpenSurface {
    /**
     * Auto picks closed when the flood fill leaves at least this fraction of the band's near samples' count as
     * inside samples (stored or not); see {@link #looksClosed}.
     */
    static final double MIN_INSIDE_FRACTION = 0.05;
    /** Neighbours of the boundary test. */
    static final int BOUNDARY_NEIGHBOURS = 32;
    /** Smallest angular gap (radians) that makes a rim point: 108 degrees. */
    static final double MIN_GAP = 0.6 * Math.PI;
    private static final int CHUNK = 1 << 16;

    private OpenSurface() {
    }

    /** Samples the flood fill did not reach: inside samples of the band plus 512 per unreached brick without storage.
     * */
    static long insideSamples(BandBuilder.Band band) {
        SparseGrid g = band.grid();
        long bricks = 0;
        for (int b = 0; b < g.label.length; b++) {
            if (g.directory[b] < 0 && g.label[b] < 0) {
                bricks++;
            }
        }
        return band.insideSamples() + bricks * SparseGrid.BRICK_SAMPLES;
    }

    /**
     * Whether the flood fill found an inside region of real size: at least {@value #MIN_INSIDE_FRACTION} times as
     * many inside samples as near samples.
     */
    static boolean hasInside(BandBuilder.Band band) {
        return insideSamples(band) >= MIN_INSIDE_FRACTION * band.nearSamples();
    }

    /**
     * Whether a cloud without a flood-filled inside is still closed (a part thinner than the near distance, such as
     * a plate): it has fewer {@link #boundaryPoints boundary points} than half the rim of a round disc of as many
     * points, {@code sqrt(pi N)}. An open sheet has at least one rim; a closed surface has none, apart from
     * sampling gaps.
     */
    static boolean thinButClosed(int boundaryPoints, int n) {
        return boundaryPoints < Math.sqrt(Math.PI * n);
    }

    /**
     * Points on the rim of the sampled surface: projected onto the tangent plane of a point, its
     * {@value #BOUNDARY_NEIGHBOURS} nearest neighbours leave an angular gap wider than {@link #MIN_GAP} (the test of
     * PCL's BoundaryEstimation, with more neighbours and a wider gap: with 16 neighbours and 90 degrees, 27% of the
     * points of a random 3000-point sheet counted as rim; with 32 and 108 degrees, 7%, about 80% of the true rim,
     * and 14 of 4000 on a closed plate).
     *
     * @param normals unit normals of the points (orientation does not matter)
     */
    static int boundaryPoints(float[] points, float[] normals, KdTree tree) {
        int n = points.length / 3;
        int k = Math.min(BOUNDARY_NEIGHBOURS + 1, n);
        int count = 0;
        double[] angle = new double[k];
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            int[] idx = new int[m * k];
            tree.knn(Arrays.copyOfRange(points, 3 * start, 3 * (start + m)), k, idx, null);
            for (int q = 0; q < m; q++) {
                int p = start + q;
                double nx = normals[3 * p];
                double ny = normals[3 * p + 1];
                double nz = normals[3 * p + 2];
                double[] u = Math.abs(nx) < 0.9 ? cross(nx, ny, nz, 1, 0, 0) : cross(nx, ny, nz, 0, 1, 0);
                double[] v = cross(nx, ny, nz, u[0], u[1], u[2]);
                int a = 0;
                for (int j = 0; j < k; j++) {
                    int o = idx[q * k + j];
                    if (o == p) {
                        continue;
                    }
                    double dx = points[3 * o] - points[3 * p];
                    double dy = points[3 * o + 1] - points[3 * p + 1];
                    double dz = points[3 * o + 2] - points[3 * p + 2];
                    angle[a++] = Math.atan2(dx * v[0] + dy * v[1] + dz * v[2], dx * u[0] + dy * u[1] + dz * u[2]);
                }
                Arrays.sort(angle, 0, a);
                double gap = a == 0 ? 2 * Math.PI : angle[0] + 2 * Math.PI - angle[a - 1];
                for (int j = 1; j < a; j++) {
                    gap = Math.max(gap, angle[j] - angle[j - 1]);
                }
                if (gap > MIN_GAP) {
                    count++;
                }
            }
        }
        return count;
    }

    private static double[] cross(double ax, double ay, double az, double bx, double by, double bz) {
        double x = ay * bz - az * by;
        double y = az * bx - ax * bz;
        double z = ax * by - ay * bx;
        double len = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / len, y / len, z / len};
    }

    /**
     * Gives the band the open-sheet initial field described in the class comment.
     *
     * @param normals oriented unit normals of the points
     */
    static void apply(SparseGrid grid, float[] points, float[] normals, KdTree tree) {
        int[] all = new int[grid.values.length];
        for (int s = 0; s < all.length; s++) {
            all[s] = s;
        }
        OrientedInit.apply(grid, all, points, normals, tree);
        int[] free = new int[grid.label.length];
        int m = 0;
        for (int b = 0; b < grid.label.length; b++) {
            if (grid.directory[b] < 0) {
                free[m++] = b;
            }
        }
        for (int start = 0; start < m; start += CHUNK) {
            int c = Math.min(CHUNK, m - start);
            float[] q = new float[3 * c];
            for (int i = 0; i < c; i++) {
                int b = free[start + i];
                q[3 * i] = (b % grid.nb + 0.5f) * SparseGrid.BRICK;
                q[3 * i + 1] = (b / grid.nb % grid.nb + 0.5f) * SparseGrid.BRICK;
                q[3 * i + 2] = (b / grid.nb / grid.nb + 0.5f) * SparseGrid.BRICK;
            }
            int[] nearest = new int[c];
            tree.nearest(q, nearest, null);
            for (int i = 0; i < c; i++) {
                int p = nearest[i];
                double d = (q[3 * i] - points[3 * p]) * normals[3 * p] + (q[3 * i + 1] - points[3 * p
                        + 1]) * normals[3 * p + 1]
                        + (q[3 * i + 2] - points[3 * p + 2]) * normals[3 * p + 2];
                grid.label[free[start + i]] = (byte) (d < 0 ? -1 : 1);
            }
        }
    }
}
