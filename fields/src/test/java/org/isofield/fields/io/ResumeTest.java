package org.isofield.fields.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.isofield.core.ConfigException;
import org.isofield.core.FormatException;
import org.isofield.core.Progress;
import org.isofield.fields.train.BatchSource;
import org.isofield.fields.train.NeuralField;
import org.isofield.fields.train.NeuralFieldConfig;
import org.isofield.fields.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Optimizer state in the field file: training 2N steps equals N steps, a save, a load and N resumed steps. */
class ResumeTest {
    static final Path FILE = Path.of("run.isf");

    /**
     * A tiny field (4 levels, 2^10 table, 16 neurons, batch 256) with the given optimizer; a decay every 300 steps from
     * step 500 so a resume crosses the schedule.
     */
    static NeuralFieldConfig tiny(String optimizer) {
        List<String> sets = new ArrayList<>(List.of("encoding.n_levels=4", "encoding.log2_hashmap_size=10",
                "encoding.base_resolution=4", "network.n_neurons=16", "batch_size=256"));
        String adam = switch (optimizer) {
            case "Ema" -> "optimizer.nested.nested.";
            case "ExponentialDecay" -> "optimizer.nested.";
            default -> "optimizer.";
        };
        NeuralFieldConfig base = NeuralFieldConfig.load(null, List.of());
        ObjectNode root = base.toJson();
        if (optimizer.equals("ExponentialDecay")) {
            root.set("optimizer", root.get("optimizer").get("nested"));
        } else if (optimizer.equals("Adam")) {
            root.set("optimizer", root.get("optimizer").get("nested").get("nested"));
        }
        sets.add(adam + "learning_rate=0.01");
        if (!optimizer.equals("Adam")) {
            String decay = optimizer.equals("Ema") ? "optimizer.nested." : "optimizer.";
            sets.addAll(List.of(decay + "decay_start=500", decay + "decay_interval=300"));
        }
        return NeuralFieldConfig.load(root, sets);
    }

