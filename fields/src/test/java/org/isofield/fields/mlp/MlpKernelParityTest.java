package org.isofield.fields.mlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.isofield.core.compute.VectorApi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Vector API kernels against their scalar twin, on whole networks (tails of partial blocks included). */
class MlpKernelParityTest {
    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }

    private static float[][] run(MlpKernels k, int width, int n) {
        return run(k, width, Activation.TANH, n);
    }

    private static float[][] run(MlpKernels k, int width, Activation act, int n) {
        MlpNetwork net = new MlpNetwork(new MlpConfig(width, 3, act, Activation.SIGMOID), 19, 3, 5, k);
        float[] x = random(n * 19, 1);
        float[] r = random(n * 3, 2);
        float[] u = random(n * 19, 3);
        var ws = net.newWorkspace(n);
        float[] y = new float[n * 3];
        net.forwardTrain(x, n, ws, y);
        float[] dp = new float[net.paramCount()];
        float[] dIn = new float[n * 19];
        net.backward(x, n, ws, r, dp, dIn);
        float[] g = new float[n * 19];
        net.inputGradient(x, n, ws, new float[] {1, 0, 0}, g);
        float[] dp2 = new float[net.paramCount()];
        float[] dIn2 = new float[n * 19];
        net.backwardInputGradient(x, n, ws, new float[] {1, 0, 0}, u, r, dp2, dIn2);
        return new float[][] {y, dp, dIn, g, dp2, dIn2};
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 48, 128})
    void vectorKernelsMatchScalarTwin(int width) {
        Assumptions.assumeTrue(VectorApi.present(), "jdk.incubator.vector not in the boot layer");
        assertClose(run(ScalarMlpKernels.INSTANCE, width, 1001), run(VectorMlpKernels.INSTANCE, width, 1001));
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 64})
    void reluNetworksMatchScalarTwin(int width) {
        Assumptions.assumeTrue(VectorApi.present(), "jdk.incubator.vector not in the boot layer");
        assertClose(run(ScalarMlpKernels.INSTANCE, width, Activation.RELU, 777),
                run(VectorMlpKernels.INSTANCE, width, Activation.RELU, 777));
    }

    /**
     * Each product on its own, over the shapes that pick different tiles: row counts below, at and past the four-row
     * tiles (1 is the output layer's), column counts that leave vector and scalar remainders, partial blocks.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 5, 13, 64})
    void everyProductMatchesTheScalarTwinOnEveryTileShape(int rows) {
        Assumptions.assumeTrue(VectorApi.present(), "jdk.incubator.vector not in the boot layer");
        int b = MlpNetwork.BLOCK;
        for (int cols : new int[] {1, 16, 32, 48, 64, 70}) {
            for (int m : new int[] {1, 15, 17, 48, 64}) {
                float[] w = random(rows * cols + 3, rows * 100 + cols);
                float[] x = random(cols * b + 2, m);
                float[] d = random(rows * b + 1, m + 7);
                float[][] scalar = products(ScalarMlpKernels.INSTANCE, w, x, d, rows, cols, m);
                float[][] vector = products(VectorMlpKernels.INSTANCE, w, x, d, rows, cols, m);
                assertClose(scalar, vector);
            }
        }
    }

    private static float[][] products(MlpKernels k, float[] w, float[] x, float[] d, int rows, int cols, int m) {
        int b = MlpNetwork.BLOCK;
        float[] z = new float[rows * b + 1];
        k.matmul(w, 3, rows, cols, x, 2, z, 1, b, m);
        float[] t = new float[cols * b];
        k.matmulTransposed(w, 3, rows, cols, cols, d, 1, t, 0, b, m);
        float[] g = random(rows * cols, 99);
        k.accumulateOuter(g, 0, rows, cols, d, 1, x, 2, new float[b * cols], b, m);
        return new float[][] {z, t, g};
    }

    @Test
    void reluGateIsExactForZerosSignsAndNaN() {
        Assumptions.assumeTrue(VectorApi.present(), "jdk.incubator.vector not in the boot layer");
        float[] z = random(203, 9);
        z[0] = 0f;
        z[1] = -0f;
        z[2] = Float.NaN;
        z[3] = Float.MIN_VALUE;
        z[4] = -Float.MIN_VALUE;
        z[200] = Float.POSITIVE_INFINITY;
        float[] d = random(203, 10);
        float[] a = d.clone();
        float[] b = d.clone();
        ScalarMlpKernels.INSTANCE.reluGate(z, 0, a, 0, 203);
        VectorMlpKernels.INSTANCE.reluGate(z, 0, b, 0, 203);
        assertThat(b).containsExactly(a);
        assertThat(a[0]).isZero();
        assertThat(a[2]).isZero();
        assertThat(a[3]).isEqualTo(d[3]);
        assertThat(a[200]).isEqualTo(d[200]);
    }

    @Test
    void reluIsExactForZerosSignsAndNaN() {
        Assumptions.assumeTrue(VectorApi.present(), "jdk.incubator.vector not in the boot layer");
        float[] z = random(203, 11);
        z[0] = 0f;
        z[1] = -0f;
        z[2] = Float.NaN;
        z[3] = Float.MIN_VALUE;
        z[4] = -Float.MIN_VALUE;
        z[5] = Float.NEGATIVE_INFINITY;
        z[200] = Float.POSITIVE_INFINITY;
        float[] a = new float[205];
        float[] b = new float[205];
        ScalarMlpKernels.INSTANCE.relu(z, 0, a, 2, 203);
        VectorMlpKernels.INSTANCE.relu(z, 0, b, 2, 203);
        assertThat(b).containsExactly(a);
        assertThat(Float.floatToRawIntBits(a[3])).as("-0 becomes +0").isZero();
        assertThat(a[4]).isNaN();
        assertThat(a[5]).isEqualTo(Float.MIN_VALUE);
        assertThat(a[6]).isZero();
        assertThat(a[202]).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(b).as("negative lanes are zeroed").contains(0f);
    }

    private static void assertClose(float[][] a, float[][] b) {
        for (int i = 0; i < a.length; i++) {
            double scale = 0;
            for (float v : a[i]) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int j = 0; j < a[i].length; j++) {
                assertThat(Math.abs(b[i][j] - a[i][j])).as("array %d entry %d", i, j)
                        .isLessThanOrEqualTo((float) (1e-5 * scale + 1e-4 * Math.abs(a[i][j])));
            }
        }
    }
}
