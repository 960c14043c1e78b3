package org.isofield.fields.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EikonalTermTest {
    /** A tiny smooth field (Softplus MLP) whose eikonal term is checked against finite differences. */
    static NeuralField tinyField() {
        NeuralFieldConfig c = NeuralFieldConfig.parse("{\"encoding\": {\"otype\": \"HashGrid\", \"n_levels\": 3,"
                + " \"log2_hashmap_size\": 8, \"base_resolution\": 3, \"per_level_scale\": 2.0},"
                + " \"network\": {\"otype\": \"FullyFusedMLP\", \"n_neurons\": 16, \"activation\": \"Softplus\"},"
                + " \"batch_size\": 64, \"eikonal_weight\": 1.0, \"eikonal_fraction\": 0.25}", "test");
        NeuralField f = new NeuralField(c, 5);
        SplittableRandom r = new SplittableRandom(6);
        float[] e = f.encoding().params();
        for (int i = 0; i < e.length; i++) {
            e[i] = (float) ((r.nextDouble() * 2 - 1) * 0.5);
        }
        return f;
    }

    private static double value(NeuralField f, float[] xyz, int n, float[] encGrad, float[] netGrad) {
        float[] encoded = new float[n * f.encoding().outputDims()];
        f.encoding().encode(xyz, n, encoded);
        return new EikonalTerm(1.0, 0.25).accumulate(f.encoding(), f.network(), xyz, encoded, n, encGrad, netGrad);
    }

    @Test
    void gradientsMatchFiniteDifferencesOfTheTerm() {
        NeuralField f = tinyField();
        int n = 64;
        SplittableRandom r = new SplittableRandom(7);
        float[] xyz = new float[3 * n];
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = (float) (0.05 + 0.9 * r.nextDouble());
        }
        float[] encGrad = new float[f.encoding().paramCount()];
        float[] netGrad = new float[f.network().paramCount()];
        double e0 = value(f, xyz, n, encGrad, netGrad);
        assertThat(e0).isPositive();
        int checked = 0;
        for (float[][] pair : new float[][][] {{f.encoding().params(), encGrad}, {f.network().params(), netGrad}}) {
            float[] p = pair[0];
            float[] g = pair[1];
            Integer[] order = new Integer[p.length];
            for (int i = 0; i < p.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Float.compare(Math.abs(g[b]), Math.abs(g[a])));
            for (int t = 0; t < 25; t++) {
                int j = order[t];
                float keep = p[j];
                float h = 1e-3f;
                p[j] = keep + h;
                double plus = value(f, xyz, n, new float[encGrad.length], new float[netGrad.length]);
                p[j] = keep - h;
                double minus = value(f, xyz, n, new float[encGrad.length], new float[netGrad.length]);
                p[j] = keep;
                double fd = (plus - minus) / (2 * h);
                assertThat(Math.abs(fd - g[j])).as("param %d: fd %s vs %s", j, fd, g[j])
                        .isLessThanOrEqualTo(2e-3 + 0.02 * Math.abs(fd));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(50);
    }

    @Test
    void usesAShareSpreadOverTheBatch() {
        EikonalTerm t = new EikonalTerm(0.1, 0.125);
        assertThat(t.sampleCount(65536)).isEqualTo(8192);
        assertThat(t.sampleCount(4)).isEqualTo(1);
        assertThat(new EikonalTerm(0.1, 1.0).sampleCount(100)).isEqualTo(100);
    }
}
