package org.isofield.fields.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isofield.fields.device.Parity.abs;
import static org.isofield.fields.device.Parity.gaussian;
import static org.isofield.fields.device.Parity.toFeatureMajor;
import static org.isofield.fields.device.Parity.toPointMajor;

import java.util.stream.Stream;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.DeviceArray;
import org.isofield.core.compute.Precision;
import org.isofield.core.compute.testing.ComputeTesting;
import org.isofield.core.config.Configs;
import org.isofield.encodings.grid.Interpolation;
import org.isofield.encodings.hashgrid.HashGridConfig;
import org.isofield.fields.loss.L2Config;
import org.isofield.fields.mlp.Activation;
import org.isofield.fields.mlp.MlpConfig;
import org.isofield.fields.mlp.MlpNetwork;
import org.isofield.fields.mlp.Network;
import org.isofield.fields.train.NeuralField;
import org.isofield.fields.train.NeuralFieldConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tensor-core forward ({@code mlp_fp16.cu}) against its CPU twin {@link HalfPrecisionForward} within the fp32 bound
 * {@code 1e-5 (|twin| + sum |terms|)} (products of halves are exact in fp32, so only the order of the sums differs),
 * and against the fp32 CPU network within {@code 5e-3 (|cpu| + sum |terms|)}. The bound: each half product rounds both
 * factors (unit roundoff
 * 2^-11 each), so a layer adds at most about {@code 2^-10} of its absolute terms, and errors carried from earlier
 * layers
 * pass through 1-Lipschitz activations; with up to three half products that is under {@code 3.1e-3}, and the output
 * layer is fp32. The sums of absolute terms come from the absolute-value network of {@link MlpParityContract}.
 */
@Tag("gpu")
class CudaFp16MlpGpuTest {
    private static ComputeDevice device;

    /** The fp16 tolerance: a fraction of {@code |cpu| + sum |terms|}. */
    static final double FP16_BOUND = 5e-3;

    @BeforeAll
    static void open() {
        device = ComputeTesting.cudaOrSkip();
    }

    static Stream<Arguments> networks() {
        return Stream.of(Arguments.of(new MlpConfig(64, 2, Activation.RELU, Activation.NONE), 32, 1),
                Arguments.of(new MlpConfig(16, 1, Activation.TANH, Activation.NONE), 3, 2),
                Arguments.of(new MlpConfig(128, 3, Activation.SOFTPLUS, Activation.SIGMOID), 20, 1),
                Arguments.of(new MlpConfig(32, 2, Activation.RELU, Activation.NONE), 64, 1));
    }

    @ParameterizedTest(name = "{0} in {1} out {2}")
    @MethodSource("networks")
    void forwardIsWithinTheHalfPrecisionBound(MlpConfig config, int din, int dout) {
        int n = 1000;
        MlpNetwork cpu = new MlpNetwork(config, din, dout, 5);
        MlpNetwork bound = MlpParityContract.absolute(config, cpu, din, dout);
        float[] x = gaussian(n * din, 1, 1.0);
        float[] y = new float[n * dout];
        float[] yb = new float[n * dout];
        float[] twin = new float[n * dout];
        Network.Workspace ws = cpu.newWorkspace(n);
        cpu.forwardTrain(x, n, ws, y);
        bound.forward(abs(x), n, yb);
        HalfPrecisionForward.forward(cpu, x, n, twin);
        try (DeviceMlp gpu = new DeviceMlp(device, cpu, Precision.FP16);
             DeviceMlp.Workspace dws = gpu.newWorkspace(n);
             DeviceArray dx = device.upload(toFeatureMajor(x, n, din), "x");
             DeviceArray dy = device.allocateFloats((long) n * dout, "y");
             DeviceArray one = device.allocateFloats(1, "scratch")) {
            gpu.forward(dx, n, dy, one);
            float[] got = toPointMajor(dy.toFloatArray(n * dout), n, dout);
            assertThat(worstOfBound(got, twin, yb, 1e-5)).as("fp16 forward against its twin").isLessThanOrEqualTo(1);
            assertThat(worstOfBound(got, y, yb, FP16_BOUND)).as("fp16 forward against fp32").isLessThanOrEqualTo(1);
            gpu.forwardTrain(dx, n, dws, dy);
            got = toPointMajor(dy.toFloatArray(n * dout), n, dout);
            assertThat(worstOfBound(got, twin, yb, 1e-5)).as("fp16 forward train against its twin")
                    .isLessThanOrEqualTo(1);
        }
    }

