package org.isofield.encodings.simplexgrid;

/**
 * Scalar kernels of the 3D, two-feature simplex grid: the simplex found from branch-free ranks of the fractions and the
 * four vertices unrolled. Same float operations in the same order as {@link SimplexStencil#fill} with the generic
 * kernel, so
 * the results are bitwise equal to it.
 */
final class Simplex3dKernel {
    private static final int P1 = (int) 2654435761L;
    private static final int P2 = 805459861;

    private final int level;
    private final float sc;
    private final float skew;
    private final boolean hashed;
    private final int res;
    private final int rows;
    /** Rows and weights of the last {@link #prepare}d point. */
    int r0;
    int r1;
    int r2;
    int r3;
    float w0;
    float w1;
    float w2;
    float w3;

    Simplex3dKernel(SimplexStencil g, int level) {
        this.level = level;
        this.sc = g.scale(level);
        this.skew = g.skew();
        this.hashed = g.hashed(level);
        this.res = g.resolution(level);
        this.rows = g.rows(level);
    }

    /** Row of vertex {@code (x, y, z)}, given {@code hy = y * P1} and {@code hz = z * P2} for the hash. */
    private int row(int x, int y, int z, int hy, int hz) {
        if (hashed) {
            return (x ^ hy ^ hz) & (rows - 1);
        }
        int index = x + y * res + z * res * res;
        return Integer.compareUnsigned(index, rows) < 0 ? index : Integer.remainderUnsigned(index, rows);
    }

    /** Finds the simplex, rows and weights of the point at {@code in[off..off+3)}. */
    void prepare(float[] in, int off) {
        float px = sc * in[off];
        float py = sc * in[off + 1];
        float pz = sc * in[off + 2];
        float shift = skew * (px + py + pz) + 0.5f;
        float ux = px + shift;
        float uy = py + shift;
        float uz = pz + shift;
        float flx = (float) Math.floor(ux);
        float fly = (float) Math.floor(uy);
        float flz = (float) Math.floor(uz);
        int cx = (int) flx;
        int cy = (int) fly;
        int cz = (int) flz;
        float fx = ux - flx;
        float fy = uy - fly;
        float fz = uz - flz;
        // Rank of each axis in the stable descending order of the fractions (ties: lower axis first), branch-free:
        // random fractions make the compare-and-swap branches of a sort mispredict about half the time.
        int rx = (fy > fx ? 1 : 0) + (fz > fx ? 1 : 0);
        int ry = (fx >= fy ? 1 : 0) + (fz > fy ? 1 : 0);
        int rz = (fx >= fz ? 1 : 0) + (fy >= fz ? 1 : 0);
        float fa = Math.max(Math.max(fx, fy), fz);
        float fc = Math.min(Math.min(fx, fy), fz);
        float fb = Math.max(Math.min(fx, fy), Math.min(Math.max(fx, fy), fz));
        int hy0 = cy * P1;
        int hy1 = (cy + 1) * P1;
        int hz0 = cz * P2;
        int hz1 = (cz + 1) * P2;
        r0 = row(cx, cy, cz, hy0, hz0);
        int x1 = cx + (rx == 0 ? 1 : 0);
        int y1 = cy + (ry == 0 ? 1 : 0);
        int z1 = cz + (rz == 0 ? 1 : 0);
        r1 = row(x1, y1, z1, y1 == cy ? hy0 : hy1, z1 == cz ? hz0 : hz1);
        int x2 = cx + (rx <= 1 ? 1 : 0);
        int y2 = cy + (ry <= 1 ? 1 : 0);
        int z2 = cz + (rz <= 1 ? 1 : 0);
        r2 = row(x2, y2, z2, y2 == cy ? hy0 : hy1, z2 == cz ? hz0 : hz1);
        r3 = row(cx + 1, cy + 1, cz + 1, hy1, hz1);
        w0 = 1f - fa;
        w1 = fa - fb;
        w2 = fb - fc;
        w3 = fc;
    }

    /** Encodes points {@code [start, end)} on this level. */
    void encode(float[] params, int base, float[] in, float[] out, int off, int stride, int start, int end) {
        for (int i = start; i < end; i++) {
            prepare(in, 3 * i);
            int q0 = base + 2 * r0;
            int q1 = base + 2 * r1;
            int q2 = base + 2 * r2;
            int q3 = base + 2 * r3;
            float s = 0;
            s += w0 * params[q0];
            s += w1 * params[q1];
            s += w2 * params[q2];
            s += w3 * params[q3];
            float t = 0;
            t += w0 * params[q0 + 1];
            t += w1 * params[q1 + 1];
            t += w2 * params[q2 + 1];
            t += w3 * params[q3 + 1];
            out[off + i * stride] = s;
            out[off + i * stride + 1] = t;
        }
    }

    /** Adds the parameter gradient of points {@code [start, end)} on this level. */
    void backward(float[] grad, int base, float[] in, float[] dLdOut, int off, int stride, int start, int end) {
        for (int i = start; i < end; i++) {
            prepare(in, 3 * i);
            float ga = dLdOut[off + i * stride];
            float gb = dLdOut[off + i * stride + 1];
            int q = base + 2 * r0;
            grad[q] += w0 * ga;
            grad[q + 1] += w0 * gb;
            q = base + 2 * r1;
            grad[q] += w1 * ga;
            grad[q + 1] += w1 * gb;
            q = base + 2 * r2;
            grad[q] += w2 * ga;
            grad[q + 1] += w2 * gb;
            q = base + 2 * r3;
            grad[q] += w3 * ga;
            grad[q + 1] += w3 * gb;
        }
    }
}
