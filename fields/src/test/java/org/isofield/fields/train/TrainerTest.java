package org.isofield.fields.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.isofield.core.CancelledException;
import org.isofield.core.NumericalException;
import org.isofield.core.Progress;
import org.junit.jupiter.api.Test;

class TrainerTest {
    /** A small field: 8 levels, 2^14 table, batch 2^12, Adam at 1e-2. */
    static NeuralFieldConfig small(String... more) {
        List<String> sets = new ArrayList<>(List.of("encoding.n_levels=8", "encoding.log2_hashmap_size=14",
                "optimizer.nested.nested.learning_rate=0.01", "batch_size=4096"));
        sets.addAll(List.of(more));
        return NeuralFieldConfig.load(null, sets);
    }

    /** Uniform points with the signed distance to a sphere of radius 0.3 at the centre; NaN targets from a step. */
    static BatchSource sphere(int n, long seed, long nanFromStep) {
        return new BatchSource() {
            final SplittableRandom rnd = new SplittableRandom(seed);
            long step;

            @Override
            public int batchSize() {
                return n;
            }

            @Override
            public void next(float[] p, float[] t) {
                for (int i = 0; i < n; i++) {
                    double x = rnd.nextDouble(), y = rnd.nextDouble(), z = rnd.nextDouble();
                    p[3 * i] = (float) x;
                    p[3 * i + 1] = (float) y;
                    p[3 * i + 2] = (float) z;
                    double d = Math.sqrt((x - .5) * (x - .5) + (y - .5) * (y - .5) + (z - .5) * (z - .5)) - 0.3;
                    t[i] = step >= nanFromStep && i == 7 ? Float.NaN : (float) d;
                }
                step++;
            }
        };
    }

    @Test
    void lossDecreasesOnASphere() {
        Trainer t = new Trainer(new NeuralField(small(), 1));
        TrainingResult r = t.train(sphere(4096, 2, Long.MAX_VALUE), 200, Progress.NONE);
        assertThat(r.steps()).isEqualTo(200);
        assertThat(r.finalLoss()).isLessThan(0.5);
        NeuralField f = t.inferenceField();
        float[] out = new float[2];
        f.evaluate(new float[] {.5f, .5f, .5f, .02f, .02f, .02f}, 2, out);
        assertThat(out[0]).isNegative();
        assertThat(out[1]).isPositive();
    }

    @Test
    void sameSeedSameParameters() {
        Trainer a = new Trainer(new NeuralField(small(), 5));
        Trainer b = new Trainer(new NeuralField(small(), 5));
        a.train(sphere(4096, 9, Long.MAX_VALUE), 20, Progress.NONE);
        b.train(sphere(4096, 9, Long.MAX_VALUE), 20, Progress.NONE);
        assertThat(Arrays.equals(a.field().blocks().get("encoding"), b.field().blocks().get("encoding")))
                .as("encoding parameters equal").isTrue();
        assertThat(Arrays.equals(a.field().blocks().get("network"), b.field().blocks().get("network")))
                .as("network parameters equal").isTrue();
    }

    @Test
    void nanTargetsStopWithTheStepAndLastFiniteLoss() {
        Trainer t = new Trainer(new NeuralField(small(), 1));
        assertThatThrownBy(() -> t.train(sphere(4096, 3, 5), 20, Progress.NONE))
                .isInstanceOf(NumericalException.class)
                .satisfies(e -> assertThat(((NumericalException) e).step()).isEqualTo(5))
                .hasMessageContaining("loss became NaN")
                .hasMessageContaining("at step 4");
    }

    @Test
    void hugeLearningRateStopsWithNumericalException() {
        Trainer t = new Trainer(new NeuralField(small("optimizer.nested.nested.learning_rate=1e30"), 1));
        assertThatThrownBy(() -> t.train(sphere(4096, 3, Long.MAX_VALUE), 50, Progress.NONE))
                .isInstanceOf(NumericalException.class)
                .hasMessageContaining("last finite loss");
    }

    @Test
    void cancelStopsTraining() {
        Trainer t = new Trainer(new NeuralField(small(), 1));
        assertThatThrownBy(() -> t.train(sphere(4096, 3, Long.MAX_VALUE), 1000, (phase, f) -> false))
                .isInstanceOf(CancelledException.class);
        assertThat(t.step()).isLessThan(1000);
    }

    @Test
    void blocksRoundTrip() {
        NeuralField a = new NeuralField(small(), 3);
        NeuralField b = NeuralField.of(small(), a.blocks());
        float[] xyz = {.1f, .2f, .3f, .7f, .6f, .5f};
        float[] oa = new float[2];
        float[] ob = new float[2];
        a.evaluate(xyz, 2, oa);
        b.evaluate(xyz, 2, ob);
        assertThat(ob).containsExactly(oa);
    }

    @Test
    void evaluateInChunksMatchesSmallBatches() {
        NeuralField f = new NeuralField(small(), 4);
        int n = NeuralField.CHUNK + 5;
        float[] xyz = new float[3 * n];
        SplittableRandom rnd = new SplittableRandom(8);
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = (float) rnd.nextDouble();
        }
        float[] all = new float[n];
        f.evaluate(xyz, n, all);
        float[] tail = new float[5];
        f.evaluate(Arrays.copyOfRange(xyz, 3 * (n - 5), 3 * n), 5, tail);
        for (int i = 0; i < 5; i++) {
            assertThat(all[n - 5 + i]).isEqualTo(tail[i]);
        }
    }
}
