package org.isofield.fields.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.isofield.core.ConfigException;
import org.isofield.core.Progress;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.io.FieldFiles;
import org.isofield.fields.mlp.cam.CamMlpConfig;
import org.isofield.fields.mlp.cam.CamNetwork;
import org.isofield.fields.mlp.cam.CoordinateEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CamFieldTest {
    @TempDir
    Path dir;

    /**
     * The small trainer field with a CamMLP, one scale and shift per neuron, at Adam 1e-3. (Written when instance
     * normalisation was the default: with factors shared by a layer, normalisation and ReLU, a step size of 1e-3 or
     * more drove the shift below every normalised pre-activation inside the sphere, a dead region outputting 0.)
     */
    static NeuralFieldConfig cam(String... more) {
        List<String> sets = new ArrayList<>(List.of("network={\"otype\": \"CamMLP\", \"n_neurons\": 32,"
                + " \"grid_resolution\": 16, \"per_neuron\": true}", "optimizer.nested.nested.learning_rate=0.001"));
        sets.addAll(List.of(more));
        return TrainerTest.small(sets.toArray(new String[0]));
    }

    @Test
    void camFieldTrainsOnASphereAndRoundTripsThroughAFieldFile() {
        NeuralFieldConfig config = cam();
        NeuralField field = new NeuralField(config, 1);
        assertThat(field.encoding()).isInstanceOf(CoordinateEncoding.class);
        assertThat(field.network()).isInstanceOf(CamNetwork.class);
        assertThat(field.network().inputDims()).isEqualTo(16 + 3);
        Trainer t = new Trainer(field);
        TrainingResult first = t.train(TrainerTest.sphere(4096, 2, Long.MAX_VALUE), 1, Progress.NONE);
        TrainingResult r = t.train(TrainerTest.sphere(4096, 3, Long.MAX_VALUE), 150, Progress.NONE);
        assertThat(r.finalLoss()).isLessThan(0.5 * first.finalLoss());
        NeuralField f = t.inferenceField();
        float[] pts = {.5f, .5f, .5f, .02f, .02f, .02f, .8f, .5f, .5f};
        float[] out = new float[3];
        f.evaluate(pts, 3, out);
        assertThat(out[0]).isNegative();
        assertThat(out[1]).isPositive();

        FieldFile file = FieldFile.of("neural-sdf", f.config().toJsonText(), 1, new double[3], f.blocks());
        Path p = dir.resolve("cam.isf");
        FieldFiles.write(file, p, false);
        FieldFile back = FieldFiles.read(p);
        NeuralField g = NeuralField.of(NeuralFieldConfig.parse(back.configJson(), "cam.isf"), back.blocks());
        float[] again = new float[3];
        g.evaluate(pts, 3, again);
        assertThat(again).containsExactly(out);
    }

    /** Root mean square of the field at 2000 seeded points of the unit cube. */
    private static double rms(NeuralField f) {
        int n = 2000;
        SplittableRandom r = new SplittableRandom(17);
        float[] p = new float[3 * n];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) r.nextDouble();
        }
        float[] out = new float[n];
        f.evaluate(p, n, out);
        double sum = 0;
        for (float v : out) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum / n);
    }

    /**
     * Pins the spot-lowres diagnosis (docs/decisions/cam-mlp.md). A fresh hash grid's features are about 1e-4, so a
     * plain MLP's
     * output starts near 1e-5; instance normalisation rescales the second hidden layer to unit variance whatever the
     * input magnitude, so the paper's design starts as an O(1) function of the hash noise (sign noise everywhere).
     * With the defaults (no normalisation, grid lr x1) the untrained CamMLP is the plain MLP, and it trains as well:
     * shared factors, Adam 1e-3, 150 steps on the sphere.
     */
    @Test
    void defaultCamStartsAsThePlainMlpAndTrainsLikeIt() {
        String plainNet = "network={\"otype\": \"FullyFusedMLP\", \"n_neurons\": 64}";
        String camNet = "network={\"otype\": \"CamMLP\", \"n_neurons\": 64, \"grid_resolution\": 16}";
        String lr = "optimizer.nested.nested.learning_rate=0.001";
        NeuralField plain = new NeuralField(TrainerTest.small(plainNet, lr), 1);
        NeuralField cam = new NeuralField(TrainerTest.small(camNet, lr), 1);
        NeuralField paper = new NeuralField(TrainerTest.small(camNet, lr, "network.instance_normalization=true"), 1);
        assertThat(((CamMlpConfig) cam.config().network()).instanceNormalization()).isFalse();
        double plainRms = rms(plain);
        assertThat(plainRms).isLessThan(1e-3);
        assertThat(rms(cam)).isCloseTo(plainRms, Offset.offset(1e-3 * plainRms));
        assertThat(rms(paper)).isGreaterThan(1000 * plainRms);

        double plainLoss = new Trainer(plain).train(TrainerTest.sphere(4096, 3, Long.MAX_VALUE), 150, Progress.NONE)
                .finalLoss();
        double camLoss = new Trainer(cam).train(TrainerTest.sphere(4096, 3, Long.MAX_VALUE), 150, Progress.NONE)
                .finalLoss();
        assertThat(camLoss).isLessThan(2 * plainLoss);
    }

    @Test
    void camJsonRoundTripsAndUnknownKeysNameTheirPath() {
        NeuralFieldConfig c = cam("network.per_neuron=false", "network.grid_learning_rate_factor=5");
        CamMlpConfig net = (CamMlpConfig) c.network();
        assertThat(net.perNeuron()).isFalse();
        assertThat(net.gridLearningRateFactor()).isEqualTo(5.0);
        assertThat(net.instanceNormalization()).isFalse();
        assertThat(net.normalizationEpsilon()).isEqualTo(1e-5);
        assertThat(NeuralFieldConfig.parse(c.toJsonText(), "test")).isEqualTo(c);
        assertThatThrownBy(() -> cam("network.grid_res=8"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("grid_resolution")
                .satisfies(e -> assertThat(((ConfigException) e).jsonPath()).isEqualTo("$.network"));
        assertThatThrownBy(() -> cam("network.normalization_epsilon=0"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("positive")
                .satisfies(e -> assertThat(((ConfigException) e).jsonPath())
                        .isEqualTo("$.network.normalization_epsilon"));
        assertThatThrownBy(() -> cam("network.grid_resolution=1"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).jsonPath()).isEqualTo("$.network.grid_resolution"));
    }

    @Test
    void overridesSwitchTheDefaultNetworkToCam() {
        NeuralFieldConfig c = NeuralFieldConfig.load(null, List.of("network.otype=CamMLP",
                "network.grid_resolution=8"));
        CamMlpConfig net = (CamMlpConfig) c.network();
        assertThat(net.gridResolution()).isEqualTo(8);
        assertThat(net.nNeurons()).isEqualTo(64);
        assertThat(net.gridLearningRateFactor()).isEqualTo(0.1);
        assertThat(new NeuralField(c, 1).paramCount())
                .isEqualTo(12_196_240L + 7_168 + 3 * 8 * 8 * 2 * 2);
    }

    @Test
    void camWithAnEikonalTermIsAConfigError() {
        assertThatThrownBy(() -> cam("eikonal_weight=0.1"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("CamMLP")
                .satisfies(e -> assertThat(((ConfigException) e).jsonPath()).isEqualTo("$.eikonal_weight"));
    }
}
