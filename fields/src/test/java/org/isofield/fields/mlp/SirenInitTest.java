package org.isofield.fields.mlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SirenInitTest {
    /** Largest |w|, mean and mean square of matrix k. */
    private static double[] stats(MlpNetwork net, int k) {
        int from = net.matrixOffset(k);
        int to = k == net.hiddenLayers() ? net.paramCount() : net.matrixOffset(k + 1);
        double max = 0;
        double sum = 0;
        double sq = 0;
        for (int i = from; i < to; i++) {
            double w = net.params()[i];
            max = Math.max(max, Math.abs(w));
            sum += w;
            sq += w * w;
        }
        int count = to - from;
        return new double[] {max, sum / count, sq / count};
    }

    @ParameterizedTest(name = "{0} inputs, width {1}, {2} hidden layers")
    @CsvSource({"3, 64, 2", "32, 64, 3", "32, 128, 1", "20, 16, 4"})
    void sineNetworksStartAsSiren(int inputs, int width, int layers) {
        MlpNetwork net = new MlpNetwork(new MlpConfig(width, layers, Activation.SINE, Activation.NONE), inputs, 1, 7);
        int padded = net.paddedInputDims();
        for (int k = 0; k <= layers; k++) {
            int fanIn = k == 0 ? padded : width;
            // omega_0 folded into the weights: omega_0 * U(+-1/n) first, omega_0 * U(+-sqrt(6/n)/omega_0) later
            double bound = k == 0 ? MlpNetwork.SIREN_OMEGA_0 / fanIn : Math.sqrt(6.0 / fanIn);
            assertThat(MlpNetwork.initBound(Activation.SINE, k, 64, fanIn)).isEqualTo(bound);
            double[] s = stats(net, k);
            assertThat(s[0]).as("max |w| of matrix %d", k).isLessThanOrEqualTo(bound).isGreaterThan(0.95 * bound);
            assertThat(Math.abs(s[1])).as("mean of matrix %d", k).isLessThan(0.1 * bound);
            // uniform on [-b, b] has mean square b^2 / 3
            assertThat(s[2] / (bound * bound)).as("mean square / bound^2 of matrix %d", k).isBetween(0.28, 0.39);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ReLU", "Tanh", "Softplus"})
    void otherActivationsKeepXavier(String activation) {
        Activation a = Activation.fromJson(activation);
        MlpNetwork net = new MlpNetwork(new MlpConfig(64, 2, a, Activation.NONE), 32, 1, 7);
        double bound0 = Math.sqrt(6.0 / (64 + 32));
        assertThat(stats(net, 0)[0]).isLessThanOrEqualTo(bound0).isGreaterThan(0.95 * bound0);
        double boundOut = Math.sqrt(6.0 / (16 + 64));
        assertThat(stats(net, 2)[0]).isLessThanOrEqualTo(boundOut).isGreaterThan(0.95 * boundOut);
    }
}
