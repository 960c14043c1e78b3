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
        for (; r + 1 < rows; r += 2) {
            int g0 = gOff + r * cols;
            int g1 = g0 + cols;
            int d0 = dOff + r * b;
            int d1 = d0 + b;
            int c = 0;
            for (; c + 4 * L <= cv; c += 4 * L) {
                FloatVector a0 = FloatVector.fromArray(S, g, g0 + c);
                FloatVector a1 = FloatVector.fromArray(S, g, g0 + c + L);
                FloatVector a2 = FloatVector.fromArray(S, g, g0 + c + 2 * L);
                FloatVector a3 = FloatVector.fromArray(S, g, g0 + c + 3 * L);
                FloatVector e0 = FloatVector.fromArray(S, g, g1 + c);
                FloatVector e1 = FloatVector.fromArray(S, g, g1 + c + L);
                FloatVector e2 = FloatVector.fromArray(S, g, g1 + c + 2 * L);
                FloatVector e3 = FloatVector.fromArray(S, g, g1 + c + 3 * L);
                for (int s = 0; s < m; s++) {
                    FloatVector da = FloatVector.broadcast(S, d[d0 + s]);
                    FloatVector de = FloatVector.broadcast(S, d[d1 + s]);
                    int xs = s * cols + c;
                    FloatVector x0 = FloatVector.fromArray(S, scratch, xs);
                    FloatVector x1 = FloatVector.fromArray(S, scratch, xs + L);
                    FloatVector x2 = FloatVector.fromArray(S, scratch, xs + 2 * L);
                    FloatVector x3 = FloatVector.fromArray(S, scratch, xs + 3 * L);
                    a0 = x0.fma(da, a0);
                    a1 = x1.fma(da, a1);
                    a2 = x2.fma(da, a2);
                    a3 = x3.fma(da, a3);
                    e0 = x0.fma(de, e0);
                    e1 = x1.fma(de, e1);
                    e2 = x2.fma(de, e2);
                    e3 = x3.fma(de, e3);
                }
                a0.intoArray(g, g0 + c);
                a1.intoArray(g, g0 + c + L);
                a2.intoArray(g, g0 + c + 2 * L);
                a3.intoArray(g, g0 + c + 3 * L);
                e0.intoArray(g, g1 + c);
                e1.intoArray(g, g1 + c + L);
                e2.intoArray(g, g1 + c + 2 * L);
                e3.intoArray(g, g1 + c + 3 * L);
            }
            outerRow(g, g0, cols, d, d0, scratch, m, c, cv);
            outerRow(g, g1, cols, d, d1, scratch, m, c, cv);
        }
        for (; r < rows; r++) {
            outerRow(g, gOff + r * cols, cols, d, dOff + r * b, scratch, m, 0, cv);
        }
    }

    /** One gradient row from column {@code c}: whole vectors up to {@code cv}, then scalars. */
    private static void outerRow(float[] g, int gr, int cols, float[] d, int dr, float[] scratch, int m, int c,
                                 int cv) {
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
}
