package org.isofield.encodings.hashgrid;

import org.isofield.encodings.grid.CubicStencil;
import org.isofield.encodings.grid.Interpolation;

/**
 * Scalar kernels of the 3D, two-feature hash grid (the instant-ngp SDF shape), unrolled over the 8 corners (encode
 * computes the corner rows inline, the scatter through {@link HashGridCorners}). They do
 * the same float operations in the same order as the generic stencil kernel, so their results are bitwise equal to it;
 * they only avoid its per-corner loops and scratch arrays.
 */
final class HashGrid3dKernel {
    private static final int P1 = (int) 2654435761L;
    private static final int P2 = 805459861;

    private HashGrid3dKernel() {
    }

    /**
     * {@code Integer.remainderUnsigned(index, rows)}, without the division in the common case of an index already
     * below {@code rows} (dense rows of points in the unit cube; only the +0.5 shift of the last vertex wraps).
     */
    static int wrap(int index, int rows) {
        return Integer.compareUnsigned(index, rows) < 0 ? index : Integer.remainderUnsigned(index, rows);
    }

    /** Encodes points {@code [start, end)} on {@code level} into {@code out[off + i * stride + f]}. */
    static void encodeLevel(CubicStencil g, int level, float[] params, int base, float[] in, float[] out, int off,
                            int stride, int start, int end) {
        float sc = g.scale(level);
        boolean hashed = g.hashed(level);
        boolean smooth = g.interpolation() == Interpolation.SMOOTHSTEP;
        int res = g.resolution(level);
        int rows = g.rows(level);
        int mask = rows - 1;
        for (int i = start; i < end; i++) {
            float px = Math.fma(sc, in[3 * i], 0.5f);
            float py = Math.fma(sc, in[3 * i + 1], 0.5f);
            float pz = Math.fma(sc, in[3 * i + 2], 0.5f);
            float fx = (float) Math.floor(px);
            float fy = (float) Math.floor(py);
            float fz = (float) Math.floor(pz);
            int cx = (int) fx;
            int cy = (int) fy;
            int cz = (int) fz;
            float sx = px - fx;
            float sy = py - fy;
            float sz = pz - fz;
            if (smooth) {
                sx = sx * sx * (3f - 2f * sx);
                sy = sy * sy * (3f - 2f * sy);
                sz = sz * sz * (3f - 2f * sz);
            }
            float rx = 1f - sx;
            float ry = 1f - sy;
            float rz = 1f - sz;
            int r0;
            int r1;
            int r2;
            int r3;
            int r4;
            int r5;
            int r6;
            int r7;
            if (hashed) {
                int hy0 = cy * P1;
                int hy1 = (cy + 1) * P1;
                int hz0 = cz * P2;
                int hz1 = (cz + 1) * P2;
                r0 = (cx ^ hy0 ^ hz0) & mask;
                r1 = ((cx + 1) ^ hy0 ^ hz0) & mask;
                r2 = (cx ^ hy1 ^ hz0) & mask;
                r3 = ((cx + 1) ^ hy1 ^ hz0) & mask;
                r4 = (cx ^ hy0 ^ hz1) & mask;
                r5 = ((cx + 1) ^ hy0 ^ hz1) & mask;
                r6 = (cx ^ hy1 ^ hz1) & mask;
                r7 = ((cx + 1) ^ hy1 ^ hz1) & mask;
            } else {
                int rr = res * res;
                int b = cx + cy * res + cz * rr;
                r0 = wrap(b, rows);
                r1 = wrap(b + 1, rows);
                r2 = wrap(b + res, rows);
                r3 = wrap(b + 1 + res, rows);
                r4 = wrap(b + rr, rows);
                r5 = wrap(b + 1 + rr, rows);
                r6 = wrap(b + res + rr, rows);
                r7 = wrap(b + 1 + res + rr, rows);
            }
            float w0 = rx * ry * rz;
            float w1 = sx * ry * rz;
            float w2 = rx * sy * rz;
            float w3 = sx * sy * rz;
            float w4 = rx * ry * sz;
            float w5 = sx * ry * sz;
            float w6 = rx * sy * sz;
            float w7 = sx * sy * sz;
            int q0 = base + 2 * r0;
            int q1 = base + 2 * r1;
            int q2 = base + 2 * r2;
            int q3 = base + 2 * r3;
            int q4 = base + 2 * r4;
            int q5 = base + 2 * r5;
            int q6 = base + 2 * r6;
            int q7 = base + 2 * r7;
            float a = 0;
            a += w0 * params[q0];
            a += w1 * params[q1];
            a += w2 * params[q2];
            a += w3 * params[q3];
            a += w4 * params[q4];
            a += w5 * params[q5];
            a += w6 * params[q6];
            a += w7 * params[q7];
            float c = 0;
            c += w0 * params[q0 + 1];
            c += w1 * params[q1 + 1];
            c += w2 * params[q2 + 1];
            c += w3 * params[q3 + 1];
            c += w4 * params[q4 + 1];
            c += w5 * params[q5 + 1];
            c += w6 * params[q6 + 1];
            c += w7 * params[q7 + 1];
            out[off + i * stride] = a;
            out[off + i * stride + 1] = c;
        }
    }

