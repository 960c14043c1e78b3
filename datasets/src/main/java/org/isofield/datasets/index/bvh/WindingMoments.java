package org.isofield.datasets.index.bvh;

import org.isofield.core.Parallel;

/**
 * Per-node data of the fast winding number (Barill et al. 2018, section 3.2): an expansion centre {@code p}, a
 * radius {@code r} such that every triangle of the node lies in the ball {@code (p, r)}, and the moments of the
 * node's area-weighted normal field about {@code p}, enough for a Taylor expansion of order 2:
 * <pre>
 *   N_i    = sum_t  int_t n_i dA                      (dipole, order 0)
 *   C_ij   = sum_t  int_t n_i (x - p)_j dA            (order 1)
 *   M_ijk  = sum_t  int_t n_i (x - p)_j (x - p)_k dA  (order 2, symmetric in j, k)
 * </pre>
 * The integrals are exact for flat triangles ({@code int (x - p)(x - p)^T dA = A/12 (sum_v d_v d_v^T + s s^T)} with
 * {@code s} the sum of the vertex offsets). Leaves take them from their triangles, inner nodes shift their
 * children's moments to their own centre ({@code C' = C + N s^T}, {@code M'_ijk = M_ijk + C_ij s_k + C_ik s_j +
 * N_i s_j s_k}), so the build is O(n). {@code p} is the area-weighted centroid (the box centre for zero area);
 * {@code r} is the smaller of two upper bounds, the children's balls and the farthest box corner.
 *
 * <p>Everything is accumulated in double and stored in float: {@link #balls} holds {@code (p, r)}, 4 floats per node,
 * with {@code p} the float-rounded centre the moments are taken about and {@code r} rounded up; {@link #coeffs}
 * holds {@link #STRIDE} floats per node: {@code N} at 0, {@code C} row-major at 3, {@code M} at 12 as three symmetric
 * 3x3 blocks {@code (jk = 00, 01, 02, 11, 12, 22)} for {@code i = 0, 1, 2}. Float coefficients change the expansion
 * by about 1e-7 of its value, far below its truncation error (about 1e-3 at beta = 2). 136 bytes per node.
 */
final class WindingMoments {
    /** Floats per node in {@link #coeffs}. */
    static final int STRIDE = 30;
    static final int N = 0;
    static final int C = 3;
    static final int M = 12;
    /** Layout of the double scratch used while building: p, r, then the coefficients. */
    private static final int D_STRIDE = 34;
    private static final int P = 0;
    private static final int R = 3;
    private static final int DN = 4;
    private static final int DC = 7;
    private static final int DM = 16;

    /** Per node {@code px, py, pz, r}. */
    final float[] balls;
    /** Per node {@link #STRIDE} expansion coefficients about the ball centre. */
    final float[] coeffs;
    /** Index pairs {@code (j, k)} of the six stored entries of a symmetric 3x3 block. */
    private static final int[] JK_J = {0, 0, 0, 1, 1, 2};
    private static final int[] JK_K = {0, 1, 2, 1, 2, 2};

    private WindingMoments(float[] balls, float[] coeffs) {
        this.balls = balls;
        this.coeffs = coeffs;
    }

    /** Moments for every node; leaves in parallel, inner nodes bottom-up. */
    static WindingMoments compute(float[] tris, float[] bounds, int[] nodes, int nodeCount) {
        double[] out = new double[D_STRIDE * nodeCount];
        double[] area = new double[nodeCount];
        Parallel.forChunks(nodeCount, 4096, (chunk, start, end) -> {
            for (int n = start; n < end; n++) {
                if (nodes[4 * n + 2] < 0) {
                    area[n] = leaf(tris, bounds, nodes[4 * n], nodes[4 * n + 1], n, out);
                }
            }
        });
        for (int n = nodeCount - 1; n >= 0; n--) {
            int left = nodes[4 * n + 2];
            if (left >= 0) {
                area[n] = inner(bounds, n, left, nodes[4 * n + 3], area, out);
            }
        }
        float[] balls = new float[4 * nodeCount];
        float[] coeffs = new float[STRIDE * nodeCount];
        Parallel.forChunks(nodeCount, 4096, (chunk, start, end) -> {
            for (int n = start; n < end; n++) {
                int d = D_STRIDE * n;
                for (int a = 0; a < 3; a++) {
                    balls[4 * n + a] = (float) out[d + P + a]; // exact: centres are float-rounded already
                }
                float r = (float) out[d + R];
                balls[4 * n + 3] = r < out[d + R] ? Math.nextUp(r) : r;
                for (int k = 0; k < STRIDE; k++) {
                    coeffs[STRIDE * n + k] = (float) out[d + DN + k];
                }
            }
        });
        return new WindingMoments(balls, coeffs);
    }

    private static double toFloat(double x) {
        return (float) x;
    }

