package org.isofield.fields.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.isofield.core.ConfigException;
import org.isofield.core.config.Configs;
import org.isofield.core.config.Json;
import org.junit.jupiter.api.Test;

class OptimizersTest {
    private static final int MATRIX = 100;
    private static final int GRID = 200;
    private static final List<ParameterGroup> GROUPS = List.of(
            ParameterGroup.of("mlp", 0, MATRIX, ParameterGroup.Kind.MATRIX),
            new ParameterGroup("grid", MATRIX, GRID, ParameterGroup.Kind.GRID, 10f));

    private static float[] random(int n, long seed, double zeroFraction) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble() < zeroFraction ? 0f : (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }

    @Test
    void adamStepsMatchFloat64Formulas() {
        AdamConfig cfg = new AdamConfig(1e-2, 0.9, 0.99, 1e-15, 1e-6);
        int n = MATRIX + GRID;
        float[] w = random(n, 1, 0);
        AdamOptimizer adam = new AdamOptimizer(cfg, GROUPS, n);
        double[] rw = new double[n];
        double[] rm = new double[n];
        double[] rv = new double[n];
        int[] rk = new int[n];
        for (int i = 0; i < n; i++) {
            rw[i] = w[i];
        }
        for (int step = 1; step <= 3; step++) {
            float[] g = random(n, 10 + step, 0.3);
            adam.step(w, g);
            for (int i = 0; i < n; i++) {
                boolean grid = i >= MATRIX;
                double gi = g[i];
                if (grid && gi == 0) {
                    continue;
                }
                if (!grid) {
                    gi += 1e-6 * rw[i];
                }
                rm[i] = 0.9 * rm[i] + 0.1 * gi;
                rv[i] = 0.99 * rv[i] + 0.01 * gi * gi;
                int k = ++rk[i];
                double lr = 1e-2 * (grid ? 10 : 1) * Math.sqrt(1 - Math.pow(0.99, k)) / (1 - Math.pow(0.9, k));
                rw[i] -= lr / (Math.sqrt(rv[i]) + 1e-15) * rm[i];
            }
            for (int i = 0; i < n; i++) {
                assertThat((double) w[i]).as("step %d entry %d", step, i)
                        .isCloseTo(rw[i], Offset.offset(1e-6 + 1e-5 * Math.abs(rw[i])));
                assertThat(adam.paramSteps()[i]).isEqualTo(rk[i]);
            }
        }
        assertThat(adam.stepCount()).isEqualTo(3);
        int skipped = 0;
        for (int i = MATRIX; i < n; i++) {
            skipped += adam.paramSteps()[i] < 3 ? 1 : 0;
        }
        assertThat(skipped).as("grid entries with a zero gradient in some step").isPositive();
        for (int i = 0; i < MATRIX; i++) {
            assertThat(adam.paramSteps()[i]).as("matrix entries are never skipped").isEqualTo(3);
        }
    }

    @Test
    void emaIsTheBiasCorrectedAverage() {
        int n = MATRIX + GRID;
        float[] w = random(n, 2, 0);
        Optimizer opt = Optimizers.create(new EmaConfig(0.9, Configs.with(AdamConfig.DEFAULT, "learning_rate", 1e-2)),
                GROUPS, n);
        assertThat(opt.inferenceParams(w)).isSameAs(w);
        double[] sum = new double[n];
        double weight = 0;
        for (int t = 1; t <= 4; t++) {
            opt.step(w, random(n, 20 + t, 0));
            weight = weight * 0.9 + 0.1;
            for (int i = 0; i < n; i++) {
                sum[i] = sum[i] * 0.9 + 0.1 * w[i];
            }
        }
        float[] ema = opt.inferenceParams(w);
        for (int i = 0; i < n; i++) {
            assertThat((double) ema[i]).isCloseTo(sum[i] / weight, Offset.offset(1e-5));
        }
    }

    @Test
    void exponentialDecayFollowsTinyCudaNnSchedule() {
        int n = MATRIX + GRID;
        Optimizer opt = Optimizers.create(new ExponentialDecayConfig(0.5, 3, 2, 100, AdamConfig.DEFAULT), GROUPS, n);
        float[] w = new float[n];
        float[] g = random(n, 3, 0);
        double[] expected = {1, 1, 0.5, 0.5, 0.5, 0.25, 0.25};
        for (double factor : expected) {
            opt.step(w, g);
            assertThat(opt.learningRate()).isCloseTo(1e-4 * factor, Offset.offset(1e-12));
        }
    }

    @Test
    void instantNgpSdfOptimizerBlockParsesNested() {
        String json = "{\"otype\": \"Ema\", \"decay\": 0.95, \"nested\": {\"otype\": \"ExponentialDecay\","
                + " \"decay_start\": 10000, \"decay_interval\": 5000, \"decay_base\": 0.33,"
                + " \"nested\": {\"otype\": \"Adam\", \"learning_rate\": 1e-4, \"beta1\": 0.9, \"beta2\": 0.99,"
                + " \"epsilon\": 1e-15, \"l2_reg\": 1e-6}}}";
        OptimizerConfig c = Optimizers.parse(Json.parse(json, "t"), "$.optimizer");
        assertThat(c).isEqualTo(Optimizers.SDF_DEFAULT);
        assertThat(Optimizers.parse(Optimizers.registry().toJson(c), "$.optimizer")).isEqualTo(c);
        assertThat(Optimizers.create(c, GROUPS, MATRIX + GRID)).isInstanceOf(EmaOptimizer.class);
    }

    @Test
    void unknownNestedKeyIsRejectedWithItsPath() {
        String json = "{\"otype\": \"Ema\", \"nested\": {\"otype\": \"Adam\", \"beta3\": 0.5}}";
        assertThatThrownBy(() -> Optimizers.parse(Json.parse(json, "t"), "$.optimizer"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("at $.optimizer.nested: unknown key \"beta3\" for Adam");
    }

    @Test
    void outOfRangeValueNamesItsKey() {
        assertThatThrownBy(() -> Optimizers.parse(Json.parse("{\"otype\": \"Adam\", \"beta2\": 1.5}", "t"),
                "$.optimizer"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("at $.optimizer.beta2:");
    }

    @Test
    void groupsMustTileTheParameters() {
        assertThatThrownBy(() -> new AdamOptimizer(AdamConfig.DEFAULT, GROUPS, 500))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cover 300");
    }
}
