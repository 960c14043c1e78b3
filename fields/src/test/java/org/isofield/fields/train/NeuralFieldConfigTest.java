package org.isofield.fields.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.isofield.core.ConfigException;
import org.isofield.core.config.Json;
import org.isofield.encodings.hashgrid.HashGridConfig;
import org.isofield.fields.optim.AdamConfig;
import org.isofield.fields.optim.EmaConfig;
import org.isofield.fields.optim.ExponentialDecayConfig;
import org.junit.jupiter.api.Test;

class NeuralFieldConfigTest {
    @Test
    void defaultIsInstantNgpSdfConfig() {
        NeuralFieldConfig c = NeuralFieldConfig.DEFAULT;
        assertThat(c.encoding()).isEqualTo(HashGridConfig.DEFAULT);
        assertThat(c.network().otype()).isEqualTo("FullyFusedMLP");
        assertThat(c.loss().otype()).isEqualToIgnoringCase("MAPE");
        assertThat(c.optimizer().otype()).isEqualTo("Ema");
    }

    @Test
    void jsonRoundTripsTheDefault() {
        String text = NeuralFieldConfig.DEFAULT.toJsonText();
        assertThat(NeuralFieldConfig.parse(text, "test")).isEqualTo(NeuralFieldConfig.DEFAULT);
    }

    @Test
    void emptyObjectTakesTheDefaults() {
        assertThat(NeuralFieldConfig.parse("{}", "test")).isEqualTo(NeuralFieldConfig.DEFAULT);
    }

    @Test
    void overridesReachNestedKeys() {
        NeuralFieldConfig c = NeuralFieldConfig.load(null, List.of("encoding.n_levels=8",
                "optimizer.nested.nested.learning_rate=0.01", "batch_size=4096"));
        assertThat(((HashGridConfig) c.encoding()).nLevels()).isEqualTo(8);
        AdamConfig adam = (AdamConfig) ((ExponentialDecayConfig) ((EmaConfig) c.optimizer()).nested()).nested();
        assertThat(adam.learningRate()).isEqualTo(0.01);
        assertThat(c.batchSize()).isEqualTo(4096);
    }

    @Test
    void unknownTopLevelKeyIsRejectedWithItsPath() {
        assertThatThrownBy(() -> NeuralFieldConfig.parse("{\"encodnig\": {}}", "test"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).jsonPath()).isEqualTo("$.encodnig"))
                .hasMessageContaining("encoding");
    }

    @Test
    void unknownBlockKeyIsRejectedWithItsPath() {
        assertThatThrownBy(() -> NeuralFieldConfig.load(null, List.of("encoding.n_level=8")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).jsonPath()).isEqualTo("$.encoding"))
                .hasMessageContaining("n_level");
    }

    @Test
    void badBatchSizeIsAConfigError() {
        assertThatThrownBy(() -> NeuralFieldConfig.parse(Json.parse("{\"batch_size\": 12}", "test")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).jsonPath()).isEqualTo("$.batch_size"));
    }
}
