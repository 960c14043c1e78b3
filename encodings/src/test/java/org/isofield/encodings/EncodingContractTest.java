package org.isofield.encodings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.isofield.core.ConfigException;
import org.isofield.core.Parallel;
import org.isofield.core.config.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registered encoding: shapes, JSON round trip, gradients against finite differences, thread independence. */
class EncodingContractTest {
    /** Overrides that make any encoding small and coarse enough for finite differences (only keys it has). */
    private static final Map<String, Object> SMALL = Map.of("n_levels", 4, "log2_hashmap_size", 10,
            "base_resolution", 4, "per_level_scale", 1.5, "n_frequencies", 4);

    static List<String> names() {
        return List.copyOf(Encodings.names());
    }

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(0);
    }

    private static EncodingConfig small(String name) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("otype", name);
        for (String key : Encodings.registry().entry(name, "$").keys()) {
            Object v = SMALL.get(key);
            if (v instanceof Integer i) {
                node.put(key, i);
            } else if (v instanceof Double d) {
                node.put(key, d);
            }
        }
        return Encodings.registry().parse(node, "$.encoding");
    }

    private static Encoding randomized(String name, int dims, long seed) {
        Encoding e = Encodings.create(small(name), dims);
        SplittableRandom r = new SplittableRandom(seed);
        float[] p = e.params();
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return e;
    }

    private static float[] uniform(int count, long seed, double lo, double hi) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[count];
        for (int i = 0; i < count; i++) {
            a[i] = (float) (lo + (hi - lo) * r.nextDouble());
        }
        return a;
    }

    @Test
    void allFourEncodingsAreRegistered() {
        assertThat(Encodings.names()).containsExactly("DenseGrid", "Frequency", "HashGrid", "SimplexGrid");
    }

    @ParameterizedTest
    @MethodSource("names")
    void defaultsAndSmallConfigsRoundTripThroughJson(String name) {
        for (EncodingConfig c : List.of(Encodings.registry().defaults(name), small(name))) {
            JsonNode json = Encodings.registry().toJson(c);
            assertThat(json.get("otype").asText()).isEqualTo(name);
            JsonNode reparsed = Json.parse(json.toString(), "round trip");
            assertThat(Encodings.registry().parse(reparsed)).isEqualTo(c);
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void unknownKeyIsRejectedWithItsPath(String name) {
        JsonNode node = Json.parse("{\"otype\": \"" + name + "\", \"n_levelz\": 3}", "test");
        assertThatThrownBy(() -> Encodings.registry().parse(node, "$.encoding"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("at $.encoding: unknown key \"n_levelz\" for " + name);
        String first = Encodings.registry().entry(name, "$").keys().get(0);
        JsonNode bad = Json.parse("{\"otype\": \"" + name + "\", \"" + first + "\": 0}", "test");
        assertThatThrownBy(() -> Encodings.create(bad, 3))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("at $." + first + ":");
    }

    @ParameterizedTest
    @MethodSource("names")
    void shapesAreConsistent(String name) {
        for (int dims = 1; dims <= 4; dims++) {
            Encoding e = Encodings.create(small(name), dims);
            assertThat(e.inputDims()).isEqualTo(dims);
            assertThat(e.params()).hasSize(e.paramCount());
            int n = 37;
            float[] out = new float[n * e.outputDims()];
            Arrays.fill(out, Float.NaN);
            e.initialize(7);
            e.encode(uniform(n * dims, dims, 0, 1), n, out);
            for (float v : out) {
                assertThat(v).isFinite();
            }
            float[] tooShort = new float[2 * dims - 1];
            assertThatThrownBy(() -> e.encode(tooShort, 2, new float[2 * e.outputDims()]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void inputGradientMatchesFiniteDifferences(String name) {
        int dims = 3;
        Encoding e = randomized(name, dims, 1);
        int od = e.outputDims();
        int n = 40;
        float[] x = uniform(n * dims, 2, 0.05, 0.95);
        float[] v = uniform(n * od, 3, -1, 1);
        float[] g = new float[n * dims];
        e.inputGradient(x, n, v, g);
        float h = 1e-3f;
        int checked = 0;
        for (int i = 0; i < n; i++) {
            float[] xi = Arrays.copyOfRange(x, i * dims, (i + 1) * dims);
            float[] vi = Arrays.copyOfRange(v, i * od, (i + 1) * od);
            for (int j = 0; j < dims; j++) {
                float[] xp = xi.clone();
                float[] xm = xi.clone();
                xp[j] += h;
                xm[j] -= h;
                // Grids are only piecewise smooth: compare only where no cell or simplex face lies within h.
                float[] gp = new float[dims];
                float[] gm = new float[dims];
                e.inputGradient(xp, 1, vi, gp);
                e.inputGradient(xm, 1, vi, gm);
                double scale = 1 + Math.abs(g[i * dims + j]);
                if (Math.abs(gp[j] - gm[j]) > 0.05 * scale) {
                    continue;
                }
                double fd = (loss(e, xp, vi) - loss(e, xm, vi)) / (xp[j] - xm[j]);
                assertThat(fd).as("%s point %d d/dx%d", name, i, j).isCloseTo(g[i * dims + j], within(0.03 * scale));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(n * dims / 3);
    }

    private static double loss(Encoding e, float[] x, float[] v) {
        float[] y = new float[e.outputDims()];
        e.encode(x, 1, y);
        double s = 0;
        for (int k = 0; k < y.length; k++) {
            s += (double) y[k] * v[k];
        }
        return s;
    }

    @ParameterizedTest
    @MethodSource("names")
    void parameterGradientMatchesFiniteDifferences(String name) {
        int dims = 3;
        Encoding e = randomized(name, dims, 4);
        int n = 8;
        float[] x = uniform(n * dims, 5, 0, 1);
        float[] v = uniform(n * e.outputDims(), 6, -1, 1);
        float[] grad = new float[e.paramCount()];
        e.backward(x, n, v, grad);
        float[] p = e.params();
        SplittableRandom r = new SplittableRandom(7);
        for (int trial = 0; trial < Math.min(30, p.length); trial++) {
            // Half the probes on entries with a gradient (found by scanning), half anywhere.
            int q = r.nextInt(p.length);
            if (trial % 2 == 0) {
                for (int k = 0; k < p.length && grad[q] == 0; k++) {
                    q = (q + 1) % p.length;
                }
            }
            float saved = p[q];
            p[q] = saved + 0.5f;
            double up = 0;
            double down = 0;
            for (int i = 0; i < n; i++) {
                up += loss(e, Arrays.copyOfRange(x, i * dims, (i + 1) * dims),
                        Arrays.copyOfRange(v, i * e.outputDims(), (i + 1) * e.outputDims()));
            }
            p[q] = saved - 0.5f;
            for (int i = 0; i < n; i++) {
                down += loss(e, Arrays.copyOfRange(x, i * dims, (i + 1) * dims),
                        Arrays.copyOfRange(v, i * e.outputDims(), (i + 1) * e.outputDims()));
            }
            p[q] = saved;
            assertThat((double) grad[q]).as("%s param %d", name, q).isCloseTo(up - down, within(1e-4));
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void jacobianVectorProductIsTheAdjointOfTheInputGradient(String name) {
        int dims = 3;
        Encoding e = randomized(name, dims, 8);
        int od = e.outputDims();
        int n = 50;
        float[] x = uniform(n * dims, 9, 0, 1);
        float[] v = uniform(n * od, 10, -1, 1);
        float[] u = uniform(n * dims, 11, -1, 1);
        float[] jtv = new float[n * dims];
        float[] ju = new float[n * od];
        e.inputGradient(x, n, v, jtv);
        e.jacobianVectorProduct(x, n, u, ju);
        for (int i = 0; i < n; i++) {
            double a = 0;
            double b = 0;
            double mag = 0;
            for (int k = 0; k < od; k++) {
                a += (double) v[i * od + k] * ju[i * od + k];
                mag += Math.abs((double) v[i * od + k] * ju[i * od + k]);
            }
            for (int j = 0; j < dims; j++) {
                b += (double) u[i * dims + j] * jtv[i * dims + j];
            }
            assertThat(a).as("%s point %d", name, i).isCloseTo(b, within(1e-4 * (1 + mag)));
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void backwardInputGradientMatchesTheInputGradientOfUnitTables(String name) {
        int dims = 3;
        Encoding e = randomized(name, dims, 12);
        if (e.paramCount() == 0) {
            return;
        }
        int od = e.outputDims();
        int n = 6;
        float[] x = uniform(n * dims, 13, 0, 1);
        float[] v = uniform(n * od, 14, -1, 1);
        float[] u = uniform(n * dims, 15, -1, 1);
        float[] grad = new float[e.paramCount()];
        e.backwardInputGradient(x, n, v, u, grad);
        // u . (J^T v) is linear in the parameters: its derivative along parameter q is its value with p = e_q.
        float[] p = e.params();
        float[] saved = p.clone();
        SplittableRandom r = new SplittableRandom(16);
        for (int trial = 0; trial < 20; trial++) {
            int q = r.nextInt(p.length);
            for (int k = 0; k < p.length && grad[q] == 0 && trial % 2 == 0; k++) {
                q = (q + 1) % p.length;
            }
            Arrays.fill(p, 0f);
            p[q] = 1f;
            float[] jtv = new float[n * dims];
            e.inputGradient(x, n, v, jtv);
            double expected = 0;
            for (int i = 0; i < n * dims; i++) {
                expected += (double) u[i] * jtv[i];
            }
            assertThat((double) grad[q]).as("%s param %d", name, q)
                    .isCloseTo(expected, within(1e-4 * (1 + Math.abs(expected))));
        }
        System.arraycopy(saved, 0, p, 0, p.length);
    }

    @ParameterizedTest
    @MethodSource("names")
    void resultsDoNotDependOnTheThreadCount(String name) {
        int dims = 3;
        int n = 9000;
        float[][] one = run(name, dims, n, 1);
        float[][] two = run(name, dims, n, 2);
        for (int k = 0; k < one.length; k++) {
            assertThat(two[k]).as("%s array %d", name, k).isEqualTo(one[k]);
        }
    }

    private static float[][] run(String name, int dims, int n, int threads) {
        Parallel.setThreads(threads);
        Encoding e = Encodings.create(small(name), dims);
        e.initialize(99);
        float[] x = uniform(n * dims, 17, 0, 1);
        float[] v = uniform(n * e.outputDims(), 18, -1, 1);
        float[] u = uniform(n * dims, 19, -1, 1);
        float[] out = new float[n * e.outputDims()];
        float[] grad = new float[e.paramCount()];
        float[] dIn = new float[n * dims];
        float[] jvp = new float[n * e.outputDims()];
        e.encode(x, n, out);
        e.backward(x, n, v, grad);
        e.inputGradient(x, n, v, dIn);
        e.jacobianVectorProduct(x, n, u, jvp);
        e.backwardInputGradient(x, n, v, u, grad);
        return new float[][] {out, grad, dIn, jvp, e.params().clone()};
    }
}
