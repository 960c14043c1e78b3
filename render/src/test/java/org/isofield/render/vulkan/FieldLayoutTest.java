package org.isofield.render.vulkan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.isofield.core.ConfigException;
import org.isofield.encodings.grid.CubicStencil;
import org.isofield.encodings.grid.Interpolation;
import org.isofield.encodings.hashgrid.HashGridConfig;
import org.isofield.encodings.hashgrid.HashGridEncoding;
import org.isofield.encodings.densegrid.DenseGridConfig;
import org.isofield.encodings.simplexgrid.SimplexGridConfig;
import org.isofield.encodings.simplexgrid.SimplexGridEncoding;
import org.isofield.fields.mlp.Activation;
import org.isofield.fields.mlp.MlpConfig;
import org.isofield.fields.train.NeuralField;
import org.isofield.render.testing.TestFields;
import org.junit.jupiter.api.Test;

/** The host side of the field shaders: the std140 config block and the errors for unsupported fields; no driver. */
class FieldLayoutTest {
    @Test
    void configBlockHoldsShapeAndPerLevelGeometry() {
        HashGridConfig grid = new HashGridConfig(8, 2, 14, 16, 1.381913, Interpolation.SMOOTHSTEP);
        NeuralField field = TestFields.random(grid, MlpConfig.DEFAULT, 1);
        FieldLayout layout = FieldLayout.of(field);
        ByteBuffer b = layout.config();
        assertThat(b.remaining()).isEqualTo(FieldLayout.CONFIG_BYTES);
        assertThat(new int[] {b.getInt(0), b.getInt(4), b.getInt(8), b.getInt(12)}).containsExactly(8, 64, 2, 16);
        assertThat(new int[] {b.getInt(16), b.getInt(20), b.getInt(24)}).containsExactly(1, 0, 1);
        CubicStencil st = ((HashGridEncoding) field.encoding()).grid();
        int infos = 32 + 16 * FieldLayout.MAX_LEVELS;
        for (int l = 0; l < 8; l++) {
            assertThat(b.getFloat(32 + 16 * l)).isEqualTo(st.scale(l));
            assertThat(b.getInt(infos + 16 * l)).isEqualTo(st.resolution(l));
            assertThat(b.getInt(infos + 16 * l + 4)).isEqualTo(st.rows(l));
            assertThat(b.getInt(infos + 16 * l + 8)).isEqualTo(st.hashed(l) ? 1 : 0);
            assertThat(b.getInt(infos + 16 * l + 12)).isEqualTo(((HashGridEncoding) field.encoding()).levelOffset(l));
        }
        assertThat(layout.grid()).hasSize((int) field.encoding().paramCount());
        assertThat(layout.mlp()).hasSize((int) field.network().paramCount());
    }

    @Test
    void simplexGridBlockHoldsItsSkewAndLevels() {
        NeuralField field = new NeuralField(TestFields.config(new SimplexGridConfig(6, 2, 12, 4, 1.5),
                new MlpConfig(16, 1, Activation.RELU, Activation.NONE)), 1);
        SimplexGridEncoding enc = (SimplexGridEncoding) field.encoding();
        ByteBuffer b = FieldLayout.of(field).config();
        assertThat(b.getInt(28)).as("encoding kind").isEqualTo(FieldLayout.SIMPLEX_GRID);
        assertThat(b.getInt(24)).as("interpolation").isZero();
        int infos = 32 + 16 * FieldLayout.MAX_LEVELS;
        for (int l = 0; l < 6; l++) {
            assertThat(b.getFloat(32 + 16 * l)).isEqualTo(enc.levelScale(l));
            assertThat(b.getFloat(32 + 16 * l + 4)).isEqualTo(enc.skew());
            assertThat(b.getInt(infos + 16 * l)).isEqualTo(enc.levelResolution(l));
            assertThat(b.getInt(infos + 16 * l + 4)).isEqualTo(enc.stencil().rows(l));
            assertThat(b.getInt(infos + 16 * l + 8)).isEqualTo(enc.levelHashed(l) ? 1 : 0);
            assertThat(b.getInt(infos + 16 * l + 12)).isEqualTo(enc.levelOffset(l));
        }
        assertThat(enc.levelHashed(0)).isFalse();
        assertThat(enc.levelHashed(5)).isTrue();
    }

    @Test
    void denseGridIsNamedAsUnsupported() {
        NeuralField field = new NeuralField(TestFields.config(DenseGridConfig.DEFAULT,
                new MlpConfig(16, 1, Activation.RELU, Activation.NONE)), 1);
        assertThatThrownBy(() -> FieldLayout.of(field)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("encoding.otype").hasMessageContaining("DenseGrid")
                .hasMessageContaining("HashGrid and SimplexGrid");
    }

    @Test
    void fourFeaturesPerLevelAreNamedAsUnsupported() {
        NeuralField field = new NeuralField(TestFields.config(new HashGridConfig(4, 4, 12, 4, 1.5,
                Interpolation.LINEAR),
                new MlpConfig(16, 1, Activation.RELU, Activation.NONE)), 1);
        assertThatThrownBy(() -> FieldLayout.of(field)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("encoding.n_features_per_level").hasMessageContaining("expected 2");
    }

    @Test
    void unsupportedOutputActivationIsNamed() {
        NeuralField field = new NeuralField(TestFields.config(new HashGridConfig(4, 2, 12, 4, 1.5,
                Interpolation.LINEAR),
                new MlpConfig(16, 1, Activation.RELU, Activation.SIGMOID)), 1);
        assertThatThrownBy(() -> FieldLayout.of(field)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("network.output_activation").hasMessageContaining("Sigmoid");
    }
}
