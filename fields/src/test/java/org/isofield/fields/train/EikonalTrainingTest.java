package org.isofield.fields.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.isofield.core.ConfigException;
import org.isofield.core.Progress;
import org.junit.jupiter.api.Test;

class EikonalTrainingTest {
    /** A small field: 6 levels of 2^12 entries, a 32x2 ReLU MLP, L2 loss, plain Adam at 1e-2, batch 2048. */
    static NeuralFieldConfig small(double eikonalWeight) {
        return NeuralFieldConfig.parse("{\"encoding\": {\"otype\": \"HashGrid\", \"n_levels\": 6,"
                + " \"log2_hashmap_size\": 12, \"base_resolution\": 4, \"per_level_scale\": 1.5},"
                + " \"network\": {\"otype\": \"FullyFusedMLP\", \"n_neurons\": 32},"
                + " \"loss\": {\"otype\": \"L2\"},"
                + " \"optimizer\": {\"otype\": \"Adam\", \"learning_rate\": 0.01},"
                + " \"batch_size\": 2048, \"eikonal_weight\": " + eikonalWeight + ", \"eikonal_fraction\": 0.25}",
                "test");
    }

    /** Mean of ||grad f| - 1| over fixed points of the cube, by central differences of the field. */
    static double eikonalError(NeuralField f) {
        int n = 2000;
        double h = 1e-3;
        SplittableRandom r = new SplittableRandom(99);
        float[] p = new float[3 * n * 6];
        for (int i = 0; i < n; i++) {
            double[] c = {0.1 + 0.8 * r.nextDouble(), 0.1 + 0.8 * r.nextDouble(), 0.1 + 0.8 * r.nextDouble()};
            for (int a = 0; a < 3; a++) {
                for (int sign = 0; sign < 2; sign++) {
                    int row = (i * 6 + 2 * a + sign) * 3;
                    for (int k = 0; k < 3; k++) {
                        p[row + k] = (float) (c[k] + (k == a ? (sign == 0 ? h : -h) : 0));
                    }
                }
            }
        }
        float[] v = new float[n * 6];
        f.evaluate(p, n * 6, v);
        double err = 0;
        for (int i = 0; i < n; i++) {
            double norm2 = 0;
            for (int a = 0; a < 3; a++) {
                double g = (v[i * 6 + 2 * a] - v[i * 6 + 2 * a + 1]) / (2 * h);
                norm2 += g * g;
            }
            err += Math.abs(Math.sqrt(norm2) - 1);
        }
        return err / n;
    }

    static double fit(double eikonalWeight) {
        Trainer t = new Trainer(new NeuralField(small(eikonalWeight), 3));
        t.train(TrainerTest.sphere(2048, 4, Long.MAX_VALUE), 150, Progress.NONE);
        return eikonalError(t.inferenceField());
    }

    @Test
    void eikonalTermBringsTheGradientNormCloserToOne() {
        double off = fit(0);
        double on = fit(0.1);
        assertThat(on).as("mean ||grad f| - 1| with the term (%s) vs without (%s)", on, off).isLessThan(0.7 * off);
    }

    @Test
    void defaultConfigHasNoEikonalTermAndKeysRoundTrip() {
        assertThat(NeuralFieldConfig.DEFAULT.eikonalWeight()).isZero();
        NeuralFieldConfig c = NeuralFieldConfig.load(null, List.of("eikonal_weight=0.1",
                "eikonal_fraction=0.5"));
        assertThat(c.eikonalWeight()).isEqualTo(0.1);
        assertThat(c.eikonalFraction()).isEqualTo(0.5);
        assertThat(NeuralFieldConfig.parse(c.toJsonText(), "test")).isEqualTo(c);
    }

    @Test
    void badEikonalValuesAreConfigErrors() {
        assertThatThrownBy(() -> NeuralFieldConfig.load(null, List.of("eikonal_weight=-1")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).jsonPath()).isEqualTo("$.eikonal_weight"));
        assertThatThrownBy(() -> NeuralFieldConfig.load(null, List.of("eikonal_fraction=0")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).jsonPath()).isEqualTo("$.eikonal_fraction"));
        assertThatThrownBy(() -> NeuralFieldConfig.load(null, List.of("eikonal_weight=\"high\"")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).jsonPath()).isEqualTo("$.eikonal_weight"));
    }

    @Test
    void stepLossIncludesTheTerm() {
        NeuralField a = new NeuralField(small(0), 5);
        NeuralField b = new NeuralField(small(1.0), 5);
        float[] xyz = new float[3 * 2048];
        float[] target = new float[2048];
        TrainerTest.sphere(2048, 6, Long.MAX_VALUE).next(xyz, target);
        double plain = new Trainer(a).step(xyz, target, 2048);
        double with = new Trainer(b).step(xyz, target, 2048);
        // an untrained field is nearly constant, so |grad f| is near 0 and the term near its weight
        assertThat(with - plain).isBetween(0.5, 1.0);
    }
}