    /** Adds the gradient of points {@code [start, end)} on {@code level}, from {@code dLdOut[off + i * stride + f]}. */
    static void backwardLevel(CubicStencil g, int level, float[] grad, int base, float[] in, float[] dLdOut, int off,
                            int stride, int start, int end) {
        float sc = g.scale(level);
        boolean smooth = g.interpolation() == Interpolation.SMOOTHSTEP;
        int[] r = new int[8];
        for (int i = start; i < end; i++) {
            float px = Math.fma(sc, in[3 * i], 0.5f);
            float py = Math.fma(sc, in[3 * i + 1], 0.5f);
            float pz = Math.fma(sc, in[3 * i + 2], 0.5f);
            float fx = (float) Math.floor(px);
            float fy = (float) Math.floor(py);
            float fz = (float) Math.floor(pz);
            int cx = (int) fx;
            int cy = (int) fy;
            int cz = (int) fz;
            float sx = px - fx;
            float sy = py - fy;
            float sz = pz - fz;
            if (smooth) {
                sx = sx * sx * (3f - 2f * sx);
                sy = sy * sy * (3f - 2f * sy);
                sz = sz * sz * (3f - 2f * sz);
            }
            float rx = 1f - sx;
            float ry = 1f - sy;
            float rz = 1f - sz;
            HashGridCorners.rows(g, level, cx, cy, cz, r);
            float w0 = rx * ry * rz;
            float w1 = sx * ry * rz;
            float w2 = rx * sy * rz;
            float w3 = sx * sy * rz;
            float w4 = rx * ry * sz;
            float w5 = sx * ry * sz;
            float w6 = rx * sy * sz;
            float w7 = sx * sy * sz;
            int q0 = base + 2 * r[0];
            int q1 = base + 2 * r[1];
            int q2 = base + 2 * r[2];
            int q3 = base + 2 * r[3];
            int q4 = base + 2 * r[4];
            int q5 = base + 2 * r[5];
            int q6 = base + 2 * r[6];
            int q7 = base + 2 * r[7];
            float ga = dLdOut[off + i * stride];
            float gc = dLdOut[off + i * stride + 1];
            grad[q0] += w0 * ga;
            grad[q0 + 1] += w0 * gc;
            grad[q1] += w1 * ga;
            grad[q1 + 1] += w1 * gc;
            grad[q2] += w2 * ga;
            grad[q2 + 1] += w2 * gc;
            grad[q3] += w3 * ga;
            grad[q3 + 1] += w3 * gc;
            grad[q4] += w4 * ga;
            grad[q4 + 1] += w4 * gc;
            grad[q5] += w5 * ga;
            grad[q5 + 1] += w5 * gc;
            grad[q6] += w6 * ga;
            grad[q6 + 1] += w6 * gc;
            grad[q7] += w7 * ga;
            grad[q7 + 1] += w7 * gc;
        }
    }
}
