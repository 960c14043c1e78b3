package org.isofield.fields.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.encodings.Encoding;
import org.isofield.encodings.grid.Interpolation;
import org.isofield.encodings.hashgrid.HashGridConfig;
import org.isofield.fields.mlp.Network;
import org.isofield.fields.train.NeuralField;
import org.isofield.fields.train.NeuralFieldConfig;
import org.junit.jupiter.api.Test;

/**
 * {@link DeviceNeuralField}'s batched evaluation (what {@code extract} and vertex normals use) against the CPU field,
 * over more points than one chunk holds, on a field with perturbed parameters (not the initial ones): values and
 * spatial gradients within {@code 1e-5 (|cpu| + scale)} where scale is the largest CPU magnitude, the encoding's
 * atomics-free forward and the MLP's fixed-order sums leaving only rounding in the order of the sums.
 */
abstract class FieldEvaluationParityContract {
    abstract ComputeDevice device();

    @Test
    void valuesAndGradientsMatchOverSeveralChunks() {
        NeuralFieldConfig d0 = NeuralFieldConfig.DEFAULT;
        NeuralFieldConfig config = new NeuralFieldConfig(new HashGridConfig(8, 2, 14, 16, 1.3703,
                Interpolation.LINEAR), d0.network(), d0.loss(), d0.optimizer(), d0.batchSize());
        NeuralField field = new NeuralField(config, 4);
        SplittableRandom r = new SplittableRandom(8);
        float[] e = field.encoding().params();
        for (int i = 0; i < e.length; i++) {
            e[i] = (float) (r.nextGaussian() * 0.05);
        }
        float[] w = field.network().params();
        for (int i = 0; i < w.length; i++) {
            w[i] *= (float) (1 + 0.5 * r.nextGaussian());
        }
        int n = DeviceNeuralField.CHUNK + 12_345;
        float[] xyz = new float[3 * n];
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = (float) r.nextDouble();
        }
        float[] want = new float[n];
        field.evaluate(xyz, n, want);
        float[] wantGrad = new float[3 * n];
        cpuGradients(field, xyz, n, wantGrad);
        float[] got = new float[n];
        float[] gotGrad = new float[3 * n];
        try (DeviceNeuralField d = new DeviceNeuralField(device(), field)) {
            d.evaluate(xyz, n, got);
            d.gradients(xyz, n, gotGrad);
        }
        assertClose("values", got, want);
        assertClose("gradients", gotGrad, wantGrad);
    }

    private static void cpuGradients(NeuralField field, float[] xyz, int n, float[] out) {
        Encoding enc = field.encoding();
        Network net = field.network();
        int dims = enc.outputDims();
        Network.Workspace ws = net.newWorkspace(n);
        float[] encoded = new float[n * dims];
        float[] netGrad = new float[n * dims];
        enc.encode(xyz, n, encoded);
        net.forwardTrain(encoded, n, ws, new float[n]);
        net.inputGradient(encoded, n, ws, new float[] {1f}, netGrad);
        enc.inputGradient(xyz, n, netGrad, out);
    }

    private static void assertClose(String what, float[] got, float[] want) {
        double scale = 0;
        for (float v : want) {
            scale = Math.max(scale, Math.abs(v));
        }
        int bad = 0;
        String first = null;
        for (int i = 0; i < want.length; i++) {
            double err = Math.abs((double) got[i] - want[i]);
            if (!(err <= 1e-5 * (Math.abs(want[i]) + scale))) {
                first = first != null ? first : "value " + i + ": device " + got[i] + ", cpu " + want[i];
                bad++;
            }
        }
        assertThat(bad).as(what + ": " + bad + " of " + want.length + " outside tolerance (first: " + first + ")")
                .isZero();
    }
}
