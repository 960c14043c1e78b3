package org.isofield.fields.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.isofield.core.ConfigException;
import org.isofield.core.config.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LossesTest {
    private static final int N = 50;
    private static final int DIMS = 3;

    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }

    /** Float64 value of one element's loss; RelativeL2's denominator uses {@code yFrozen}. */
    private static double element(ElementwiseLoss.Kind kind, double y, double d, double yFrozen) {
        double e = y - d;
        switch (kind) {
            case L1: return Math.abs(e);
            case L2: return e * e;
            case RELATIVE_L2: return e * e / (yFrozen * yFrozen + 0.01);
            case MAPE: return Math.abs(e) / (Math.abs(d) + 0.01);
            default: throw new AssertionError();
        }
    }

    @ParameterizedTest
    @EnumSource(ElementwiseLoss.Kind.class)
    void valueAndGradientMatchFloat64AndFiniteDifferences(ElementwiseLoss.Kind kind) {
        float[] y = random(N * DIMS, 1);
        float[] d = random(N * DIMS, 2);
        float[] grad = new float[N * DIMS];
        double value = new ElementwiseLoss(kind).evaluate(y, d, N, DIMS, grad);
        double expected = 0;
        for (int i = 0; i < y.length; i++) {
            expected += element(kind, y[i], d[i], y[i]);
        }
        expected /= y.length;
        assertThat(value).isCloseTo(expected, Offset.offset(1e-5 * Math.max(1, expected)));
        double h = 1e-6;
        for (int i = 0; i < y.length; i++) {
            double fd = (element(kind, y[i] + h, d[i], y[i]) - element(kind, y[i] - h, d[i],
                    y[i])) / (2 * h) / y.length;
            assertThat((double) grad[i]).as("element %d", i).isCloseTo(fd, Offset.offset(1e-5 * Math.max(1,
                    Math.abs(fd))));
        }
    }

    @Test
    void eikonalGradientMatchesFiniteDifferences() {
        float[] g = random(N * DIMS, 3);
        float[] dg = new float[N * DIMS];
        double w = 0.1;
        double value = Eikonal.evaluate(g, N, DIMS, w, dg);
        assertThat(value).isCloseTo(eikonal(g, w), Offset.offset(1e-9));
        for (int i = 0; i < g.length; i++) {
            float keep = g[i];
            g[i] = keep + 1e-3f;
            double plus = eikonal(g, w);
            double hp = (double) g[i] - keep;
            g[i] = keep - 1e-3f;
            double minus = eikonal(g, w);
            double hm = keep - (double) g[i];
            g[i] = keep;
            assertThat((double) dg[i]).isCloseTo((plus - minus) / (hp + hm), Offset.offset(1e-5));
        }
    }

    private static double eikonal(float[] g, double w) {
        double s = 0;
        for (int i = 0; i < N; i++) {
            double n2 = 0;
            for (int k = 0; k < DIMS; k++) {
                n2 += (double) g[i * DIMS + k] * g[i * DIMS + k];
            }
            s += (Math.sqrt(n2) - 1) * (Math.sqrt(n2) - 1);
        }
        return w * s / N;
    }

    @Test
    void registryParsesTinyCudaNnNames() {
        assertThat(Losses.names()).containsExactly("L1", "L2", "MAPE", "RelativeL2");
        assertThat(Losses.parse(Json.parse("{\"otype\": \"MAPE\"}", "t"), "$.loss")).isEqualTo(MapeConfig.DEFAULT);
        assertThat(Losses.parse(Json.parse("{\"otype\": \"relativel2\"}", "t"),
                "$.loss")).isEqualTo(RelativeL2Config.DEFAULT);
        assertThat(((ElementwiseLoss) Losses.create(L1Config.DEFAULT)).kind()).isEqualTo(ElementwiseLoss.Kind.L1);
        assertThat(Losses.registry().toJson(MapeConfig.DEFAULT).toString()).isEqualTo("{\"otype\":\"MAPE\"}");
    }

    @Test
    void unknownKeyIsRejectedWithItsPath() {
        assertThatThrownBy(() -> Losses.parse(Json.parse("{\"otype\": \"L2\", \"scale\": 2}", "t"), "$.loss"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("at $.loss: unknown key \"scale\" for L2");
    }
}
