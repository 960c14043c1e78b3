package org.isofield.fields.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.isofield.core.ConfigException;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.Backends;
import org.isofield.core.compute.Precision;
import org.isofield.core.config.Configs;
import org.isofield.encodings.frequency.FrequencyConfig;
import org.isofield.fields.train.NeuralFieldConfig;
import org.junit.jupiter.api.Test;

/** Backend choice for neural-field configs: what is refused up front, and what auto falls back from. */
class FieldBackendsTest {
    @Test
    void fp16OffCudaIsAConfigErrorNamingThePrecision() {
        assertThatThrownBy(() -> Configs.with(NeuralFieldConfig.DEFAULT, "backend", Backend.CPU, "precision",
                Precision.FP16))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("precision").hasMessageContaining("fp16");
        assertThatThrownBy(() -> FieldBackends.select(Backend.OPENCL, Precision.FP16, NeuralFieldConfig.DEFAULT))
                .isInstanceOf(ConfigException.class).hasMessageContaining("fp16");
    }

    @Test
    void tensorCoreWidthsAndTileAreChecked() {
        DeviceMlp.requireFp16(Backend.CUDA, 64, 32);
        assertThatThrownBy(() -> DeviceMlp.requireFp16(Backend.CUDA, 48, 32)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("network.n_neurons").hasMessageContaining("48");
        assertThatThrownBy(() -> DeviceMlp.requireFp16(Backend.CUDA, 16, 80)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("80");
        assertThatThrownBy(() -> DeviceMlp.requireFp16(Backend.OPENCL, 64, 32)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("CUDA");
    }

    @Test
    void autoFallsBackToTheCpuForComponentsWithoutKernelsAndSaysWhy() {
        NeuralFieldConfig c = new NeuralFieldConfig(new FrequencyConfig(6), NeuralFieldConfig.DEFAULT.network(),
                NeuralFieldConfig.DEFAULT.loss(), NeuralFieldConfig.DEFAULT.optimizer(), 4096);
        Backends.Selection s = FieldBackends.select(c);
        assertThat(s.backend()).isEqualTo(Backend.CPU);
        assertThat(s.reason()).contains("Frequency", "no device kernels");
        assertThatThrownBy(() -> FieldBackends.select(Backend.OPENCL, Precision.FP32, c))
                .isInstanceOf(ConfigException.class).hasMessageContaining("encoding.otype");
    }
}
