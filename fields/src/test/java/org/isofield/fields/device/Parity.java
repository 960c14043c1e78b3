package org.isofield.fields.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

/** Helpers of the device parity tests: seeded data, layout changes, the per-value tolerance. */
final class Parity {
    private Parity() {
    }

    static float[] gaussian(int n, long seed, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            g[i] = (float) (scale * r.nextGaussian());
        }
        return g;
    }

    static float[] uniform(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            g[i] = (float) r.nextDouble();
        }
        return g;
    }

    static float[] abs(float[] a) {
        float[] b = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Math.abs(a[i]);
        }
        return b;
    }

    /** Point-major {@code n x cols} to feature-major (stride n). */
    static float[] toFeatureMajor(float[] a, int n, int cols) {
        float[] t = new float[n * cols];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < cols; c++) {
                t[c * n + i] = a[i * cols + c];
            }
        }
        return t;
    }

    /** Feature-major (stride n) to point-major. */
    static float[] toPointMajor(float[] a, int n, int cols) {
        float[] t = new float[n * cols];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < cols; c++) {
                t[i * cols + c] = a[c * n + i];
            }
        }
        return t;
    }

    /**
     * {@code |got - want| <= 1e-5 (|want| + contributions)} for every value, where {@code contributions} is the sum of
     * the absolute terms behind each value (a bound of it).
     */
    static void assertWithin(String what, float[] got, float[] want, float[] contributions) {
        int bad = 0;
        String first = null;
        double worst = 0;
        for (int i = 0; i < want.length; i++) {
            double tol = 1e-5 * (Math.abs(want[i]) + contributions[i]);
            double err = Math.abs((double) got[i] - want[i]);
            worst = Math.max(worst, tol > 0 ? err / tol : err > 0 ? Double.POSITIVE_INFINITY : 0);
            if (!(err <= tol)) {
                if (first == null) {
                    first = "value " + i + ": device " + got[i] + ", cpu " + want[i] + ", tolerance " + tol;
                }
                bad++;
            }
        }
        assertThat(bad).as(what + ": " + bad + " of " + want.length + " values outside tolerance (first: " + first
                + ")").isZero();
    }
}
