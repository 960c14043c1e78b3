package org.isofield.datasets.clean;

/**
 * Garland-Heckbert error quadrics stored flat, 10 doubles each ({@code a2 ab ac ad b2 bc bd c2 cd d2}, the upper
 * triangle of the symmetric 4x4 matrix {@code p p^T} summed over planes {@code p = (a, b, c, d)}): the error of a
 * point is the sum of its squared distances to the planes.
 */
final class Quadric {
    static final int STRIDE = 10;

    private Quadric() {
    }

    /** Adds the plane {@code a x + b y + c z + d = 0} (unit normal) to quadric {@code i}. */
    static void addPlane(double[] q, int i, double a, double b, double c, double d) {
        int o = STRIDE * i;
        q[o] += a * a;
        q[o + 1] += a * b;
        q[o + 2] += a * c;
        q[o + 3] += a * d;
        q[o + 4] += b * b;
        q[o + 5] += b * c;
        q[o + 6] += b * d;
        q[o + 7] += c * c;
        q[o + 8] += c * d;
        q[o + 9] += d * d;
    }

    /** {@code out = q[i] + q[j]}. */
    static void sum(double[] q, int i, int j, double[] out) {
        for (int k = 0; k < STRIDE; k++) {
            out[k] = q[STRIDE * i + k] + q[STRIDE * j + k];
        }
    }

    /** Adds quadric {@code from} to quadric {@code to}. */
    static void addTo(double[] q, int to, int from) {
        for (int k = 0; k < STRIDE; k++) {
            q[STRIDE * to + k] += q[STRIDE * from + k];
        }
    }

    /** The error of point {@code (x, y, z)}, at least 0. */
    static double error(double[] s, double x, double y, double z) {
        double e = s[0] * x * x + 2 * s[1] * x * y + 2 * s[2] * x * z + 2 * s[3] * x + s[4] * y * y
                + 2 * s[5] * y * z + 2 * s[6] * y + s[7] * z * z + 2 * s[8] * z + s[9];
        return Math.max(0, e);
    }

    /**
     * The point of least error, into {@code out}, by Cramer's rule on the 3x3 system; false when the system is
     * near singular (flat or cylindrical neighbourhoods), whose caller then picks among the edge's own points.
     */
    static boolean optimum(double[] s, double[] out) {
        double a = s[0], b = s[1], c = s[2], d = s[4], e = s[5], f = s[7];
        double c0 = d * f - e * e;
        double c1 = c * e - b * f;
        double c2 = b * e - c * d;
        double det = a * c0 + b * c1 + c * c2;
        double scale = Math.max(Math.abs(a), Math.max(Math.abs(d), Math.abs(f)));
        if (!(Math.abs(det) > 1e-9 * scale * scale * scale)) {
            return false;
        }
        double rx = -s[3], ry = -s[6], rz = -s[8];
        // the inverse of a symmetric matrix by cofactors
        double c3 = a * f - c * c;
        double c4 = b * c - a * e;
        double c5 = a * d - b * b;
        out[0] = (c0 * rx + c1 * ry + c2 * rz) / det;
        out[1] = (c1 * rx + c3 * ry + c4 * rz) / det;
        out[2] = (c2 * rx + c4 * ry + c5 * rz) / det;
        return Double.isFinite(out[0]) && Double.isFinite(out[1]) && Double.isFinite(out[2]);
    }
}
