package org.isofield.datasets.index.bvh;

import static org.isofield.datasets.index.bvh.WindingMoments.C;
import static org.isofield.datasets.index.bvh.WindingMoments.M;
import static org.isofield.datasets.index.bvh.WindingMoments.N;
import static org.isofield.datasets.index.bvh.WindingMoments.STRIDE;

/**
 * Generalised winding number {@code w(q) = (1 / 4 pi) sum_t Omega_t(q)} of a triangle soup, exact per triangle and
 * accelerated per node (Barill, Dickson, Schmidt, Levin, Jacobson, "Fast Winding Numbers for Soups and Clouds",
 * SIGGRAPH 2018).
 *
 * <p>Near triangles contribute their exact solid angle (Van Oosterom and Strackee 1983:
 * {@code tan(Omega / 2) = a . (b x c) / (|a||b||c| + (a.b)|c| + (b.c)|a| + (c.a)|b|)}). A node whose ball
 * {@code (p, r)} satisfies {@code |q - p| > beta r} contributes the order-2 Taylor expansion of
 * {@code int (x - q) . n / |x - q|^3 dA} about {@code p} (the paper's three terms: the dipole and the first- and
 * second-derivative terms), evaluated from {@link WindingMoments}. Per node the error is about {@code beta^-3} of
 * the node's contribution; with the default {@code beta = 2} the total is about 1e-3 on average and below 0.01 in
 * the tests. Stateless and thread-safe; cost about {@code O(log n)} nodes (some 250 visits, 120 expansions and 30
 * exact triangles for near-surface queries on a 70k-triangle mesh).
 */
final class WindingNumberQuery {
    private static final double INV_FOUR_PI = 1.0 / (4.0 * Math.PI);

    private WindingNumberQuery() {
    }

    /** Winding number at local point {@code q}; {@code stack} holds at least {@code maxDepth + 2} ints. */
    static double windingNumber(TriangleBvh bvh, double qx, double qy, double qz, double beta, int[] stack) {
        float[] balls = bvh.winding.balls;
        float[] coeffs = bvh.winding.coeffs;
        int[] nodes = bvh.nodes;
        float[] tris = bvh.tris;
        double beta2 = beta * beta;
        double sum = 0;
        int sp = 0;
        int node = 0;
        while (true) {
            int o = 4 * node;
            double rx = balls[o] - qx;
            double ry = balls[o + 1] - qy;
            double rz = balls[o + 2] - qz;
            double d2 = rx * rx + ry * ry + rz * rz;
            double r = balls[o + 3];
            if (d2 > beta2 * r * r) {
                sum += farField(coeffs, node * STRIDE, rx, ry, rz, d2);
            } else {
                int m = 4 * node;
                int left = nodes[m + 2];
                if (left >= 0) {
                    stack[sp++] = nodes[m + 3];
                    node = left;
                    continue;
                }
                int end = nodes[m] + nodes[m + 1];
                for (int t = nodes[m]; t < end; t++) {
                    sum += solidAngle(tris, 9 * t, qx, qy, qz);
                }
            }
            if (sp == 0) {
                return sum * INV_FOUR_PI;
            }
            node = stack[--sp];
        }
    }

    /** Exact winding number: the sum over every triangle, O(n); the reference for the accelerated query. */
    static double exact(TriangleBvh bvh, double qx, double qy, double qz) {
        double sum = 0;
        float[] tris = bvh.tris;
        for (int o = 0; o < tris.length; o += 9) {
            sum += solidAngle(tris, o, qx, qy, qz);
        }
        return sum * INV_FOUR_PI;
    }

    /** Signed solid angle of the triangle at {@code tris[o]} seen from {@code q}; positive seen from its back. */
    static double solidAngle(float[] tris, int o, double qx, double qy, double qz) {
        double ax = tris[o] - qx, ay = tris[o + 1] - qy, az = tris[o + 2] - qz;
        double bx = tris[o + 3] - qx, by = tris[o + 4] - qy, bz = tris[o + 5] - qz;
        double cx = tris[o + 6] - qx, cy = tris[o + 7] - qy, cz = tris[o + 8] - qz;
        double la = Math.sqrt(ax * ax + ay * ay + az * az);
        double lb = Math.sqrt(bx * bx + by * by + bz * bz);
        double lc = Math.sqrt(cx * cx + cy * cy + cz * cz);
        double det = ax * (by * cz - bz * cy) + ay * (bz * cx - bx * cz) + az * (bx * cy - by * cx);
        double div = la * lb * lc + (ax * bx + ay * by + az * bz) * lc + (bx * cx + by * cy + bz * cz) * la
                + (cx * ax + cy * ay + cz * az) * lb;
        return 2.0 * Atan.atan2(det, div);
    }

    /**
     * Order-2 expansion of {@code 4 pi w} for the node whose coefficients start at {@code mom[o]}, with
     * {@code r = p - q} and
     * {@code d2 = |r|^2}: {@code N.r/|r|^3 + (tr C/|r|^3 - 3 r.C.r/|r|^5)
     * + 1/2 (-3 (2 sum_ik r_k M_iik + sum_i r_i tr M_i)/|r|^5 + 15 sum_ijk r_i r_j r_k M_ijk/|r|^7)}.
     */
    static double farField(float[] mom, int o, double rx, double ry, double rz, double d2) {
        double inv2 = 1.0 / d2;
        double inv1 = Math.sqrt(inv2);
        double inv3 = inv1 * inv2;
        double inv5 = inv3 * inv2;
        double inv7 = inv5 * inv2;
        double t0 = mom[o + N] * rx + mom[o + N + 1] * ry + mom[o + N + 2] * rz;
        int c = o + C;
        double trC = mom[c] + mom[c + 4] + mom[c + 8];
        double rCr = rx * (mom[c] * rx + mom[c + 1] * ry + mom[c + 2] * rz)
                + ry * (mom[c + 3] * rx + mom[c + 4] * ry + mom[c + 5] * rz)
                + rz * (mom[c + 6] * rx + mom[c + 7] * ry + mom[c + 8] * rz);
        int m = o + M;
        double a = 0;
        double b = 0;
        double rxx = rx * rx, ryy = ry * ry, rzz = rz * rz, rxy = 2 * rx * ry, rxz = 2 * rx * rz, ryz = 2 * ry * rz;
        for (int i = 0; i < 3; i++) {
            int q = m + 6 * i;
            double m00 = mom[q], m01 = mom[q + 1], m02 = mom[q + 2];
            double m11 = mom[q + 3], m12 = mom[q + 4], m22 = mom[q + 5];
            double ri = i == 0 ? rx : i == 1 ? ry : rz;
            double rowI = i == 0 ? rx * m00 + ry * m01 + rz * m02
                    : i == 1 ? rx * m01 + ry * m11 + rz * m12
                    : rx * m02 + ry * m12 + rz * m22;
            a += 2 * rowI + ri * (m00 + m11 + m22);
            b += ri * (rxx * m00 + ryy * m11 + rzz * m22 + rxy * m01 + rxz * m02 + ryz * m12);
        }
        return t0 * inv3 + trC * inv3 - 3 * rCr * inv5 + 0.5 * (-3 * a * inv5 + 15 * b * inv7);
    }
}
