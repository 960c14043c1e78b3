package org.isofield.fields.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.isofield.core.config.Json;
import org.junit.jupiter.api.Test;

class DenseAdamOptimizerTest {
    @Test
    void followsThePapersUpdateInDoublePrecision() {
        int n = 1000;
        SplittableRandom rnd = new SplittableRandom(3L);
        float[] w = new float[n];
        float[] ref = new float[n];
        double[] m = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = ref[i] = (float) rnd.nextGaussian();
        }
        DenseAdamOptimizer opt = new DenseAdamOptimizer(new DenseAdamConfig(0.05, 0.9, 0.999, 1e-8), n);
        float[] g = new float[n];
        for (int t = 1; t <= 20; t++) {
            for (int i = 0; i < n; i++) {
                g[i] = 2 * w[i] + (i % 3 == 0 ? 0f : (float) (0.1 * rnd.nextGaussian()));
            }
            double lr = 0.05 * Math.pow(0.5, t / 10);
            opt.setLearningRate(lr);
            opt.step(w, g);
            for (int i = 0; i < n; i++) {
                double mm = 0.9 * (float) m[i] + (1 - 0.9) * g[i];
                double vv = 0.999 * (float) v[i] + (1 - 0.999) * g[i] * g[i];
                m[i] = (float) mm;
                v[i] = (float) vv;
                ref[i] -= (float) (lr * (mm / (1 - Math.pow(0.9, t))) / (Math.sqrt(vv / (1 - Math.pow(0.999, t)))
                        + 1e-8));
            }
            assertThat(w).as("step %d", t).isEqualTo(ref);
        }
        assertThat(opt.stepCount()).isEqualTo(20);
        double norm = 0;
        for (float x : w) {
            norm += x * x;
        }
        assertThat(norm).as("it descends |w|^2").isLessThan(0.5 * n);
    }

    @Test
    void stateRoundTripsAndContinuesBitwise() {
        int n = 64;
        float[] a = ramp(n, 0, 0.1f);
        float[] g = ramp(n, -32, 0.01f);
        DenseAdamOptimizer one = new DenseAdamOptimizer(DenseAdamConfig.DEFAULT, n);
        one.step(a, g);
        Map<String, float[]> state = new HashMap<>();
        one.saveState("", a, state);
        float[] b = a.clone();
        DenseAdamOptimizer two = new DenseAdamOptimizer(DenseAdamConfig.DEFAULT, n);
        two.restoreState("", b, state);
        assertThat(state).isEmpty();
        one.step(a, g);
        two.step(b, g);
        assertThat(b).isEqualTo(a);
        Map<String, float[]> bad = new HashMap<>();
        one.saveState("", a, bad);
        bad.get("dense_adam.second_moments")[5] = -1;
        assertThatThrownBy(() -> new DenseAdamOptimizer(DenseAdamConfig.DEFAULT, n).restoreState("", b, bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("second_moments")
                .hasMessageContaining("index 5");
    }

    /** {@code (first + i) * step} for i in [0, n). */
    private static float[] ramp(int n, int first, float step) {
        float[] r = new float[n];
        for (int i = 0; i < n; i++) {
            r[i] = (first + i) * step;
        }
        return r;
    }

    @Test
    void isRegisteredAndParsesOverItsDefaults() {
        OptimizerConfig c = Optimizers.parse(Json.parse("{\"otype\": \"denseadam\", \"learning_rate\": 0.5}", "t"),
                "$");
        assertThat(c).isEqualTo(new DenseAdamConfig(0.5, 0.9, 0.999, 1e-8));
        Optimizer o = Optimizers.create(c, List.of(ParameterGroup.of("p", 0, 4, ParameterGroup.Kind.GRID)), 4);
        assertThat(o).isInstanceOf(DenseAdamOptimizer.class);
    }
}
