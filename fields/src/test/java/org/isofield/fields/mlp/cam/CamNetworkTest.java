package org.isofield.fields.mlp.cam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.isofield.core.Parallel;
import org.isofield.fields.mlp.Activation;
import org.isofield.fields.mlp.MatrixKernels;
import org.isofield.fields.mlp.MlpNetwork;
import org.isofield.fields.mlp.Network;
import org.isofield.fields.optim.ParameterGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CamNetworkTest {
    private static final int FEATURES = 5;
    private static final int IN = FEATURES + 3;
    private static final int OUT = 2;
    private static final int N = 7;
    private static final double EPS = 1e-6;

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of(Activation.TANH, Activation.NONE, false, true),
                Arguments.of(Activation.SOFTPLUS, Activation.NONE, true, true),
                Arguments.of(Activation.RELU, Activation.SIGMOID, false, false),
                Arguments.of(Activation.SINE, Activation.NONE, true, false),
                Arguments.of(Activation.RELU, Activation.NONE, true, true));
    }

    static CamMlpConfig config(Activation a, Activation o, boolean perNeuron, boolean norm) {
        return new CamMlpConfig(16, 2, a, o, 4, perNeuron, norm, 1e-5, 10.0);
    }

    /** A network with the grid moved off its identity start, so every plane has a non-trivial gradient. */
    static CamNetwork perturbed(CamMlpConfig c, long seed) {
        CamNetwork net = new CamNetwork(c, IN, OUT, seed, MatrixKernels.scalar());
        SplittableRandom r = new SplittableRandom(seed + 100);
        float[] p = net.params();
        for (int j = net.mlpParamCount(); j < p.length; j++) {
            p[j] += (float) ((r.nextDouble() * 2 - 1) * 0.4);
        }
        return net;
    }

    /** Features in [-1, 1], positions in (0.02, 0.98). */
    static float[] inputs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * IN];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < IN; i++) {
                x[s * IN + i] = (float) (i < FEATURES ? r.nextDouble() * 2 - 1 : 0.02 + 0.96 * r.nextDouble());
            }
        }
        return x;
    }

    static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
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

    /** E = sum_s sum_o r_so y_so in float64 by the reference. */
    private static double energy(CamReference ref, double[] p, float[] x, float[] r) {
        double e = 0;
        for (int s = 0; s < N; s++) {
            double[] y = ref.forward(p, toDouble(x, s * IN, IN));
            for (int o = 0; o < OUT; o++) {
                e += r[s * OUT + o] * y[o];
            }
        }
        return e;
    }

    private static void checkAgainstFiniteDifferences(CamNetwork net, float[] x, float[] r, float[] dParams,
                                                      float[] dIn) {
        checkAgainstFiniteDifferences(net, x, r, dParams, dIn, 1e-3);
    }

    /** As above, with central differences of step {@code featureStep} on the features (1e-3 on the position). */
    private static void checkAgainstFiniteDifferences(CamNetwork net, float[] x, float[] r, float[] dParams,
                                                      float[] dIn, double featureStep) {
        CamReference ref = new CamReference(net.config(), IN, OUT);
        double[] p = toDouble(net.params(), 0, net.paramCount());
        if (dParams != null) {
            for (int j = 0; j < p.length; j++) {
                double keep = p[j];
                p[j] = keep + EPS;
                double plus = energy(ref, p, x, r);
                p[j] = keep - EPS;
                double minus = energy(ref, p, x, r);
                p[j] = keep;
                assertClose("dparam " + j, dParams[j], (plus - minus) / (2 * EPS));
            }
        }
        for (int i = 0; i < N * IN; i++) {
            double step = i % IN < FEATURES ? featureStep : 1e-3;
            float keep = x[i];
            x[i] = (float) (keep + step);
            double plus = energy(ref, p, x, r);
            x[i] = (float) (keep - step);
            double minus = energy(ref, p, x, r);
            x[i] = keep;
            double h = (double) (float) (keep + step) - (double) (float) (keep - step);
            assertClose("dinput " + i, dIn[i], (plus - minus) / h);
        }
    }

    @ParameterizedTest(name = "{0}/{1} per neuron {2} norm {3}")
    @MethodSource("variants")
    void forwardMatchesFloat64Reference(Activation a, Activation o, boolean perNeuron, boolean norm) {
        CamNetwork net = perturbed(config(a, o, perNeuron, norm), 1);
        float[] x = inputs(N, 2);
        float[] y = new float[N * OUT];
        net.forward(x, N, y);
        CamReference ref = new CamReference(net.config(), IN, OUT);
        double[] p = toDouble(net.params(), 0, net.paramCount());
        for (int s = 0; s < N; s++) {
            double[] expect = ref.forward(p, toDouble(x, s * IN, IN));
            for (int k = 0; k < OUT; k++) {
                assertClose("y", y[s * OUT + k], expect[k]);
            }
        }
        float[] y2 = new float[N * OUT];
        net.forwardTrain(x, N, net.newWorkspace(N), y2);
        assertThat(y2).containsExactly(y);
    }

    @ParameterizedTest(name = "{0}/{1} per neuron {2} norm {3}")
    @MethodSource("variants")
    void backwardMatchesFiniteDifferences(Activation a, Activation o, boolean perNeuron, boolean norm) {
        CamNetwork net = perturbed(config(a, o, perNeuron, norm), 3);
        float[] x = inputs(N, 4);
        float[] r = random(N * OUT, 5);
        Network.Workspace ws = net.newWorkspace(N);
        net.forwardTrain(x, N, ws, new float[N * OUT]);
        float[] dParams = new float[net.paramCount()];
        float[] dIn = new float[N * IN];
        net.backward(x, N, ws, r, dParams, dIn);
        checkAgainstFiniteDifferences(net, x, r, dParams, dIn);
    }

    @ParameterizedTest(name = "{0}/{1} per neuron {2} norm {3}")
    @MethodSource("variants")
    void inputGradientMatchesFiniteDifferences(Activation a, Activation o, boolean perNeuron, boolean norm) {
        CamNetwork net = perturbed(config(a, o, perNeuron, norm), 6);
        float[] x = inputs(N, 7);
        float[] c = {0.7f, -1.3f};
        Network.Workspace ws = net.newWorkspace(N);
        net.forwardTrain(x, N, ws, new float[N * OUT]);
        float[] g = new float[N * IN];
        net.inputGradient(x, N, ws, c, g);
        float[] r = new float[N * OUT];
        for (int s = 0; s < N; s++) {
            r[s * OUT] = c[0];
            r[s * OUT + 1] = c[1];
        }
        checkAgainstFiniteDifferences(net, x, r, null, g);
    }

    /**
     * The normalisation's gradient where a fresh hash grid puts the MLP: features of order 1e-4, so the first layer's
     * variance (about 1e-9) is far below eps 1e-5 and the second layer's far above it. Both regimes of
     * {@code 1 / sqrt(var + eps)} are crossed in one network; the float32 passes agree with float64 differences.
     */
    @ParameterizedTest(name = "eps {0}")
    @ValueSource(doubles = {1e-5, 1.0})
    void normalisationGradientIsRightAtHashGridInitScale(double eps) {
        CamNetwork net = perturbed(new CamMlpConfig(16, 2, Activation.RELU, Activation.NONE, 4, false, true, eps,
                10.0), 12);
        float[] x = inputs(N, 13);
        for (int s = 0; s < N; s++) {
            for (int i = 0; i < FEATURES; i++) {
                x[s * IN + i] *= 1e-4f;
            }
        }
        float[] r = random(N * OUT, 14);
        Network.Workspace ws = net.newWorkspace(N);
        net.forwardTrain(x, N, ws, new float[N * OUT]);
        float[] dParams = new float[net.paramCount()];
        float[] dIn = new float[N * IN];
        net.backward(x, N, ws, r, dParams, dIn);
        checkAgainstFiniteDifferences(net, x, r, dParams, dIn, 1e-8);
    }

    @Test
    void untrainedWithoutNormalisationIsThePlainMlp() {
        CamMlpConfig c = new CamMlpConfig(64, 2, Activation.RELU, Activation.NONE, 8, true, false, 1e-5, 10.0);
        int n = 300;
        float[] x = new float[n * 35];
        float[] features = new float[n * 32];
        SplittableRandom r = new SplittableRandom(11);
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < 35; i++) {
                x[s * 35 + i] = (float) (i < 32 ? r.nextDouble() * 2 - 1 : r.nextDouble());
            }
            System.arraycopy(x, s * 35, features, s * 32, 32);
        }
        float[] cam = new float[n];
        new CamNetwork(c, 35, 1, 5).forward(x, n, cam);
        float[] mlp = new float[n];
        new MlpNetwork(c.mlp(), 32, 1, 5).forward(features, n, mlp);
        for (int s = 0; s < n; s++) {
            // the scale factor is 1 up to a rounding of the bilinear weights
            assertThat((double) cam[s]).isCloseTo(mlp[s], Offset.offset(1e-6 + 1e-6 * Math.abs(mlp[s])));
        }
    }

    @Test
    void gridStartsAtTheIdentityAndLearnsTenTimesFaster() {
        CamMlpConfig c = new CamMlpConfig(16, 3, Activation.RELU, Activation.NONE, 5, false, true, 1e-5, 10.0);
        CamNetwork net = new CamNetwork(c, 35, 1, 1);
        CamReference ref = new CamReference(c, 35, 1);
        double[] p = toDouble(net.params(), 0, net.paramCount());
        SplittableRandom r = new SplittableRandom(3);
        for (int t = 0; t < 20; t++) {
            double[] pos = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
            for (int l = 0; l < 3; l++) {
                assertThat(ref.factor(p, pos, 2 * l)).isCloseTo(1.0, Offset.offset(1e-12));
                assertThat(ref.factor(p, pos, 2 * l + 1)).isEqualTo(0.0);
            }
        }
        List<ParameterGroup> groups = net.parameterGroups();
        ParameterGroup.checkTiles(groups, net.paramCount());
        assertThat(groups.get(0).kind()).isEqualTo(ParameterGroup.Kind.MATRIX);
        assertThat(groups.get(0).learningRateFactor()).isEqualTo(1f);
        assertThat(groups.get(1).kind()).isEqualTo(ParameterGroup.Kind.GRID);
        assertThat(groups.get(1).learningRateFactor()).isEqualTo(10f);
        assertThat(groups.get(1).length()).isEqualTo(3 * 5 * 5 * 2 * 3);
        assertThat((long) net.paramCount()).isEqualTo(CamNetwork.paramCount(c, 35, 1));
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        int n = 3000;
        float[] x = inputs(n, 20);
        float[] r = random(n * OUT, 21);
        float[][] one = run(1, n, x, r);
        float[][] two = run(2, n, x, r);
        for (int i = 0; i < one.length; i++) {
            assertThat(two[i]).containsExactly(one[i]);
        }
    }

    private static float[][] run(int threads, int n, float[] x, float[] r) {
        int before = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            CamNetwork net = perturbed(config(Activation.SOFTPLUS, Activation.NONE, true, true), 9);
            Network.Workspace ws = net.newWorkspace(n);
            float[] y = new float[n * OUT];
            net.forwardTrain(x, n, ws, y);
            float[] dp = new float[net.paramCount()];
            float[] dIn = new float[n * IN];
            net.backward(x, n, ws, r, dp, dIn);
            float[] yi = new float[n * OUT];
            net.forward(x, n, yi);
            return new float[][] {y, dp, dIn, yi};
        } finally {
            Parallel.setThreads(before);
        }
    }
}
