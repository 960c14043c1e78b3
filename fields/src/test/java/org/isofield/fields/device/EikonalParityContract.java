package org.isofield.fields.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isofield.fields.device.Parity.assertWithin;

import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.DeviceArray;
import org.isofield.fields.loss.Eikonal;
import org.isofield.fields.loss.ElementwiseLoss;
import org.isofield.fields.loss.L1Config;
import org.isofield.fields.loss.L2Config;
import org.isofield.fields.loss.LossConfig;
import org.isofield.fields.loss.Losses;
import org.isofield.fields.loss.MapeConfig;
import org.isofield.fields.loss.RelativeL2Config;
import org.junit.jupiter.api.Test;

/** The loss kernels against {@link ElementwiseLoss} and {@link Eikonal}: gradients bitwise or within tolerance. */
abstract class EikonalParityContract {
    abstract ComputeDevice device();

    @Test
    void elementwiseLossGradientsAreBitwiseAndValuesClose() {
        int n = 5000;
        float[] y = Parity.gaussian(n, 1, 0.1);
        float[] d = Parity.gaussian(n, 2, 0.1);
        y[0] = d[0];
        for (LossConfig c : new LossConfig[] {L1Config.DEFAULT, L2Config.DEFAULT, RelativeL2Config.DEFAULT,
            MapeConfig.DEFAULT}) {
            float[] g = new float[n];
            double v = Losses.create(c).evaluate(y, d, n, 1, g);
            try (DeviceLoss loss = new DeviceLoss(device(), c); DeviceArray dy = device().upload(y, "y");
                 DeviceArray dd = device().upload(d, "d"); DeviceArray dg = device().allocateFloats(n, "g")) {
                double dv = loss.evaluate(dy, dd, n, dg);
                assertThat(dg.toFloatArray()).as(c.otype() + " gradient").containsExactly(g);
                assertThat(Math.abs(dv - v)).as(c.otype() + " value").isLessThanOrEqualTo(2e-5 * v);
            }
        }
    }

    @Test
    void eikonalTermMatchesItsTwinNearTheUnitSphere() {
        int k = 4000;
        float[] g = Parity.gaussian(3 * k, 3, 1.0);
        for (int i = 0; i < k; i++) {
            double norm = Math.sqrt(g[3 * i] * g[3 * i] + g[3 * i + 1] * g[3 * i + 1] + g[3 * i + 2] * g[3 * i + 2]);
            double target = i % 2 == 0 ? 1 + 1e-4 * (i % 7 - 3) : 0.5 + i % 3;
            for (int a = 0; a < 3; a++) {
                g[3 * i + a] = (float) (g[3 * i + a] * target / norm);
            }
        }
        float[] v = new float[3 * k];
        double value = Eikonal.evaluate(g, k, 3, 0.1, v);
        try (DeviceLoss loss = new DeviceLoss(device(), null); DeviceArray dg = device().upload(g, "g");
             DeviceArray dv = device().allocateFloats(3L * k, "v")) {
            double got = loss.eikonal(dg, k, 0.1, dv);
            assertThat(Math.abs(got - value)).isLessThanOrEqualTo(1e-5 * value);
            float[] scale = new float[3 * k];
            for (int i = 0; i < 3 * k; i++) {
                scale[i] = (float) (2 * 0.1 / k * Math.abs(g[i]));
            }
            assertWithin("eikonal gradient", dv.toFloatArray(), v, scale);
        }
    }
}