    /** Batch {@code s} depends only on the seed and {@code s}: the signed distance to a sphere of radius 0.3. */
    static BatchSource sphere(int n, long seed, long firstStep) {
        return new BatchSource() {
            long step = firstStep;

            @Override
            public int batchSize() {
                return n;
            }

            @Override
            public void next(float[] p, float[] t) {
                SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step++);
                for (int i = 0; i < n; i++) {
                    double x = rnd.nextDouble(), y = rnd.nextDouble(), z = rnd.nextDouble();
                    p[3 * i] = (float) x;
                    p[3 * i + 1] = (float) y;
                    p[3 * i + 2] = (float) z;
                    t[i] = (float) (Math.sqrt((x - .5) * (x - .5) + (y - .5) * (y - .5) + (z - .5) * (z - .5)) - 0.3);
                }
            }
        };
    }

    private static FieldFile checkpoint(Trainer t) {
        FieldFile f = NeuralFieldFiles.pack(t, 2.0, new double[] {0.1, 0.2, 0.3}, 11, true);
        return FieldFiles.fromBytes(FieldFiles.toBytes(f), FILE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ema", "ExponentialDecay", "Adam"})
    void resumedTrainingIsBitwiseTheUninterruptedRun(String optimizer) {
        NeuralFieldConfig config = tiny(optimizer);
        int n = config.batchSize();
        Trainer straight = new Trainer(new NeuralField(config, 11));
        straight.train(sphere(n, 5, 0), 2000, Progress.NONE);

        Trainer first = new Trainer(new NeuralField(config, 11));
        first.train(sphere(n, 5, 0), 1000, Progress.NONE);
        FieldFile saved = checkpoint(first);
        Trainer resumed = NeuralFieldFiles.resume(saved, FILE, NeuralFieldFiles.config(saved, FILE));
        assertThat(resumed.step()).isEqualTo(1000);
        resumed.train(sphere(n, 5, 1000), 1000, Progress.NONE);

        FieldFile a = NeuralFieldFiles.pack(straight, 2.0, new double[] {0.1, 0.2, 0.3}, 11, true);
        FieldFile b = NeuralFieldFiles.pack(resumed, 2.0, new double[] {0.1, 0.2, 0.3}, 11, true);
        for (String block : List.of(NeuralField.ENCODING_BLOCK, NeuralField.NETWORK_BLOCK)) {
            assertThat(a.block(block)).as(block).containsExactly(b.block(block));
        }
        assertThat(a.optimizerState().keySet()).isEqualTo(b.optimizerState().keySet());
        a.optimizerState().forEach((k, v) -> assertThat(b.optimizerState().get(k)).as(k).containsExactly(v));
        assertThat(a).isEqualTo(b);
    }

    @Test
    void stateBlocksAreNamedAfterTheOptimizerChain() {
        Trainer t = new Trainer(new NeuralField(tiny("Ema"), 1));
        t.train(sphere(256, 1, 0), 3, Progress.NONE);
        assertThat(t.saveState().keySet()).contains("step", "encoding.ema.step", "encoding.ema.training_params",
                "encoding.ema.exponential_decay.step", "encoding.ema.exponential_decay.adam.first_moments",
                "network.ema.exponential_decay.adam.param_steps");
    }

    @Test
    void fileWithoutStateCannotBeResumed() {
        Trainer t = new Trainer(new NeuralField(tiny("Ema"), 1));
        t.train(sphere(256, 1, 0), 3, Progress.NONE);
        FieldFile plain = NeuralFieldFiles.pack(t, 1, new double[3], 1, false);
        assertThat(plain.optimizerState()).isEmpty();
        assertThatThrownBy(() -> NeuralFieldFiles.resume(plain, FILE, tiny("Ema")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("run.isf")
                .hasMessageContaining("no optimizer state")
                .hasMessageContaining("--save-optimizer-state");
    }

    @Test
    void changedNetworkIsAConfigError() {
        Trainer t = new Trainer(new NeuralField(tiny("Ema"), 1));
        t.train(sphere(256, 1, 0), 3, Progress.NONE);
        FieldFile saved = checkpoint(t);
        assertThatThrownBy(() -> NeuralFieldFiles.resumeConfig(saved, FILE, null, List.of("network.n_neurons=32")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("$.network")
                .hasMessageContaining("run.isf")
                .hasMessageContaining("\"n_neurons\" : 16");
        assertThatThrownBy(() -> NeuralFieldFiles.resumeConfig(saved, FILE, null, List.of("encoding.n_levels=5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("$.encoding");
        assertThat(NeuralFieldFiles.resumeConfig(saved, FILE, null, List.of("batch_size=128")).batchSize())
                .isEqualTo(128);
    }

    @Test
    void changedOptimizerOrDamagedStateIsAFormatError() {
        Trainer t = new Trainer(new NeuralField(tiny("Ema"), 1));
        t.train(sphere(256, 1, 0), 3, Progress.NONE);
        FieldFile saved = checkpoint(t);
        assertThatThrownBy(() -> NeuralFieldFiles.resume(saved, FILE, tiny("Adam")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("run.isf")
                .hasMessageContaining("adam.step");
        Map<String, float[]> state = new LinkedHashMap<>(saved.optimizerState());
        state.put("encoding.ema.exponential_decay.adam.param_steps", new float[] {1, 2});
        assertThatThrownBy(() -> NeuralFieldFiles.resume(saved.withOptimizerState(state), FILE, tiny("Ema")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("param_steps")
                .hasMessageContaining("has 2 values; expected");
        Map<String, float[]> extra = new LinkedHashMap<>(saved.optimizerState());
        extra.put("encoding.lion.m", new float[] {0});
        assertThatThrownBy(() -> NeuralFieldFiles.resume(saved.withOptimizerState(extra), FILE, tiny("Ema")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("unknown optimizer state blocks [encoding.lion.m]");
    }
}
