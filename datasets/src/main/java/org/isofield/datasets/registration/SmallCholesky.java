package org.isofield.datasets.registration;

/**
 * Cholesky factorisation and solve of a small symmetric positive definite system {@code A x = b} in double, for
 * ICP's 6x6 normal equations. Without pivoting: a pivot at or below {@code relativeFloor} times the largest diagonal
 * entry means the system is singular or nearly so, and the index of that pivot names the first unknown the data
 * does not constrain (given the earlier ones).
 */
final class SmallCholesky {
    private SmallCholesky() {
    }

    /**
     * Solves {@code A x = b} for the symmetric {@code n x n} matrix {@code a} (row-major; only its lower triangle is
     * read; not modified).
     *
     * @return x, or null when pivot {@code k} is too small; then {@code failedPivot[0] = k}
     */
    static double[] solve(double[] a, double[] b, int n, double relativeFloor, int[] failedPivot) {
        double maxDiag = 0;
        for (int i = 0; i < n; i++) {
            maxDiag = Math.max(maxDiag, a[i * n + i]);
        }
        double floor = relativeFloor * maxDiag;
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * n + k] * l[j * n + k];
            }
            if (!(d > floor)) {
                failedPivot[0] = j;
                return null;
            }
            double ljj = Math.sqrt(d);
            l[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = s / ljj;
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * y[k];
            }
            y[i] = s / l[i * n + i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
        return x;
    }
}
