package org.isofield.encodings.hashgrid;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.isofield.core.compute.VectorApi;
import org.isofield.encodings.grid.CubicStencil;
import org.isofield.encodings.grid.Interpolation;

/**
 * Vector API ({@code jdk.incubator.vector}) encode kernel of the hashed levels of the 3D, two-feature hash grid: one
 * point per lane, positions, weights and hashes in vectors, table reads as gathers. Loaded only when
 * {@link VectorApi#present()}; for inputs in the unit cube it performs the scalar twin's float operations in
 * the same order, so the results are bitwise equal (the parity test checks this); a group of lanes with a position
 * outside that range (or NaN) is handed to the scalar twin whole. Floor and float-to-int use the
 * {@code 2^23} magic constant (valid for positions in {@code [0, 2^22)}) because {@code convert(F2I)} is not
 * intrinsified on JDK 17 and boxes every vector.
 */
final class HashGridVectorKernel {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> IS = VectorSpecies.of(int.class, FS.vectorShape());
    private static final int LANES = FS.length();
    private static final float MAGIC = 8388608f;
    private static final int MAGIC_BITS = 0x4B000000;
    /** Positions at or above this (or below 0, or NaN) leave the magic-constant floor's range: scalar path. */
    private static final float LIMIT = 4194304f;
    private static final int P1 = (int) 2654435761L;
    private static final int P2 = 805459861;

    private HashGridVectorKernel() {
    }

    private static FloatVector floor(FloatVector p) {
        FloatVector r = p.add(MAGIC).sub(MAGIC);
        VectorMask<Float> above = r.compare(VectorOperators.GT, p);
        return r.blend(r.sub(1f), above);
    }

    /** Lanes where the magic-constant floor and conversion are exact: {@code 0 <= p < 2^22} (false for NaN). */
    private static VectorMask<Float> inRange(FloatVector p) {
        return p.compare(VectorOperators.GE, 0f).and(p.compare(VectorOperators.LT, LIMIT));
    }

    private static IntVector toInt(FloatVector integral) {
        return ((IntVector) integral.add(MAGIC).reinterpretShape(IS, 0)).sub(MAGIC_BITS);
    }

    private static FloatVector smooth(FloatVector t) {
        return t.mul(t).mul(FloatVector.broadcast(FS, 3f).sub(t.mul(2f)));
    }

    /** As {@link HashGrid3dKernel#encodeLevel}, for a hashed level. */
    static void encodeLevel(CubicStencil g, int level, float[] params, int base, float[] in, float[] out, int off,
                            int stride, int start, int end) {
        float sc = g.scale(level);
        boolean smooth = g.interpolation() == Interpolation.SMOOTHSTEP;
        int mask = g.rows(level) - 1;
        float[] bx = new float[LANES];
        float[] by = new float[LANES];
        float[] bz = new float[LANES];
        float[] w = new float[8 * LANES];
        int[] q = new int[8 * LANES];
        FloatVector one = FloatVector.broadcast(FS, 1f);
        int i = start;
        for (; i + LANES <= end; i += LANES) {
            for (int k = 0; k < LANES; k++) {
                bx[k] = in[3 * (i + k)];
                by[k] = in[3 * (i + k) + 1];
                bz[k] = in[3 * (i + k) + 2];
            }
            FloatVector px = FloatVector.fromArray(FS, bx, 0).fma(sc, 0.5f);
            FloatVector py = FloatVector.fromArray(FS, by, 0).fma(sc, 0.5f);
            FloatVector pz = FloatVector.fromArray(FS, bz, 0).fma(sc, 0.5f);
            if (!inRange(px).and(inRange(py)).and(inRange(pz)).allTrue()) {
                // A point outside [0, 1] (or NaN) in this group: the scalar twin encodes the whole group.
                HashGrid3dKernel.encodeLevel(g, level, params, base, in, out, off, stride, i, i + LANES);
                continue;
            }
            FloatVector fx = floor(px);
            FloatVector fy = floor(py);
            FloatVector fz = floor(pz);
            IntVector cx = toInt(fx);
            IntVector cy = toInt(fy);
            IntVector cz = toInt(fz);
            FloatVector sx = px.sub(fx);
            FloatVector sy = py.sub(fy);
            FloatVector sz = pz.sub(fz);
            if (smooth) {
                sx = smooth(sx);
                sy = smooth(sy);
                sz = smooth(sz);
            }
            FloatVector rx = one.sub(sx);
            FloatVector ry = one.sub(sy);
            FloatVector rz = one.sub(sz);
            IntVector cx1 = cx.add(1);
            IntVector hy0 = cy.mul(P1);
            IntVector hy1 = cy.add(1).mul(P1);
            IntVector hz0 = cz.mul(P2);
            IntVector hz1 = cz.add(1).mul(P2);
            IntVector y0z0 = hy0.lanewise(VectorOperators.XOR, hz0);
            IntVector y1z0 = hy1.lanewise(VectorOperators.XOR, hz0);
            IntVector y0z1 = hy0.lanewise(VectorOperators.XOR, hz1);
            IntVector y1z1 = hy1.lanewise(VectorOperators.XOR, hz1);
            cx.lanewise(VectorOperators.XOR, y0z0).and(mask).mul(2).intoArray(q, 0);
            cx1.lanewise(VectorOperators.XOR, y0z0).and(mask).mul(2).intoArray(q, LANES);
            cx.lanewise(VectorOperators.XOR, y1z0).and(mask).mul(2).intoArray(q, 2 * LANES);
            cx1.lanewise(VectorOperators.XOR, y1z0).and(mask).mul(2).intoArray(q, 3 * LANES);
            cx.lanewise(VectorOperators.XOR, y0z1).and(mask).mul(2).intoArray(q, 4 * LANES);
            cx1.lanewise(VectorOperators.XOR, y0z1).and(mask).mul(2).intoArray(q, 5 * LANES);
            cx.lanewise(VectorOperators.XOR, y1z1).and(mask).mul(2).intoArray(q, 6 * LANES);
            cx1.lanewise(VectorOperators.XOR, y1z1).and(mask).mul(2).intoArray(q, 7 * LANES);
            FloatVector rxy = rx.mul(ry);
            FloatVector sxy = sx.mul(ry);
            FloatVector rsy = rx.mul(sy);
            FloatVector ssy = sx.mul(sy);
            for (int k = 0; k < 8; k++) {
                FloatVector xy = (k & 3) == 0 ? rxy : (k & 3) == 1 ? sxy : (k & 3) == 2 ? rsy : ssy;
                xy.mul(k < 4 ? rz : sz).intoArray(w, k * LANES);
            }
            // Table reads as plain loads: hardware gathers were slower than scalar loads on this machine.
            for (int k = 0; k < LANES; k++) {
                float a = 0;
                float c = 0;
                for (int corner = 0; corner < 8; corner++) {
                    float wk = w[corner * LANES + k];
                    int p = base + q[corner * LANES + k];
                    a += wk * params[p];
                    c += wk * params[p + 1];
                }
                out[off + (i + k) * stride] = a;
                out[off + (i + k) * stride + 1] = c;
            }
        }
        HashGrid3dKernel.encodeLevel(g, level, params, base, in, out, off, stride, i, end);
    }
}
