package org.isofield.fields.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
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
     * The small trainer field with a CamMLP. One scale and shift per neuron at Adam 1e-3: with factors shared by a
     * layer, instance normalisation and ReLU, a step size of 1e-3 or more (grid 1e-2) drove the shift below every
     * normalised pre-activation inside the sphere, leaving a dead region that outputs exactly 0.
     */
    static NeuralFieldConfig cam(String... more) {
        List<String> sets = new java.util.ArrayList<>(List.of("network={\"otype\": \"CamMLP\", \"n_neurons\": 32,"
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

    @Test
    void camJsonRoundTripsAndUnknownKeysNameTheirPath() {
        NeuralFieldConfig c = cam("network.per_neuron=false", "network.grid_learning_rate_factor=5");
        CamMlpConfig net = (CamMlpConfig) c.network();
        assertThat(net.perNeuron()).isFalse();
        assertThat(net.gridLearningRateFactor()).isEqualTo(5.0);
        assertThat(net.instanceNormalization()).isTrue();
        assertThat(NeuralFieldConfig.parse(c.toJsonText(), "test")).isEqualTo(c);
        assertThatThrownBy(() -> cam("network.grid_res=8"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("grid_resolution")
                .satisfies(e -> assertThat(((ConfigException) e).jsonPath()).isEqualTo("$.network"));
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
        assertThat(net.gridLearningRateFactor()).isEqualTo(10.0);
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
