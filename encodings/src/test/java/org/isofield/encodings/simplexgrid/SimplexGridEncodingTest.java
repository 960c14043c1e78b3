package org.isofield.encodings.simplexgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.isofield.encodings.grid.StencilEncoding;
import org.junit.jupiter.api.Test;

class SimplexGridEncodingTest {
    private static final SimplexGridConfig SMALL = new SimplexGridConfig(5, 2, 12, 4, 1.6);

    @Test
    void skewFactorIsTheSimplexNoiseOne() {
        assertThat(new SimplexGridEncoding(SMALL, 2).skew()).isCloseTo((float) ((Math.sqrt(3) - 1) / 2), within(1e-7f));
        assertThat(new SimplexGridEncoding(SMALL, 3).skew()).isCloseTo(1f / 3, within(1e-7f));
    }

    @Test
    void weightsAreBarycentricAndVerticesFormASortedPath() {
        for (int dims = 1; dims <= 4; dims++) {
            SimplexStencil s = new SimplexStencil(dims, SMALL);
            SplittableRandom r = new SplittableRandom(dims);
            int[] row = new int[dims + 1];
            float[] w = new float[dims + 1];
            float[] dw = new float[(dims + 1) * dims];
            for (int trial = 0; trial < 500; trial++) {
                float[] x = new float[dims];
                for (int j = 0; j < dims; j++) {
                    x[j] = (float) r.nextDouble();
                }
                int level = r.nextInt(5);
                s.fill(level, x, 0, row, w, dw);
                double sum = 0;
                for (int k = 0; k <= dims; k++) {
                    assertThat(w[k]).isGreaterThanOrEqualTo(0f);
                    sum += w[k];
                    assertThat(row[k]).isBetween(0, s.rows(level) - 1);
                }
                assertThat(sum).isCloseTo(1, within(1e-6));
                // Weight derivatives sum to zero over the vertices (the weights always sum to 1).
                for (int j = 0; j < dims; j++) {
                    double ds = 0;
                    for (int k = 0; k <= dims; k++) {
                        ds += dw[k * dims + j];
                    }
                    assertThat(ds).isCloseTo(0, within(1e-3));
                }
            }
        }
    }

    @Test
    void affineFunctionOfTheLatticeIsReproducedExactly() {
        // With table values equal to an affine function of the skewed vertex, barycentric interpolation reproduces
        // that function of the skewed point: a check of vertices and weights together (dense coarse level).
        SimplexGridConfig c = new SimplexGridConfig(1, 1, 20, 8, 1.0);
        SimplexGridEncoding enc = new SimplexGridEncoding(c, 3);
        SimplexStencil s = (SimplexStencil) enc.stencil();
        assertThat(s.hashed(0)).isFalse();
        int res = s.rows(0); // rows = next_multiple(R^3, 8); recover R by search
        int r3 = 0;
        while ((long) (r3 + 1) * (r3 + 1) * (r3 + 1) <= res) {
            r3++;
        }
        float[] p = enc.params();
        int R = r3;
        for (int i = 0; i < R * R * R; i++) {
            int a = i % R;
            int b = (i / R) % R;
            int cc = i / (R * R);
            p[i] = 0.5f * a - 0.25f * b + 0.125f * cc;
        }
        SplittableRandom r = new SplittableRandom(5);
        float sc = s.scale(0);
        float skew = enc.skew();
        for (int trial = 0; trial < 200; trial++) {
            float[] x = {(float) r.nextDouble(), (float) r.nextDouble(), (float) r.nextDouble()};
            float[] y = new float[1];
            enc.encode(x, 1, y);
            double sum = sc * (x[0] + x[1] + x[2]);
            double[] u = new double[3];
            for (int j = 0; j < 3; j++) {
                u[j] = sc * x[j] + skew * sum + 0.5;
            }
            double expected = 0.5 * u[0] - 0.25 * u[1] + 0.125 * u[2];
            assertThat((double) y[0]).isCloseTo(expected, within(1e-4));
        }
    }

    @Test
    void inputGradientIsConstantInsideASimplex() {
        SimplexGridEncoding enc = new SimplexGridEncoding(new SimplexGridConfig(1, 2, 12, 4, 1.0), 3);
        enc.initialize(3);
        float[] x = {0.41f, 0.42f, 0.43f};
        float[] x2 = {0.4102f, 0.4201f, 0.4303f};
        float[] v = {1f, -2f};
        float[] g1 = new float[3];
        float[] g2 = new float[3];
        enc.inputGradient(x, 1, v, g1);
        enc.inputGradient(x2, 1, v, g2);
        assertThat(g2).containsExactly(g1);
    }

    @Test
    void usesDPlusOneLookupsPerLevel() {
        SimplexGridEncoding enc = new SimplexGridEncoding(SimplexGridConfig.DEFAULT, 3);
        assertThat(enc.stencil().vertices()).isEqualTo(4);
        assertThat(enc.outputDims()).isEqualTo(32);
    }

    @Test
    void unrolledKernelsEqualTheGenericOnesBitwise() {
        SimplexGridEncoding fast = new SimplexGridEncoding(new SimplexGridConfig(10, 2, 14, 8, 1.5), 3);
        StencilEncoding generic =
                new StencilEncoding(fast.stencil(), 2) { };
        fast.initialize(5);
        System.arraycopy(fast.params(), 0, generic.params(), 0, fast.paramCount());
        int n = 5000;
        SplittableRandom r = new SplittableRandom(6);
        float[] in = new float[3 * n];
        for (int i = 0; i < in.length; i++) {
            // Quantized coordinates make ties between fractional parts common, to exercise the tie rule.
            in[i] = i < 3000 ? (float) (r.nextInt(64) / 64.0) : (float) r.nextDouble();
        }
        float[] v = new float[n * fast.outputDims()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextDouble() - 0.5);
        }
        float[] a = new float[n * fast.outputDims()];
        float[] b = new float[n * fast.outputDims()];
        fast.encode(in, n, a);
        generic.encode(in, n, b);
        assertThat(a).isEqualTo(b);
        float[] ga = new float[fast.paramCount()];
        float[] gb = new float[fast.paramCount()];
        fast.backward(in, n, v, ga);
        generic.backward(in, n, v, gb);
        assertThat(ga).isEqualTo(gb);
    }
}
