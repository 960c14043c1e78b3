package org.isofield.fields.mlp;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MlpKernels} on the Vector API ({@code jdk.incubator.vector}), loaded only when that module is present (see
 * {@link MlpKernelSelector}). Same loop structure and summation order as {@link ScalarMlpKernels}, with fused
 * multiply-adds across lanes, so results agree with the scalar twin to float rounding. The loops keep masks and
 * branches out of the FMA loops and use only broadcast, load, fma and store, which HotSpot intrinsifies on JDK 17
 * (other operations box vectors and run far slower; see cpu-performance.md).
 */
final class VectorMlpKernels implements MlpKernels {
    static final VectorMlpKernels INSTANCE = new VectorMlpKernels();
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorMlpKernels() {
    }

    @Override
    public void matmul(float[] w, int wOff, int rows, int cols, float[] x, int xOff, float[] z, int zOff, int b,
            int m) {
        gemm(w, wOff, cols, 1, rows, cols, x, xOff, z, zOff, b, m);
    }

    @Override
    public void matmulTransposed(float[] w, int wOff, int rows, int cols, int outRows, float[] d, int dOff,
                                 float[] out, int outOff, int b, int m) {
        gemm(w, wOff, 1, cols, outRows, rows, d, dOff, out, outOff, b, m);
    }

    /** {@code Z[o][s] = sum_k W(o, k) X[k][s]} with {@code W(o, k) = w[wOff + o * so + k * sk]}. */
    private static void gemm(float[] w, int wOff, int so, int sk, int outRows, int kk, float[] x, int xOff,
                             float[] z, int zOff, int b, int m) {
        int mv4 = m - m % (4 * L);
        int mv = m - m % L;
        int o = 0;
        if (mv4 > 0) {
            for (; o + 3 < outRows; o += 4) {
                gemmTile4x4(w, wOff + o * so, so, sk, kk, x, xOff, z, zOff + o * b, b, mv4);
                for (int q = 0; q < 4; q++) {
                    tail(w, wOff + (o + q) * so, sk, kk, x, xOff, z, zOff + (o + q) * b, b, mv4, mv, m);
                }
            }
        }
        for (; o + 1 < outRows; o += 2) {
            int w0 = wOff + o * so;
            int w1 = w0 + so;
            int z0 = zOff + o * b;
            int z1 = z0 + b;
            int s = 0;
            for (; s < mv4; s += 4 * L) {
                FloatVector a0 = FloatVector.zero(S);
                FloatVector a1 = FloatVector.zero(S);
                FloatVector a2 = FloatVector.zero(S);
                FloatVector a3 = FloatVector.zero(S);
                FloatVector c0 = FloatVector.zero(S);
                FloatVector c1 = FloatVector.zero(S);
                FloatVector c2 = FloatVector.zero(S);
                FloatVector c3 = FloatVector.zero(S);
                for (int k = 0; k < kk; k++) {
                    FloatVector wa = FloatVector.broadcast(S, w[w0 + k * sk]);
                    FloatVector wc = FloatVector.broadcast(S, w[w1 + k * sk]);
                    int xr = xOff + k * b + s;
                    FloatVector x0 = FloatVector.fromArray(S, x, xr);
                    FloatVector x1 = FloatVector.fromArray(S, x, xr + L);
                    FloatVector x2 = FloatVector.fromArray(S, x, xr + 2 * L);
                    FloatVector x3 = FloatVector.fromArray(S, x, xr + 3 * L);
                    a0 = x0.fma(wa, a0);
                    a1 = x1.fma(wa, a1);
                    a2 = x2.fma(wa, a2);
                    a3 = x3.fma(wa, a3);
                    c0 = x0.fma(wc, c0);
                    c1 = x1.fma(wc, c1);
                    c2 = x2.fma(wc, c2);
                    c3 = x3.fma(wc, c3);
                }
                a0.intoArray(z, z0 + s);
                a1.intoArray(z, z0 + s + L);
                a2.intoArray(z, z0 + s + 2 * L);
                a3.intoArray(z, z0 + s + 3 * L);
                c0.intoArray(z, z1 + s);
                c1.intoArray(z, z1 + s + L);
                c2.intoArray(z, z1 + s + 2 * L);
                c3.intoArray(z, z1 + s + 3 * L);
            }
            tail(w, w0, sk, kk, x, xOff, z, z0, b, s, mv, m);
            tail(w, w1, sk, kk, x, xOff, z, z1, b, s, mv, m);
        }
        for (; o < outRows; o++) {
            tail(w, wOff + o * so, sk, kk, x, xOff, z, zOff + o * b, b, 0, mv, m);
        }
    }

