package org.isofield.fields.mlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.isofield.core.Parallel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MlpNetworkTest {
    private static final int IN = 5;
    private static final int OUT = 2;
    private static final int N = 7;
    private static final double EPS = 1e-6;

    static Stream<Arguments> activations() {
        Activation[] all = Activation.values();
        Stream.Builder<Arguments> b = Stream.builder();
        for (int i = 0; i < all.length; i++) {
            b.add(Arguments.of(all[i], all[(i + 3) % all.length]));
        }
        return b.build();
    }

    private static MlpNetwork net(Activation a, Activation o, MlpKernels k) {
        return new MlpNetwork(new MlpConfig(16, 2, a, o), IN, OUT, 42, k);
    }

    private static float[] random(int n, long seed, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((r.nextDouble() * 2 - 1) * scale);
        }
        return v;
    }

    private static double[] toDouble(float[] a, int from, int len) {
        double[] d = new double[len];
        for (int i = 0; i < len; i++) {
            d[i] = a[from + i];
        }
        return d;
    }

    private static void assertClose(String what, double actual, double expected) {
        double tol = 2e-4 + 2e-3 * Math.abs(expected);
        assertThat(Math.abs(actual - expected)).as("%s: %s vs %s", what, actual, expected).isLessThanOrEqualTo(tol);
    }

    /** E = sum_s sum_o r_so y_so (+ sum_s u_s . g_s when u != null), in float64 by the reference. */
    private static double energy(MlpReference ref, double[] p, float[] x, float[] r, float[] c, float[] u) {
        double e = 0;
        for (int s = 0; s < N; s++) {
            double[] xs = toDouble(x, s * IN, IN);
            double[] y = ref.forward(p, xs);
            for (int o = 0; o < OUT; o++) {
                e += r[s * OUT + o] * y[o];
            }
            if (u != null) {
                double[] g = ref.inputGradient(p, xs, toDouble(c, 0, OUT));
                for (int i = 0; i < IN; i++) {
                    e += u[s * IN + i] * g[i];
                }
            }
        }
        return e;
    }

    private static void checkAgainstFiniteDifferences(MlpNetwork net, float[] x, float[] r, float[] c, float[] u,
                                                      float[] dParams, float[] dIn) {
        MlpReference ref = new MlpReference(net.config(), IN, OUT);
        double[] p = toDouble(net.params(), 0, net.paramCount());
        for (int j = 0; j < p.length; j++) {
            double keep = p[j];
            p[j] = keep + EPS;
            double plus = energy(ref, p, x, r, c, u);
            p[j] = keep - EPS;
            double minus = energy(ref, p, x, r, c, u);
            p[j] = keep;
            assertClose("dparam " + j, dParams[j], (plus - minus) / (2 * EPS));
        }
        for (int i = 0; i < N * IN; i++) {
            float keep = x[i];
            x[i] = (float) (keep + 1e-3);
            double plus = energy(ref, p, x, r, c, u);
            x[i] = (float) (keep - 1e-3);
            double minus = energy(ref, p, x, r, c, u);
            x[i] = keep;
            double h = ((double) (float) (keep + 1e-3) - (double) (float) (keep - 1e-3));
            assertClose("dinput " + i, dIn[i], (plus - minus) / h);
        }
    }

    @ParameterizedTest(name = "{0} hidden, {1} output")
    @MethodSource("activations")
    void forwardMatchesFloat64Reference(Activation a, Activation o) {
        MlpNetwork net = net(a, o, ScalarMlpKernels.INSTANCE);
        float[] x = random(N * IN, 1, 1);
        float[] y = new float[N * OUT];
        net.forward(x, N, y);
        MlpReference ref = new MlpReference(net.config(), IN, OUT);
        double[] p = toDouble(net.params(), 0, net.paramCount());
        for (int s = 0; s < N; s++) {
            double[] expect = ref.forward(p, toDouble(x, s * IN, IN));
            for (int k = 0; k < OUT; k++) {
                assertThat((double) y[s * OUT + k]).isCloseTo(expect[k], Offset.offset(1e-5));
            }
        }
        float[] y2 = new float[N * OUT];
        net.forwardTrain(x, N, net.newWorkspace(N), y2);
        assertThat(y2).containsExactly(y);
    }

    @ParameterizedTest(name = "{0} hidden, {1} output")
    @MethodSource("activations")
    void backwardMatchesFiniteDifferences(Activation a, Activation o) {
        MlpNetwork net = net(a, o, ScalarMlpKernels.INSTANCE);
        float[] x = random(N * IN, 2, 1);
        float[] r = random(N * OUT, 3, 1);
        var ws = net.newWorkspace(N);
        net.forwardTrain(x, N, ws, new float[N * OUT]);
        float[] dParams = new float[net.paramCount()];
        float[] dIn = new float[N * IN];
        net.backward(x, N, ws, r, dParams, dIn);
        checkAgainstFiniteDifferences(net, x, r, null, null, dParams, dIn);
    }

    @ParameterizedTest(name = "{0} hidden, {1} output")
    @MethodSource("activations")
    void inputGradientMatchesReference(Activation a, Activation o) {
        MlpNetwork net = net(a, o, ScalarMlpKernels.INSTANCE);
        float[] x = random(N * IN, 4, 1);
        float[] c = {0.7f, -1.3f};
        var ws = net.newWorkspace(N);
        net.forwardTrain(x, N, ws, new float[N * OUT]);
        float[] g = new float[N * IN];
        net.inputGradient(x, N, ws, c, g);
        MlpReference ref = new MlpReference(net.config(), IN, OUT);
        double[] p = toDouble(net.params(), 0, net.paramCount());
        for (int s = 0; s < N; s++) {
            double[] expect = ref.inputGradient(p, toDouble(x, s * IN, IN), new double[] {0.7, -1.3});
            for (int i = 0; i < IN; i++) {
                assertClose("g", g[s * IN + i], expect[i]);
            }
        }
    }

    @ParameterizedTest(name = "{0} hidden, {1} output")
    @MethodSource("activations")
    void secondOrderTermsMatchFiniteDifferencesOfTheInputGradient(Activation a, Activation o) {
        MlpNetwork net = net(a, o, ScalarMlpKernels.INSTANCE);
        float[] x = random(N * IN, 5, 1);
        float[] r = random(N * OUT, 6, 1);
        float[] u = random(N * IN, 7, 1);
        float[] c = {1f, 0.5f};
        var ws = net.newWorkspace(N);
        net.forwardTrain(x, N, ws, new float[N * OUT]);
        float[] dParams = new float[net.paramCount()];
        float[] dIn = new float[N * IN];
        net.backwardInputGradient(x, N, ws, c, u, r, dParams, dIn);
        checkAgainstFiniteDifferences(net, x, r, c, u, dParams, dIn);
    }

    @Test
    void layoutMatchesTinyCudaNn() {
        assertThat(MlpNetwork.paramCount(MlpConfig.DEFAULT, 32, 1)).isEqualTo(32 * 64 + 64 * 64 + 64 * 16);
        MlpNetwork net = new MlpNetwork(MlpConfig.DEFAULT, 3, 1, 1);
        assertThat(net.paddedInputDims()).isEqualTo(16);
        assertThat(net.matrixOffset(1)).isEqualTo(64 * 16);
        assertThat(net.matrixOffset(2)).isEqualTo(64 * 16 + 64 * 64);
        assertThat(net.paramCount()).isEqualTo(64 * 16 + 64 * 64 + 16 * 64);
    }

    @Test
    void gradientsAccumulateAndPaddedOutputRowsGetNone() {
        MlpNetwork net = new MlpNetwork(new MlpConfig(16, 1, Activation.TANH, Activation.NONE), 3, 1, 9);
        float[] x = random(40 * 3, 8, 1);
        float[] r = random(40, 9, 1);
        var ws = net.newWorkspace(40);
        net.forwardTrain(x, 40, ws, new float[40]);
        float[] once = new float[net.paramCount()];
        net.backward(x, 40, ws, r, once, null);
        float[] twice = once.clone();
        net.backward(x, 40, ws, r, twice, null);
        for (int j = 0; j < once.length; j++) {
            assertThat(twice[j]).isEqualTo(once[j] + once[j]);
        }
        for (int j = net.matrixOffset(1) + 16; j < net.paramCount(); j++) {
            assertThat(once[j]).isZero();
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        int n = 5000;
        float[] x = random(n * 32, 10, 1);
        float[] r = random(n, 11, 1);
        float[] u = random(n * 32, 12, 1);
        float[][] a = run(1, n, x, r, u);
        float[][] b = run(2, n, x, r, u);
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).containsExactly(a[i]);
        }
    }

    private static float[][] run(int threads, int n, float[] x, float[] r, float[] u) {
        int before = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            MlpNetwork net = new MlpNetwork(new MlpConfig(64, 2, Activation.SOFTPLUS, Activation.NONE), 32, 1, 3);
            var ws = net.newWorkspace(n);
            float[] y = new float[n];
            net.forwardTrain(x, n, ws, y);
            float[] dp = new float[net.paramCount()];
            float[] dIn = new float[n * 32];
            net.backward(x, n, ws, r, dp, dIn);
            float[] dp2 = new float[net.paramCount()];
            float[] dIn2 = new float[n * 32];
            net.backwardInputGradient(x, n, ws, new float[] {1f}, u, r, dp2, dIn2);
            float[] yi = new float[n];
            net.forward(x, n, yi);
            return new float[][] {y, dp, dIn, dp2, dIn2, yi};
        } finally {
            Parallel.setThreads(before);
        }
    }
}