    /**
     * The weight gradients with fp16 products ({@code mlp_outer_fp16}, on the pre-activations of the fp16 forward)
     * against the fp32 CPU backward within {@code 2e-2 (|cpu| + sum |terms|)}, for smooth activations (|act''| <= 1; a
     * ReLU's step derivative turns a rounded pre-activation near 0 into a different delta). The bound: the forward's
     * pre-activations within 3.1e-3 of their terms, the deltas through act' and the transposed fp32 products within
     * about as much again per layer, and the outer products' own half rounding 2^-10; a loose sum for two layers.
     */
    @ParameterizedTest(name = "{0} in {1} out {2}")
    @MethodSource("smooth")
    void weightGradientsAreWithinTheHalfPrecisionBound(MlpConfig config, int din, int dout) {
        int n = 2000;
        MlpNetwork cpu = new MlpNetwork(config, din, dout, 5);
        MlpNetwork bound = MlpParityContract.absolute(config, cpu, din, dout);
        float[] x = gaussian(n * din, 1, 1.0);
        float[] dOut = gaussian(n * dout, 2, 1.0);
        Network.Workspace ws = cpu.newWorkspace(n);
        Network.Workspace wb = bound.newWorkspace(n);
        float[] y = new float[n * dout];
        cpu.forwardTrain(x, n, ws, y);
        bound.forwardTrain(abs(x), n, wb, new float[n * dout]);
        float[] grad = new float[cpu.paramCount()];
        float[] gradB = new float[cpu.paramCount()];
        cpu.backward(x, n, ws, dOut, grad, new float[n * din]);
        bound.backward(abs(x), n, wb, abs(dOut), gradB, new float[n * din]);
        try (DeviceMlp gpu = new DeviceMlp(device, cpu, Precision.FP16);
             DeviceMlp.Workspace dws = gpu.newWorkspace(n);
             DeviceArray dx = device.upload(toFeatureMajor(x, n, din), "x");
             DeviceArray dy = device.allocateFloats((long) n * dout, "y");
             DeviceArray dg = device.upload(toFeatureMajor(dOut, n, dout), "dOut");
             DeviceArray dIn = device.allocateFloats((long) n * din, "dIn");
             DeviceArray dParams = device.allocateFloats(cpu.paramCount(), "dParams")) {
            gpu.forwardTrain(dx, n, dws, dy);
            dParams.fill(0f);
            gpu.backward(dx, n, dws, dg, dParams, dIn);
            assertThat(worstOfBound(dParams.toFloatArray(), grad, gradB, 2e-2)).as("fp16 weight gradients")
                    .isLessThanOrEqualTo(1);
        }
    }

    /** fp16 training of a small HashGrid field follows fp32 training: the loss after 50 steps within 10%. */
    @Test
    void fp16TrainingFollowsFp32() {
        var config = new NeuralFieldConfig(new HashGridConfig(
                8, 2, 14, 8, 1.5, Interpolation.LINEAR), new MlpConfig(64, 2,
                Activation.RELU, Activation.NONE), L2Config.DEFAULT,
                NeuralFieldConfig.DEFAULT.optimizer(), 4096);
        double[] last = new double[2];
        Precision[] ps = {Precision.FP32, Precision.FP16};
        for (int k = 0; k < 2; k++) {
            var field = new NeuralField(Configs.with(config, "backend", Backend.CUDA, "precision", ps[k]), 3);
            try (DeviceTrainer t = new DeviceTrainer(device, field);
                 DeviceArray p = device.allocateFloats(3L * 4096, "p");
                 DeviceArray tg = device.allocateFloats(4096, "t")) {
                DeviceBatchSource source = DeviceBatchSource.uploading(TrainingParityContract.sphere(4096, 9));
                for (int s = 0; s < 50; s++) {
                    source.next(p, tg);
                    last[k] = t.step(p, tg, 4096);
                }
            }
        }
        System.out.printf("loss after 50 steps: fp32 %.6g, fp16 %.6g%n", last[0], last[1]);
        assertThat(Math.abs(last[1] - last[0])).isLessThanOrEqualTo(0.1 * last[0]);
    }

    static Stream<Arguments> smooth() {
        return Stream.of(Arguments.of(new MlpConfig(64, 2, Activation.TANH, Activation.NONE), 32, 1),
                Arguments.of(new MlpConfig(32, 2, Activation.SINE, Activation.NONE), 5, 3));
    }

    /** The largest {@code |got - want| / (bound (|want| + terms))}, printed. */
    static double worstOfBound(float[] got, float[] want, float[] terms, double bound) {
        double worst = 0;
        for (int i = 0; i < want.length; i++) {
            double tol = bound * (Math.abs(want[i]) + terms[i]);
            double err = Math.abs((double) got[i] - want[i]);
            worst = Math.max(worst, tol > 0 ? err / tol : err > 0 ? Double.POSITIVE_INFINITY : 0);
        }
        System.out.printf("worst error %.3f of the bound %.0e%n", worst, bound);
        return worst;
    }
}