    /**
     * Four output rows times four vectors of samples in sixteen accumulators (of the 32 vector registers of
     * AVX-512; AVX2's 16 spill a few), for samples {@code [0, mv4)}: per {@code k}, four loads of X and four
     * broadcasts of W feed sixteen FMAs, against eight FMAs for six loads in the two-row tile.
     */
    private static void gemmTile4x4(float[] w, int w0, int so, int sk, int kk, float[] x, int xOff, float[] z,
                                    int z0, int b, int mv4) {
        int w1 = w0 + so;
        int w2 = w1 + so;
        int w3 = w2 + so;
        for (int s = 0; s < mv4; s += 4 * L) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = FloatVector.zero(S);
            FloatVector a2 = FloatVector.zero(S);
            FloatVector a3 = FloatVector.zero(S);
            FloatVector b0 = FloatVector.zero(S);
            FloatVector b1 = FloatVector.zero(S);
            FloatVector b2 = FloatVector.zero(S);
            FloatVector b3 = FloatVector.zero(S);
            FloatVector c0 = FloatVector.zero(S);
            FloatVector c1 = FloatVector.zero(S);
            FloatVector c2 = FloatVector.zero(S);
            FloatVector c3 = FloatVector.zero(S);
            FloatVector e0 = FloatVector.zero(S);
            FloatVector e1 = FloatVector.zero(S);
            FloatVector e2 = FloatVector.zero(S);
            FloatVector e3 = FloatVector.zero(S);
            for (int k = 0; k < kk; k++) {
                int xr = xOff + k * b + s;
                FloatVector x0 = FloatVector.fromArray(S, x, xr);
                FloatVector x1 = FloatVector.fromArray(S, x, xr + L);
                FloatVector x2 = FloatVector.fromArray(S, x, xr + 2 * L);
                FloatVector x3 = FloatVector.fromArray(S, x, xr + 3 * L);
                int wk = k * sk;
                FloatVector wa = FloatVector.broadcast(S, w[w0 + wk]);
                a0 = x0.fma(wa, a0);
                a1 = x1.fma(wa, a1);
                a2 = x2.fma(wa, a2);
                a3 = x3.fma(wa, a3);
                FloatVector wb = FloatVector.broadcast(S, w[w1 + wk]);
                b0 = x0.fma(wb, b0);
                b1 = x1.fma(wb, b1);
                b2 = x2.fma(wb, b2);
                b3 = x3.fma(wb, b3);
                FloatVector wc = FloatVector.broadcast(S, w[w2 + wk]);
                c0 = x0.fma(wc, c0);
                c1 = x1.fma(wc, c1);
                c2 = x2.fma(wc, c2);
                c3 = x3.fma(wc, c3);
                FloatVector we = FloatVector.broadcast(S, w[w3 + wk]);
                e0 = x0.fma(we, e0);
                e1 = x1.fma(we, e1);
                e2 = x2.fma(we, e2);
                e3 = x3.fma(we, e3);
            }
            int zs = z0 + s;
            a0.intoArray(z, zs);
            a1.intoArray(z, zs + L);
            a2.intoArray(z, zs + 2 * L);
            a3.intoArray(z, zs + 3 * L);
            zs += b;
            b0.intoArray(z, zs);
            b1.intoArray(z, zs + L);
            b2.intoArray(z, zs + 2 * L);
            b3.intoArray(z, zs + 3 * L);
            zs += b;
            c0.intoArray(z, zs);
            c1.intoArray(z, zs + L);
            c2.intoArray(z, zs + 2 * L);
            c3.intoArray(z, zs + 3 * L);
            zs += b;
            e0.intoArray(z, zs);
            e1.intoArray(z, zs + L);
            e2.intoArray(z, zs + 2 * L);
            e3.intoArray(z, zs + 3 * L);
        }
    }

    /** One output row from sample {@code s}: whole vectors up to {@code mv}, then scalars up to {@code m}. */
    private static void tail(float[] w, int w0, int sk, int kk, float[] x, int xOff, float[] z, int z0, int b, int s,
                             int mv, int m) {
        // Four independent accumulators: one chain of dependent FMAs would wait on the FMA latency at every k.
        for (; s + 4 * L <= mv; s += 4 * L) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = FloatVector.zero(S);
            FloatVector a2 = FloatVector.zero(S);
            FloatVector a3 = FloatVector.zero(S);
            for (int k = 0; k < kk; k++) {
                FloatVector wk = FloatVector.broadcast(S, w[w0 + k * sk]);
                int xr = xOff + k * b + s;
                a0 = FloatVector.fromArray(S, x, xr).fma(wk, a0);
                a1 = FloatVector.fromArray(S, x, xr + L).fma(wk, a1);
                a2 = FloatVector.fromArray(S, x, xr + 2 * L).fma(wk, a2);
                a3 = FloatVector.fromArray(S, x, xr + 3 * L).fma(wk, a3);
            }
            a0.intoArray(z, z0 + s);
            a1.intoArray(z, z0 + s + L);
            a2.intoArray(z, z0 + s + 2 * L);
            a3.intoArray(z, z0 + s + 3 * L);
        }
        for (; s < mv; s += L) {
            FloatVector a = FloatVector.zero(S);
            for (int k = 0; k < kk; k++) {
                a = FloatVector.fromArray(S, x, xOff + k * b + s).fma(FloatVector.broadcast(S, w[w0 + k * sk]), a);
            }
            a.intoArray(z, z0 + s);
        }
        for (; s < m; s++) {
            float acc = 0f;
            for (int k = 0; k < kk; k++) {
                acc = Math.fma(w[w0 + k * sk], x[xOff + k * b + s], acc);
            }
            z[z0 + s] = acc;
        }
    }

    @Override
    public void accumulateOuter(float[] g, int gOff, int rows, int cols, float[] d, int dOff, float[] x, int xOff,
                                float[] scratch, int b, int m) {
        for (int c = 0; c < cols; c++) {
            int xr = xOff + c * b;
            for (int s = 0; s < m; s++) {
                scratch[s * cols + c] = x[xr + s];
            }
        }
        int cv = cols - cols % L;
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            int c = 0;
            for (; c + 2 * L <= cv; c += 2 * L) {
                outerTile4x2(g, gOff + r * cols + c, cols, d, dOff + r * b, b, scratch, c, m);
            }
            for (int q = 0; q < 4; q++) {
                outerRow(g, gOff + (r + q) * cols, cols, d, dOff + (r + q) * b, scratch, m, c, cv);
            }
        }
        for (; r < rows; r++) {
            outerRow(g, gOff + r * cols, cols, d, dOff + r * b, scratch, m, 0, cv);
        }
    }

    /**
     * Four gradient rows times two vectors of columns in eight accumulators, summed over the block's samples: per
     * sample, two loads of the transposed X and four broadcasts of D feed eight independent FMA chains (one chain
     * per accumulator would wait on the FMA latency; eight cover it at one or two FMAs a cycle).
     */
    private static void outerTile4x2(float[] g, int g0, int cols, float[] d, int d0, int b, float[] scratch, int c,
                                     int m) {
        int g1 = g0 + cols;
        int g2 = g1 + cols;
        int g3 = g2 + cols;
        int d1 = d0 + b;
        int d2 = d1 + b;
        int d3 = d2 + b;
        FloatVector a0 = FloatVector.fromArray(S, g, g0);
        FloatVector a1 = FloatVector.fromArray(S, g, g0 + L);
        FloatVector b0 = FloatVector.fromArray(S, g, g1);
        FloatVector b1 = FloatVector.fromArray(S, g, g1 + L);
        FloatVector c0 = FloatVector.fromArray(S, g, g2);
        FloatVector c1 = FloatVector.fromArray(S, g, g2 + L);
        FloatVector e0 = FloatVector.fromArray(S, g, g3);
        FloatVector e1 = FloatVector.fromArray(S, g, g3 + L);
        for (int s = 0; s < m; s++) {
            int xs = s * cols + c;
            FloatVector x0 = FloatVector.fromArray(S, scratch, xs);
            FloatVector x1 = FloatVector.fromArray(S, scratch, xs + L);
            FloatVector da = FloatVector.broadcast(S, d[d0 + s]);
            a0 = x0.fma(da, a0);
            a1 = x1.fma(da, a1);
            FloatVector db = FloatVector.broadcast(S, d[d1 + s]);
            b0 = x0.fma(db, b0);
            b1 = x1.fma(db, b1);
            FloatVector dc = FloatVector.broadcast(S, d[d2 + s]);
            c0 = x0.fma(dc, c0);
            c1 = x1.fma(dc, c1);
            FloatVector de = FloatVector.broadcast(S, d[d3 + s]);
            e0 = x0.fma(de, e0);
            e1 = x1.fma(de, e1);
        }
        a0.intoArray(g, g0);
        a1.intoArray(g, g0 + L);
        b0.intoArray(g, g1);
        b1.intoArray(g, g1 + L);
        c0.intoArray(g, g2);
        c1.intoArray(g, g2 + L);
        e0.intoArray(g, g3);
        e1.intoArray(g, g3 + L);
    }

    /**
     * One gradient row from column {@code c}: four vectors at a time (four independent chains over the samples), then
     * single vectors up to {@code cv}, then scalars.
     */
    private static void outerRow(float[] g, int gr, int cols, float[] d, int dr, float[] scratch, int m, int c,
                                 int cv) {
        for (; c + 4 * L <= cv; c += 4 * L) {
            FloatVector a0 = FloatVector.fromArray(S, g, gr + c);
            FloatVector a1 = FloatVector.fromArray(S, g, gr + c + L);
            FloatVector a2 = FloatVector.fromArray(S, g, gr + c + 2 * L);
            FloatVector a3 = FloatVector.fromArray(S, g, gr + c + 3 * L);
            for (int s = 0; s < m; s++) {
                FloatVector ds = FloatVector.broadcast(S, d[dr + s]);
                int xs = s * cols + c;
                a0 = FloatVector.fromArray(S, scratch, xs).fma(ds, a0);
                a1 = FloatVector.fromArray(S, scratch, xs + L).fma(ds, a1);
                a2 = FloatVector.fromArray(S, scratch, xs + 2 * L).fma(ds, a2);
                a3 = FloatVector.fromArray(S, scratch, xs + 3 * L).fma(ds, a3);
            }
            a0.intoArray(g, gr + c);
            a1.intoArray(g, gr + c + L);
            a2.intoArray(g, gr + c + 2 * L);
            a3.intoArray(g, gr + c + 3 * L);
        }
        for (; c < cv; c += L) {
            FloatVector a = FloatVector.fromArray(S, g, gr + c);
            for (int s = 0; s < m; s++) {
                a = FloatVector.fromArray(S, scratch, s * cols + c).fma(FloatVector.broadcast(S, d[dr + s]), a);
            }
            a.intoArray(g, gr + c);
        }
        for (; c < cols; c++) {
            float acc = g[gr + c];
            for (int s = 0; s < m; s++) {
                acc = Math.fma(d[dr + s], scratch[s * cols + c], acc);
            }
            g[gr + c] = acc;
        }
    }

    /** Vector compare and blend (intrinsified on JDK 17); the scalar branch mispredicts on half the samples. */
    @Override
    public void reluGate(float[] z, int zOff, float[] d, int dOff, int m) {
        FloatVector zero = FloatVector.zero(S);
        int mv = m - m % L;
        int i = 0;
        for (; i < mv; i += L) {
            FloatVector zv = FloatVector.fromArray(S, z, zOff + i);
            FloatVector dv = FloatVector.fromArray(S, d, dOff + i);
            zero.blend(dv, zv.compare(VectorOperators.GT, zero)).intoArray(d, dOff + i);
        }
        for (; i < m; i++) {
            d[dOff + i] = z[zOff + i] > 0f ? d[dOff + i] : 0f;
        }
    }

    /**
     * Lane-wise {@code MAX} (Math.max's semantics, intrinsified on JDK 17). The scalar {@code Math.max} loop was not
     * vectorised by HotSpot 17 and took about as long as the matrix products it follows (JFR, 2026-12-08).
     */
    @Override
    public void relu(float[] z, int zOff, float[] h, int hOff, int m) {
        FloatVector zero = FloatVector.zero(S);
        int mv = m - m % L;
        int i = 0;
        for (; i < mv; i += L) {
            FloatVector.fromArray(S, z, zOff + i).lanewise(VectorOperators.MAX, zero).intoArray(h, hOff + i);
        }
        for (; i < m; i++) {
            h[hOff + i] = Math.max(z[zOff + i], 0f);
        }
    }
}
