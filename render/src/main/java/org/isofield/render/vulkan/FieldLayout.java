package org.isofield.render.vulkan;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.isofield.core.ConfigException;
import org.isofield.encodings.grid.CubicStencil;
import org.isofield.encodings.grid.Interpolation;
import org.isofield.encodings.hashgrid.HashGridEncoding;
import org.isofield.encodings.simplexgrid.SimplexGridEncoding;
import org.isofield.fields.mlp.Activation;
import org.isofield.fields.mlp.MlpNetwork;
import org.isofield.fields.train.NeuralField;

/**
 * A neural field laid out for the field shaders ({@code field_params.glsl}): the std140 config block (shape, kinds
 * and per-level scale, simplex skew, resolution, rows, hashed flag and table offset, all precomputed here from the
 * encoding's {@link CubicStencil} or simplex stencil, so the shader repeats none of tiny-cuda-nn's float rounding of
 * the scales), and the grid and MLP parameters as fp32 arrays, unchanged from the field.
 *
 * <p>Supported: a 3D {@link HashGridEncoding} (linear or smoothstep) or {@link SimplexGridEncoding} with 2 features
 * per level (up to {@value #MAX_LEVELS} levels) and an {@link MlpNetwork} of width 16 to 128 with ReLU or None as
 * hidden and output activation. Anything
 * else is a {@link ConfigException} naming the key, the value and what is supported.
 */
final class FieldLayout {
    /** Must match FIELD_MAX_LEVELS of field_params.glsl. */
    static final int MAX_LEVELS = 32;
    /** Must match FIELD_MAX_WIDTH. */
    static final int MAX_WIDTH = 128;
    /** Bytes of the std140 config block: two ivec4, then vec4[32] and ivec4[32]. */
    static final int CONFIG_BYTES = 32 + 2 * 16 * MAX_LEVELS;
    /** Encoding kinds of the config block ({@code kinds.w}). */
    static final int HASH_GRID = 0;
    static final int SIMPLEX_GRID = 1;

    private final ByteBuffer config;
    private final float[] grid;
    private final float[] mlp;

    private FieldLayout(ByteBuffer config, float[] grid, float[] mlp) {
        this.config = config;
        this.grid = grid;
        this.mlp = mlp;
    }

    /** Checks that the shaders support {@code field} and lays it out; the arrays are the field's live ones. */
    static FieldLayout of(NeuralField field) {
        Grid g = grid(field);
        if (!(field.network() instanceof MlpNetwork net)) {
            throw new ConfigException("network.otype", "value " + field.network().getClass().getSimpleName()
                    + " cannot be rendered; the field tracer supports FullyFusedMLP only");
        }
        if (g.dims != 3) {
            throw new ConfigException("encoding", "input dimensions " + g.dims + "; the field tracer expects 3");
        }
        if (g.features != 2) {
            throw new ConfigException("encoding.n_features_per_level", "value " + g.features
                    + " not supported by the field tracer; expected 2");
        }
        if (g.levels > MAX_LEVELS) {
            throw new ConfigException("encoding.n_levels", "value " + g.levels + " not supported by the field tracer; "
                    + "expected 1 to " + MAX_LEVELS);
        }
        int hiddenAct = activation("network.activation", net.config().activation());
        int outAct = activation("network.output_activation", net.config().outputActivation());
        if (net.width() > MAX_WIDTH || net.outputDims() != 1 || net.inputDims() != 2 * g.levels) {
            throw new ConfigException("network", "width " + net.width() + " with " + net.inputDims() + " inputs and "
                    + net.outputDims() + " outputs; the field tracer expects width 16 to " + MAX_WIDTH + ", the "
                    + "encoding's " + 2 * g.levels + " inputs and 1 output");
        }
        ByteBuffer b = ByteBuffer.allocateDirect(CONFIG_BYTES).order(ByteOrder.nativeOrder());
        b.putInt(0, g.levels).putInt(4, net.width()).putInt(8, net.hiddenLayers()).putInt(12, net.paddedInputDims());
        b.putInt(16, hiddenAct).putInt(20, outAct).putInt(24, g.smoothstep ? 1 : 0).putInt(28, g.kind);
        int scales = 32;
        int infos = scales + 16 * MAX_LEVELS;
        for (int l = 0; l < g.levels; l++) {
            b.putFloat(scales + 16 * l, g.scale[l]).putFloat(scales + 16 * l + 4, g.skew);
            b.putInt(infos + 16 * l, g.resolution[l]).putInt(infos + 16 * l + 4, g.rows[l])
                    .putInt(infos + 16 * l + 8, g.hashed[l] ? 1 : 0).putInt(infos + 16 * l + 12, g.offset[l]);
        }
        return new FieldLayout(b, field.encoding().params(), net.params());
    }