    private static double leaf(float[] tris, float[] bounds, int start, int count, int node, double[] out) {
        double total = 0, px = 0, py = 0, pz = 0;
        for (int t = start; t < start + count; t++) {
            int o = 9 * t;
            double a = 0.5 * norm(cross(tris, o, 0), cross(tris, o, 1), cross(tris, o, 2));
            total += a;
            px += a * ((double) tris[o] + tris[o + 3] + tris[o + 6]) / 3.0;
            py += a * ((double) tris[o + 1] + tris[o + 4] + tris[o + 7]) / 3.0;
            pz += a * ((double) tris[o + 2] + tris[o + 5] + tris[o + 8]) / 3.0;
        }
        int b = 6 * node;
        if (total > 0) {
            px /= total;
            py /= total;
            pz /= total;
        } else {
            px = 0.5 * ((double) bounds[b] + bounds[b + 3]);
            py = 0.5 * ((double) bounds[b + 1] + bounds[b + 4]);
            pz = 0.5 * ((double) bounds[b + 2] + bounds[b + 5]);
        }
        px = toFloat(px);
        py = toFloat(py);
        pz = toFloat(pz);
        int m = D_STRIDE * node;
        out[m + P] = px;
        out[m + P + 1] = py;
        out[m + P + 2] = pz;
        double r2 = 0;
        double[] d = new double[9];
        for (int t = start; t < start + count; t++) {
            int o = 9 * t;
            for (int k = 0; k < 9; k += 3) {
                d[k] = tris[o + k] - px;
                d[k + 1] = tris[o + k + 1] - py;
                d[k + 2] = tris[o + k + 2] - pz;
                r2 = Math.max(r2, d[k] * d[k] + d[k + 1] * d[k + 1] + d[k + 2] * d[k + 2]);
            }
            double[] n = {0.5 * cross(tris, o, 0), 0.5 * cross(tris, o, 1), 0.5 * cross(tris, o, 2)};
            double[] s = {d[0] + d[3] + d[6], d[1] + d[4] + d[7], d[2] + d[5] + d[8]};
            for (int i = 0; i < 3; i++) {
                out[m + DN + i] += n[i];
                for (int j = 0; j < 3; j++) {
                    out[m + DC + 3 * i + j] += n[i] * s[j] / 3.0;
                }
                for (int e = 0; e < 6; e++) {
                    out[m + DM + 6 * i + e] += n[i] * second(d, s, JK_J[e], JK_K[e]);
                }
            }
        }
        out[m + R] = Math.sqrt(r2);
        return total;
    }

    /** {@code (1/12) (sum_v d_vj d_vk + s_j s_k)}: the second moment of a triangle divided by its area. */
    private static double second(double[] d, double[] s, int j, int k) {
        return (d[j] * d[k] + d[3 + j] * d[3 + k] + d[6 + j] * d[6 + k] + s[j] * s[k]) / 12.0;
    }

    private static double inner(float[] bounds, int node, int left, int right, double[] area, double[] out) {
        int m = D_STRIDE * node;
        int b = 6 * node;
        double total = area[left] + area[right];
        for (int a = 0; a < 3; a++) {
            out[m + P + a] = toFloat(total > 0
                    ? (area[left] * out[D_STRIDE * left + P + a] + area[right] * out[D_STRIDE * right + P + a]) / total
                    : 0.5 * ((double) bounds[b + a] + bounds[b + 3 + a]));
        }
        double ballRadius = 0;
        for (int child : new int[] {left, right}) {
            int c = D_STRIDE * child;
            double[] s = new double[3];
            for (int a = 0; a < 3; a++) {
                s[a] = out[c + P + a] - out[m + P + a];
            }
            ballRadius = Math.max(ballRadius, norm(s[0], s[1], s[2]) + out[c + R]);
            for (int i = 0; i < 3; i++) {
                double ni = out[c + DN + i];
                out[m + DN + i] += ni;
                for (int j = 0; j < 3; j++) {
                    out[m + DC + 3 * i + j] += out[c + DC + 3 * i + j] + ni * s[j];
                }
                int q = m + DM + 6 * i;
                int qc = c + DM + 6 * i;
                for (int e = 0; e < 6; e++) {
                    int j = JK_J[e];
                    int k = JK_K[e];
                    out[q + e] += out[qc + e] + out[c + DC + 3 * i + j] * s[k] + out[c + DC + 3 * i + k] * s[j]
                            + ni * s[j] * s[k];
                }
            }
        }
        double corner = 0;
        for (int a = 0; a < 3; a++) {
            double lo = Math.abs(bounds[b + a] - out[m + P + a]);
            double hi = Math.abs(bounds[b + 3 + a] - out[m + P + a]);
            corner += Math.max(lo, hi) * Math.max(lo, hi);
        }
        out[m + R] = Math.min(ballRadius, Math.sqrt(corner));
        return total;
    }

    /** Component {@code a} of {@code (v1 - v0) x (v2 - v0)} for the triangle at {@code tris[o]}. */
    private static double cross(float[] tris, int o, int a) {
        double e1x = tris[o + 3] - (double) tris[o], e1y = tris[o + 4] - (double) tris[o + 1], e1z = tris[o
                + 5] - (double) tris[o + 2];
        double e2x = tris[o + 6] - (double) tris[o], e2y = tris[o + 7] - (double) tris[o + 1], e2z = tris[o
                + 8] - (double) tris[o + 2];
        return switch (a) {
            case 0 -> e1y * e2z - e1z * e2y;
            case 1 -> e1z * e2x - e1x * e2z;
            default -> e1x * e2y - e1y * e2x;
        };
    }

    private static double norm(double x, double y, double z) {
        return Math.sqrt(x * x + y * y + z * z);
    }
}
