package org.isofield.reconstruction.neuralpull;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.isofield.encodings.grid.Interpolation;
import org.isofield.encodings.hashgrid.HashGridConfig;
import org.isofield.fields.loss.MapeConfig;
import org.isofield.fields.mlp.Activation;
import org.isofield.fields.mlp.MlpConfig;
import org.isofield.fields.optim.AdamConfig;
import org.isofield.fields.train.NeuralField;
import org.isofield.fields.train.NeuralFieldConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pull loss's gradient (through the field value and its gradient, second order) against finite differences. */
class PullLossTest {
    /** A small seeded field with weights and table entries large enough that every term matters. */
    static NeuralField smallField(long seed) {
        NeuralFieldConfig c = new NeuralFieldConfig(new HashGridConfig(3, 2, 10, 4, 2.0, Interpolation.LINEAR),
                new MlpConfig(16, 2, Activation.SOFTPLUS, Activation.NONE), MapeConfig.DEFAULT, AdamConfig.DEFAULT, 64);
        NeuralField f = new NeuralField(c, seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] e = f.encoding().params();
        for (int i = 0; i < e.length; i++) {
            e[i] = (float) (rnd.nextDouble() - 0.5);
        }
        return f;
    }

    @ParameterizedTest
    @CsvSource({"1, 0.0, 0.0", "2, 0.0, 0.0", "3, 0.5, 0.0", "4, 0.0, 2.0"})
    void gradientMatchesFiniteDifferencesForBothBlocks(long seed, double eikonal, double surface) {
        NeuralField f = smallField(seed);
        int n = 24;
        SplittableRandom rnd = new SplittableRandom(seed + 100);
        float[] q = new float[3 * n];
        float[] t = new float[3 * n];
        for (int i = 0; i < 3 * n; i++) {
            q[i] = (float) (0.2 + 0.6 * rnd.nextDouble());
            t[i] = (float) (q[i] + 0.1 * (rnd.nextDouble() - 0.5));
        }
        PullLoss loss = new PullLoss(f, eikonal, surface);
        float[] eg = new float[f.encoding().paramCount()];
        float[] ng = new float[f.network().paramCount()];
        double value = loss.accumulate(q, t, n, eg, ng)[0];
        assertThat(value).isPositive();
        checkBlock(f, loss, q, t, n, eikonal, surface, f.network().params(), ng, rnd);
        checkBlock(f, loss, q, t, n, eikonal, surface, f.encoding().params(), eg, rnd);
    }

    private static void checkBlock(NeuralField f, PullLoss loss, float[] q, float[] t, int n, double eikonal,
                                   double surface, float[] params, float[] grad, SplittableRandom rnd) {
        int checked = 0;
        double maxErr = 0;
        double maxGrad = 0;
        for (float g : grad) {
            maxGrad = Math.max(maxGrad, Math.abs(g));
        }
        assertThat(maxGrad).as("some gradient").isPositive();
        for (int tries = 0; checked < 12 && tries < 4000; tries++) {
            int j = rnd.nextInt(params.length);
            if (grad[j] == 0 && tries < 3000) {
                continue;
            }
            float saved = params[j];
            double h = 1e-3 * Math.max(1, Math.abs(saved));
            params[j] = (float) (saved + h);
            double up = total(f, q, t, n, eikonal, surface);
            params[j] = (float) (saved - h);
            double down = total(f, q, t, n, eikonal, surface);
            params[j] = saved;
            double fd = (up - down) / (2 * h);
            maxErr = Math.max(maxErr, Math.abs(fd - grad[j]));
            assertThat((double) grad[j]).as("parameter " + j + " of " + params.length)
                    .isCloseTo(fd, Offset.offset(2e-3 * maxGrad + 1e-5));
            checked++;
        }
        assertThat(checked).isEqualTo(12);
    }

    private static double total(NeuralField f, float[] q, float[] t, int n, double eikonal, double surface) {
        float[] eg = new float[f.encoding().paramCount()];
        float[] ng = new float[f.network().paramCount()];
        return new PullLoss(f, eikonal, surface).accumulate(q, t, n, eg, ng)[0];
    }
}
