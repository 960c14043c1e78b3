package org.isofield.datasets.geom;

import java.util.Arrays;

/** Eigenvalues and eigenvectors of a symmetric 3x3 matrix by cyclic Jacobi rotations. */
public final class SymmetricEigen {
    private SymmetricEigen() {
    }

    /** The eigenvalues of {@code m} (symmetric; not modified), largest first. */
    public static double[] values(double[][] m) {
        double[][] a = {m[0].clone(), m[1].clone(), m[2].clone()};
        diagonalise(a, null);
        double[] ev = {a[0][0], a[1][1], a[2][2]};
        Arrays.sort(ev);
        return new double[] {ev[2], ev[1], ev[0]};
    }

    /**
     * The unit eigenvector of the smallest eigenvalue of {@code m} (symmetric; overwritten) into {@code out}: the
     * normal of a point neighbourhood's covariance.
     */
    public static void smallestVector(double[][] m, double[] out) {
        double[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        diagonalise(m, v);
        int k = 0;
        for (int i = 1; i < 3; i++) {
            if (m[i][i] < m[k][k]) {
                k = i;
            }
        }
        out[0] = v[0][k];
        out[1] = v[1][k];
        out[2] = v[2][k];
    }

    /** Jacobi sweeps on {@code a} in place; the rotations are accumulated into the columns of {@code v} if given. */
    private static void diagonalise(double[][] a, double[][] v) {
        for (int sweep = 0; sweep < 50; sweep++) {
            double off = a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
            double scale = a[0][0] * a[0][0] + a[1][1] * a[1][1] + a[2][2] * a[2][2];
            if (off <= 1e-30 * scale || off == 0) {
                break;
            }
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < 3; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < 3; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    if (v != null) {
                        for (int k = 0; k < 3; k++) {
                            double vkp = v[k][p];
                            double vkq = v[k][q];
                            v[k][p] = c * vkp - s * vkq;
                            v[k][q] = s * vkp + c * vkq;
                        }
                    }
                }
            }
        }
    }
}
