package org.isofield.encodings.hashgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.isofield.encodings.grid.CubicStencil;
import org.isofield.encodings.grid.Interpolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HashGridEncodingTest {
    private static final HashGridConfig SMALL = new HashGridConfig(6, 2, 12, 4, 1.7, Interpolation.LINEAR);

    @Test
    void defaultSdfConfigHasTinyCudaNnLevelSizes() {
        HashGridEncoding enc = new HashGridEncoding(HashGridConfig.DEFAULT, 3);
        HashGridReference ref = new HashGridReference(HashGridConfig.DEFAULT, 3, null);
        long total = 0;
        for (int l = 0; l < 16; l++) {
            long count = enc.levelOffset(l + 1) - enc.levelOffset(l);
            assertThat(count).as("level %d", l).isEqualTo(ref.rows[l] * 2);
            assertThat(enc.grid().resolution(l)).as("level %d", l).isEqualTo(ref.resolution[l]);
            assertThat(enc.grid().hashed(l)).as("level %d", l).isEqualTo(l >= 5);
            total += count;
        }
        assertThat(total).isEqualTo(12_196_240L);
        assertThat(enc.paramCount()).isEqualTo(12_196_240);
        assertThat(enc.outputDims()).isEqualTo(32);
        int[] expected = {16, 23, 31, 43, 59, 81};
        for (int l = 0; l < expected.length; l++) {
            assertThat(enc.grid().resolution(l)).isEqualTo(expected[l]);
        }
        // 16 b^15 - 1 = 2047.01, so the finest level has 2049 vertices per axis (hashed either way).
        assertThat(enc.grid().resolution(15)).isEqualTo(2049);
    }

    @Test
    void hashOfCornersMatchesUint32Arithmetic() {
        assertThat(Integer.toUnsignedLong(CubicStencil.hash(new int[] {1, 2, 3}, 3))).isEqualTo(2892625372L);
        assertThat(CubicStencil.hash(new int[] {1, 2, 3}, 3) & ((1 << 19) - 1)).isEqualTo(128476);
        assertThat(CubicStencil.hash(new int[] {2047, 2048, 1000}, 3) & ((1 << 19) - 1)).isEqualTo(233975);
        assertThat(CubicStencil.hash(new int[] {123456, 7, 99}, 3) & ((1 << 19) - 1)).isEqualTo(159496);
        SplittableRandom r = new SplittableRandom(3);
        HashGridEncoding enc = new HashGridEncoding(HashGridConfig.DEFAULT, 3);
        HashGridReference ref = new HashGridReference(HashGridConfig.DEFAULT, 3, null);
        for (int i = 0; i < 1000; i++) {
            int l = r.nextInt(16);
            int[] v = {r.nextInt(2049), r.nextInt(2049), r.nextInt(2049)};
            long[] lv = {v[0], v[1], v[2]};
            assertThat((long) enc.grid().row(l, v)).isEqualTo(ref.row(l, lv));
        }
    }

    @ParameterizedTest
    @EnumSource(Interpolation.class)
    void fixedParameterOutputsMatchFloat64Reference(Interpolation interpolation) {
        for (int dims = 1; dims <= 4; dims++) {
            HashGridConfig c = new HashGridConfig(8, 2, 14, 6, 1.6, interpolation);
            HashGridEncoding enc = new HashGridEncoding(c, dims);
            float[] scales = new float[8];
            for (int l = 0; l < 8; l++) {
                scales[l] = enc.grid().scale(l);
            }
            HashGridReference ref = new HashGridReference(c, dims, scales);
            float[] p = enc.params();
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) Math.sin(0.37 * i);
            }
            SplittableRandom r = new SplittableRandom(dims);
            int n = 300;
            float[] in = new float[n * dims];
            for (int i = 0; i < in.length; i++) {
                in[i] = (float) r.nextDouble();
            }
            in[0] = 0f;
            in[dims] = 1f;
            float[] out = new float[n * enc.outputDims()];
            enc.encode(in, n, out);
            for (int i = 0; i < n; i++) {
                double[] x = new double[dims];
                for (int j = 0; j < dims; j++) {
                    x[j] = in[i * dims + j];
                }
                double[] y = ref.encode(x, p);
                for (int k = 0; k < y.length; k++) {
                    assertThat(out[i * y.length + k]).as("dims %d point %d output %d", dims, i, k)
                            .isCloseTo((float) y[k], within(2e-5f));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Interpolation.class)
    void gradientsMatchFiniteDifferencesOfFloat64Reference(Interpolation interpolation) {
        for (int dims = 1; dims <= 4; dims++) {
            HashGridConfig c = new HashGridConfig(6, 2, 12, 4, 1.7, interpolation);
            HashGridEncoding enc = new HashGridEncoding(c, dims);
            float[] scales = new float[6];
            for (int l = 0; l < 6; l++) {
                scales[l] = enc.grid().scale(l);
            }
            HashGridReference ref = new HashGridReference(c, dims, scales);
            float[] p = enc.params();
            SplittableRandom r = new SplittableRandom(10 + dims);
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) (r.nextDouble() * 2 - 1);
            }
            int n = 20;
            float[] in = new float[n * dims];
            for (int i = 0; i < in.length; i++) {
                in[i] = (float) (0.05 + 0.9 * r.nextDouble());
            }
            int od = enc.outputDims();
            float[] v = new float[n * od];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (r.nextDouble() * 2 - 1);
            }
            float[] dIn = new float[n * dims];
            enc.inputGradient(in, n, v, dIn);
            float[] gradParams = new float[p.length];
            enc.backward(in, n, v, gradParams);
            double h = 1e-7;
            for (int i = 0; i < n; i++) {
                double[] x = new double[dims];
                for (int j = 0; j < dims; j++) {
                    x[j] = in[i * dims + j];
                }
                for (int j = 0; j < dims; j++) {
                    double[] xp = x.clone();
                    double[] xm = x.clone();
                    xp[j] += h;
                    xm[j] -= h;
                    double fd = (dot(ref.encode(xp, p), v, i * od) - dot(ref.encode(xm, p), v, i * od)) / (2 * h);
                    assertThat((double) dIn[i * dims + j]).as("dims %d point %d d/dx%d", dims, i, j)
                            .isCloseTo(fd, within(1e-3 * (1 + Math.abs(fd))));
                }
            }
            // Parameter gradient: the output is linear in the parameters, so a float64 difference is exact.
            for (int trial = 0; trial < 40; trial++) {
                int q = r.nextInt(p.length);
                float saved = p[q];
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    double[] x = new double[dims];
                    for (int j = 0; j < dims; j++) {
                        x[j] = in[i * dims + j];
                    }
                    p[q] = saved + 0.5f;
                    double up = dot(ref.encode(x, p), v, i * od);
                    p[q] = saved - 0.5f;
                    double down = dot(ref.encode(x, p), v, i * od);
                    sum += up - down;
                }
                p[q] = saved;
                assertThat((double) gradParams[q]).as("param %d", q).isCloseTo(sum, within(1e-4 * (1 + Math.abs(sum))));
            }
        }
    }

    private static double dot(double[] y, float[] v, int off) {
        double s = 0;
        for (int k = 0; k < y.length; k++) {
            s += y[k] * v[off + k];
        }
        return s;
    }

    @Test
    void parameterGradientIsNonZeroOnlyOnTouchedRows() {
        HashGridEncoding enc = new HashGridEncoding(SMALL, 3);
        float[] in = {0.3f, 0.6f, 0.9f};
        float[] v = new float[enc.outputDims()];
        Arrays.fill(v, 1f);
        float[] g = new float[enc.paramCount()];
        enc.backward(in, 1, v, g);
        int nonZero = 0;
        double sum = 0;
        for (float x : g) {
            nonZero += x != 0 ? 1 : 0;
            sum += x;
        }
        assertThat(nonZero).isLessThanOrEqualTo(6 * 8 * 2);
        assertThat(sum).isCloseTo(6 * 2, within(1e-5)); // weights of each level sum to 1
    }

    @Test
    void initializationIsUniformInTheInitRange() {
        HashGridEncoding enc = new HashGridEncoding(SMALL, 3);
        enc.initialize(42);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float x : enc.params()) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        assertThat(min).isBetween(-1e-4f, -0.9e-4f);
        assertThat(max).isBetween(0.9e-4f, 1e-4f);
        float[] copy = enc.params().clone();
        enc.initialize(42);
        assertThat(enc.params()).isEqualTo(copy);
    }
}
