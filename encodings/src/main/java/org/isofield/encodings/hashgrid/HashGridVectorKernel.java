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
 * intrinsified on JDK 17 and boxes every vector. Table reads are plain loads: hardware gathers were slower than
 * scalar loads on this machine.
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

    /** Each worker thread's lane buffers (no allocation per level call: issue 16 asks for none in the steady state). */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private HashGridVectorKernel() {
    }

    /**
     * A group's positions by axis, its cells by axis, its fractions (1 - t and t per axis), its corner weights and
     * its corner table offsets, corner-major.
     */
    private static final class Scratch {
        final float[] b = new float[3 * LANES];
        final int[] cells = new int[3 * LANES];
        final float[] fracs = new float[6 * LANES];
        final float[] w = new float[8 * LANES];
        final int[] q = new int[8 * LANES];
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
        Scratch scratch = SCRATCH.get();
        float[] b = scratch.b;
        float[] w = scratch.w;
        int[] q = scratch.q;
        int i = start;
        for (; i + LANES <= end; i += LANES) {
            for (int k = 0; k < LANES; k++) {
                b[k] = in[3 * (i + k)];
                b[LANES + k] = in[3 * (i + k) + 1];
                b[2 * LANES + k] = in[3 * (i + k) + 2];
            }
            if (!corners(b, sc, smooth, mask, scratch.cells, scratch.fracs, q, w)) {
                // A point outside [0, 1] (or NaN) in this group: the scalar twin encodes the whole group.
                HashGrid3dKernel.encodeLevel(g, level, params, base, in, out, off, stride, i, i + LANES);
                continue;
            }
            readTable(params, base, q, w, out, off, stride, i);
        }
        HashGrid3dKernel.encodeLevel(g, level, params, base, in, out, off, stride, i, end);
    }

    /**
     * One group's corner table offsets into {@code q} and corner weights into {@code w} (corner-major), from its
     * positions {@code b} (axis-major); false when a position is outside the magic-constant range. The work is two
     * short loops, over the axes (cell and fractions, staged in {@code cells} and {@code fracs}) and over the corners
     * (hash and weight), so each vector operation appears once in the bytecode: written out for every axis and
     * corner, the method passed C2's inlining node budget ({@code NodeCountInliningCutoff} in
     * {@code -XX:+PrintInlining}), some vector operations stayed calls and their results were boxed, 34 MB allocated
     * per batch of 2^18 points (JMH {@code -prof gc}, issue 16). The operations and their order are unchanged.
     */
    private static boolean corners(float[] b, float sc, boolean smooth, int mask, int[] cells, float[] fracs,
                                   int[] q, float[] w) {
        for (int axis = 0; axis < 3; axis++) {
            FloatVector p = FloatVector.fromArray(FS, b, axis * LANES).fma(sc, 0.5f);
            if (!inRange(p).allTrue()) {
                return false;
            }
            FloatVector f = floor(p);
            toInt(f).intoArray(cells, axis * LANES);
            FloatVector t = p.sub(f);
            if (smooth) {
                t = smooth(t);
            }
            FloatVector.broadcast(FS, 1f).sub(t).intoArray(fracs, 2 * axis * LANES);
            t.intoArray(fracs, (2 * axis + 1) * LANES);
        }
        for (int c = 0; c < 8; c++) {
            int dx = c & 1;
            int dy = (c >> 1) & 1;
            int dz = c >> 2;
            IntVector hx = IntVector.fromArray(IS, cells, 0).add(dx);
            IntVector hy = IntVector.fromArray(IS, cells, LANES).add(dy).mul(P1);
            IntVector hz = IntVector.fromArray(IS, cells, 2 * LANES).add(dz).mul(P2);
            hx.lanewise(VectorOperators.XOR, hy.lanewise(VectorOperators.XOR, hz)).and(mask).mul(2)
                    .intoArray(q, c * LANES);
            FloatVector wx = FloatVector.fromArray(FS, fracs, dx * LANES);
            FloatVector wy = FloatVector.fromArray(FS, fracs, (2 + dy) * LANES);
            FloatVector wz = FloatVector.fromArray(FS, fracs, (4 + dz) * LANES);
            wx.mul(wy).mul(wz).intoArray(w, c * LANES);
        }
        return true;
    }

    /** The group's two features: each lane's 8 corner rows read and weighted (plain loads; see the class comment). */
    private static void readTable(float[] params, int base, int[] q, float[] w, float[] out, int off, int stride,
                                  int i) {
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
}
