package org.isofield.encodings.hashgrid;

import org.isofield.encodings.grid.CubicStencil;
import org.isofield.encodings.grid.Interpolation;

/**
 * Scalar input-gradient kernel of the 3D, two-feature hash grid, unrolled over the 8 corners: the gradient of the
 * encoding's output with respect to the position, contracted with an upstream gradient. It performs the generic
 * stencil kernel's float operations in the same order (per corner: the dot of the upstream gradient with the corner's
 * features, then that dot times the corner weight's partial derivative along x, y and z, each partial a product of the
 * signed {@code scale * s'(t)} with the other two axes' weights in axis order), so the results are bitwise equal; the
 * generic kernel's per-corner loops and scratch arrays cost it about 8x the encode's time.
 */
final class HashGridGradientKernel {
    private HashGridGradientKernel() {
    }

    /** Adds level {@code level}'s input gradient of points {@code [start, end)} into {@code dLdIn[3 i + j]}. */
    static void inputGradientLevel(CubicStencil g, int level, float[] params, int base, float[] in, float[] dLdOut,
                                   int od, float[] dLdIn, int start, int end) {
        float sc = g.scale(level);
        Interpolation ip = g.interpolation();
        int[] r = new int[8];
        int lo = 2 * level;
        for (int i = start; i < end; i++) {
            float px = Math.fma(sc, in[3 * i], 0.5f);
            float py = Math.fma(sc, in[3 * i + 1], 0.5f);
            float pz = Math.fma(sc, in[3 * i + 2], 0.5f);
            float fx = (float) Math.floor(px);
            float fy = (float) Math.floor(py);
            float fz = (float) Math.floor(pz);
            float tx = px - fx;
            float ty = py - fy;
            float tz = pz - fz;
            HashGridCorners.rows(g, level, (int) fx, (int) fy, (int) fz, r);
            float sx = ip.weight(tx);
            float sy = ip.weight(ty);
            float sz = ip.weight(tz);
            float dx = sc * ip.weightDerivative(tx);
            float dy = sc * ip.weightDerivative(ty);
            float dz = sc * ip.weightDerivative(tz);
            float rx = 1f - sx;
            float ry = 1f - sy;
            float rz = 1f - sz;
            float g0 = dLdOut[i * od + lo];
            float g1 = dLdOut[i * od + lo + 1];
            float ax = dLdIn[3 * i];
            float ay = dLdIn[3 * i + 1];
            float az = dLdIn[3 * i + 2];
            for (int k = 0; k < 8; k++) {
                boolean bx = (k & 1) != 0;
                boolean by = (k & 2) != 0;
                boolean bz = (k & 4) != 0;
                float wx = bx ? sx : rx;
                float wy = by ? sy : ry;
                float wz = bz ? sz : rz;
                int p = base + 2 * r[k];
                float dot = 0;
                dot += g0 * params[p];
                dot += g1 * params[p + 1];
                ax += dot * ((bx ? dx : -dx) * wy * wz);
                ay += dot * ((by ? dy : -dy) * wx * wz);
                az += dot * ((bz ? dz : -dz) * wx * wy);
            }
            dLdIn[3 * i] = ax;
            dLdIn[3 * i + 1] = ay;
            dLdIn[3 * i + 2] = az;
        }
    }
}
