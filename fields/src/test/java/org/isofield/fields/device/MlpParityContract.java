package org.isofield.fields.device;

import static org.isofield.fields.device.Parity.abs;
import static org.isofield.fields.device.Parity.assertWithin;
import static org.isofield.fields.device.Parity.gaussian;
import static org.isofield.fields.device.Parity.toFeatureMajor;
import static org.isofield.fields.device.Parity.toPointMajor;

import java.util.Arrays;
import java.util.stream.Stream;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.DeviceArray;
import org.isofield.fields.mlp.Activation;
import org.isofield.fields.mlp.MlpConfig;
import org.isofield.fields.mlp.MlpNetwork;
import org.isofield.fields.mlp.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded parity of the device MLP with {@link MlpNetwork}: every pass within {@code 1e-5 (|cpu| + sum |terms|)} per
 * value, the sums of absolute terms bounded by the same pass through the network with absolute weights and inputs
 * and identity activations (every activation here is 1-Lipschitz).
 */
abstract class MlpParityContract {
    abstract ComputeDevice device();

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of(new MlpConfig(64, 2, Activation.RELU, Activation.NONE), 32, 1),
                Arguments.of(new MlpConfig(16, 1, Activation.TANH, Activation.NONE), 3, 2),
                Arguments.of(new MlpConfig(128, 3, Activation.SOFTPLUS, Activation.SIGMOID), 20, 1),
                Arguments.of(new MlpConfig(32, 2, Activation.SINE, Activation.NONE), 5, 3),
                Arguments.of(new MlpConfig(48, 2, Activation.LEAKY_RELU, Activation.RELU), 36, 1));
    }

    static MlpNetwork absolute(MlpConfig c, MlpNetwork net, int din, int dout) {
        MlpNetwork a = new MlpNetwork(new MlpConfig(c.nNeurons(), c.nHiddenLayers(), Activation.NONE, Activation.NONE),
                din, dout, 0);
        float[] p = net.params();
        for (int i = 0; i < p.length; i++) {
            a.params()[i] = Math.abs(p[i]);
        }
        return a;
    }

    @ParameterizedTest(name = "{0} in {1} out {2}")
    @MethodSource("networks")
    void everyPassMatchesItsCpuTwin(MlpConfig config, int din, int dout) {
        int n = 1000;
        MlpNetwork cpu = new MlpNetwork(config, din, dout, 5);
        MlpNetwork bound = absolute(config, cpu, din, dout);
        float[] x = gaussian(n * din, 1, 1.0);
        float[] dOut = gaussian(n * dout, 2, 1.0);
        float[] u = gaussian(n * din, 3, 1.0);
        float[] c = gaussian(dout, 4, 1.0);
        Network.Workspace ws = cpu.newWorkspace(n);
        Network.Workspace wb = bound.newWorkspace(n);
        try (DeviceMlp gpu = new DeviceMlp(device(), cpu);
             DeviceMlp.Workspace dws = gpu.newWorkspace(n);
             DeviceArray dx = device().upload(toFeatureMajor(x, n, din), "x");
             DeviceArray dy = device().allocateFloats((long) n * dout, "y");
             DeviceArray dg = device().upload(toFeatureMajor(dOut, n, dout), "dOut");
             DeviceArray du = device().upload(toFeatureMajor(u, n, din), "u");
             DeviceArray dIn = device().allocateFloats((long) n * din, "dIn");
             DeviceArray dParams = device().allocateFloats(cpu.paramCount(), "dParams")) {
            float[] y = new float[n * dout];
            float[] yb = new float[n * dout];
            cpu.forward(x, n, y);
            bound.forward(abs(x), n, yb);
            try (DeviceArray one = device().allocateFloats(1, "scratch")) {
                gpu.forward(dx, n, dy, one);
            }
            assertWithin("forward", toPointMajor(dy.toFloatArray(n * dout), n, dout), y, yb);

            cpu.forwardTrain(x, n, ws, y);
            bound.forwardTrain(abs(x), n, wb, yb);
            gpu.forwardTrain(dx, n, dws, dy);
            assertWithin("forward train", toPointMajor(dy.toFloatArray(n * dout), n, dout), y, yb);

            float[] grad = new float[cpu.paramCount()];
            float[] gradB = new float[cpu.paramCount()];
            float[] in = new float[n * din];
            float[] inB = new float[n * din];
            cpu.backward(x, n, ws, dOut, grad, in);
            bound.backward(abs(x), n, wb, abs(dOut), gradB, inB);
            dParams.fill(0f);
            gpu.backward(dx, n, dws, dg, dParams, dIn);
            assertWithin("backward dParams", dParams.toFloatArray(), grad, gradB);
            assertWithin("backward dIn", toPointMajor(dIn.toFloatArray(n * din), n, din), in, inB);

            float[] g = new float[n * din];
            float[] gB = new float[n * din];
            cpu.inputGradient(x, n, ws, c, g);
            bound.inputGradient(abs(x), n, wb, abs(c), gB);
            gpu.inputGradient(dx, n, dws, c, dIn);
            assertWithin("input gradient", toPointMajor(dIn.toFloatArray(n * din), n, din), g, gB);

            Arrays.fill(grad, 0f);
            Arrays.fill(gradB, 0f);
            cpu.backwardInputGradient(x, n, ws, c, u, dOut, grad, in);
            bound.backwardInputGradient(abs(x), n, wb, abs(c), abs(u), abs(dOut), gradB, inB);
            dParams.fill(0f);
            gpu.backwardInputGradient(dx, n, dws, c, du, dg, dParams, dIn);
            assertWithin("second order dParams", dParams.toFloatArray(), grad, gradB);
            assertWithin("second order dIn", toPointMajor(dIn.toFloatArray(n * din), n, din), in, inB);
        }
    }
}