    /** The per-level geometry of a supported grid encoding. */
    private record Grid(int kind, int dims, int levels, int features, boolean smoothstep, float skew, float[] scale,
                        int[] resolution, int[] rows, boolean[] hashed, int[] offset) {
        Grid(int kind, int dims, int levels, int features, boolean smoothstep, float skew) {
            this(kind, dims, levels, features, smoothstep, skew, new float[levels], new int[levels], new int[levels],
                    new boolean[levels], new int[levels]);
        }
    }

    private static Grid grid(NeuralField field) {
        if (field.encoding() instanceof HashGridEncoding enc) {
            CubicStencil c = enc.grid();
            Grid g = new Grid(HASH_GRID, c.dims(), c.levels(), enc.config().nFeaturesPerLevel(),
                    c.interpolation() == Interpolation.SMOOTHSTEP, 0f);
            for (int l = 0; l < Math.min(c.levels(), MAX_LEVELS); l++) {
                g.scale[l] = c.scale(l);
                g.resolution[l] = c.resolution(l);
                g.rows[l] = c.rows(l);
                g.hashed[l] = c.hashed(l);
                g.offset[l] = enc.levelOffset(l);
            }
            return g;
        }
        if (field.encoding() instanceof SimplexGridEncoding enc) {
            Grid g = new Grid(SIMPLEX_GRID, enc.inputDims(), enc.stencil().levels(),
                    enc.config().nFeaturesPerLevel(), false, enc.skew());
            for (int l = 0; l < Math.min(g.levels, MAX_LEVELS); l++) {
                g.scale[l] = enc.levelScale(l);
                g.resolution[l] = enc.levelResolution(l);
                g.rows[l] = enc.stencil().rows(l);
                g.hashed[l] = enc.levelHashed(l);
                g.offset[l] = enc.levelOffset(l);
            }
            return g;
        }
        throw new ConfigException("encoding.otype", "value " + field.config().encoding().otype()
                + " cannot be rendered; "
                + "the field tracer supports HashGrid and SimplexGrid (other fields: extract a mesh with "
                + "'isofield extract')");
    }

    private static int activation(String key, Activation a) {
        return switch (a) {
            case NONE -> 0;
            case RELU -> 1;
            default -> throw new ConfigException(key, "value " + a.jsonName() + " not supported by the field tracer; "
                    + "expected None or ReLU");
        };
    }

    /** The std140 config block (position 0, limit {@link #CONFIG_BYTES}). */
    ByteBuffer config() {
        return config.duplicate().order(ByteOrder.nativeOrder());
    }

    /** Grid levels (2 features each). */
    int levels() {
        return config.getInt(0);
    }

    /** The MLP's width. */
    int width() {
        return config.getInt(4);
    }

    int hiddenLayers() {
        return config.getInt(8);
    }

    /** The MLP's input width: the features padded to a multiple of 16. */
    int paddedInputs() {
        return config.getInt(12);
    }

    float[] grid() {
        return grid;
    }

    float[] mlp() {
        return mlp;
    }
}
