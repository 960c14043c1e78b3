package org.isofield.datasets.testing;

import java.util.SplittableRandom;
import org.isofield.datasets.geom.TriangleMesh;

/** Seeded random triangle soups and query points for tests. */
public final class RandomMeshes {
    private RandomMeshes() {
    }

    /**
     * {@code n} triangles with corners near random centres in the unit cube, edge scale {@code size}; about one in
     * ten is degenerate (a point, or three collinear corners).
     */
    public static TriangleMesh soup(long seed, int n, double size) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[9 * n];
        int[] f = new int[3 * n];
        for (int t = 0; t < n; t++) {
            double cx = r.nextDouble(), cy = r.nextDouble(), cz = r.nextDouble();
            int kind = r.nextInt(20);
            for (int c = 0; c < 3; c++) {
                double s = kind == 0 ? 0 : size;
                double dx = s * (r.nextDouble() - 0.5), dy = s * (r.nextDouble() - 0.5),
                        dz = s * (r.nextDouble() - 0.5);
                if (kind == 1 && c == 2) {
                    // Collinear: the third corner is on the line through the first two.
                    double k = r.nextDouble() * 2 - 0.5;
                    dx = v[9 * t] - cx + k * (v[9 * t + 3] - v[9 * t]);
                    dy = v[9 * t + 1] - cy + k * (v[9 * t + 4] - v[9 * t + 1]);
                    dz = v[9 * t + 2] - cz + k * (v[9 * t + 5] - v[9 * t + 2]);
                }
                v[9 * t + 3 * c] = (float) (cx + dx);
                v[9 * t + 3 * c + 1] = (float) (cy + dy);
                v[9 * t + 3 * c + 2] = (float) (cz + dz);
                f[3 * t + c] = 3 * t + c;
            }
        }
        return TriangleMesh.of(v, f);
    }

    /** {@code n} points uniform in the box {@code [lo, hi]^3}, flat xyz. */
    public static float[] points(long seed, int n, double lo, double hi) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] p = new float[3 * n];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (lo + (hi - lo) * r.nextDouble());
        }
        return p;
    }
}
