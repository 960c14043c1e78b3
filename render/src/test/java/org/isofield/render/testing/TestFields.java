package org.isofield.render.testing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.encodings.EncodingConfig;
import org.isofield.encodings.grid.CubicStencil;
import org.isofield.encodings.grid.Interpolation;
import org.isofield.encodings.hashgrid.HashGridConfig;
import org.isofield.encodings.hashgrid.HashGridEncoding;
import org.isofield.fields.mlp.Activation;
import org.isofield.fields.mlp.MlpConfig;
import org.isofield.fields.mlp.NetworkConfig;
import org.isofield.fields.train.NeuralField;
import org.isofield.fields.train.NeuralFieldConfig;
import org.isofield.render.scene.FieldSurface;

/** Small neural fields for the tracer tests (shared with the cli tests): seeded random ones, and an analytic sphere. */
public final class TestFields {
    private TestFields() {
    }

    public static NeuralFieldConfig config(EncodingConfig grid, NetworkConfig mlp) {
        NeuralFieldConfig d = NeuralFieldConfig.DEFAULT;
        return new NeuralFieldConfig(grid, mlp, d.loss(), d.optimizer(), d.batchSize());
    }

    /** A field with Xavier weights and grid features uniform in +-1 (the default init is too small to test). */
    public static NeuralField random(EncodingConfig grid, MlpConfig mlp, long seed) {
        NeuralField f = new NeuralField(config(grid, mlp), seed);
        Map<String, float[]> blocks = new LinkedHashMap<>(f.blocks());
        float[] enc = blocks.get(NeuralField.ENCODING_BLOCK);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5eedL);
        for (int i = 0; i < enc.length; i++) {
            enc[i] = (float) rnd.nextDouble(-1, 1);
        }
        f.setBlocks(blocks);
        return f;
    }

    /**
     * The sphere of radius {@code radius} around the centre of the unit cube, as a one-level dense grid that stores
     * the exact distance at its vertices (trilinear in between) and a 16-wide ReLU MLP that passes it through as
     * {@code relu(d) - relu(-d)}. World = unit cube mapped by {@code scale} and {@code translation}.
     */
    public static FieldSurface sphere(double radius, int resolution, double scale, Vec3d translation) {
        return sphere(radius, 1, new HashGridConfig(1, 2, 20, resolution, 1.5, Interpolation.LINEAR),
                new MlpConfig(16, 1, Activation.RELU, Activation.NONE), scale, translation);
    }

    /**
     * The same sphere in a field of any hash-grid and ReLU-MLP shape: {@code factor} times the distance at the vertices
     * of level 0 (which must be dense), every other grid parameter 0, and an MLP that passes feature 0 through as
     * {@code relu(d) - relu(-d)} (identity on two units in the later hidden layers, zeros elsewhere). Fields of
     * different shapes made so are equal to the last bit (the extra terms are exact zeros).
     */
    public static FieldSurface sphere(double radius, double factor, HashGridConfig grid, MlpConfig mlp, double scale,
                                      Vec3d translation) {
        NeuralField f = new NeuralField(config(grid, mlp), 1);
        CubicStencil st = ((HashGridEncoding) f.encoding()).grid();
        if (st.hashed(0) || mlp.activation() != Activation.RELU) {
            throw new IllegalArgumentException("level 0 hashed or hidden activation not ReLU: " + grid + ", " + mlp);
        }
        float sc = st.scale(0);
        int res = st.resolution(0);
        Map<String, float[]> blocks = new LinkedHashMap<>(f.blocks());
        float[] enc = blocks.get(NeuralField.ENCODING_BLOCK);
        Arrays.fill(enc, 0f);
        for (int z = 0; z < res; z++) {
            for (int y = 0; y < res; y++) {
                for (int x = 0; x < res; x++) {
                    double px = (x - 0.5) / sc - 0.5;
                    double py = (y - 0.5) / sc - 0.5;
                    double pz = (z - 0.5) / sc - 0.5;
                    int row = st.row(0, new int[] {x, y, z});
                    enc[2 * row] = (float) (factor * (Math.sqrt(px * px + py * py + pz * pz) - radius));
                }
            }
        }
        float[] net = blocks.get(NeuralField.NETWORK_BLOCK);
        Arrays.fill(net, 0f);
        int w = mlp.nNeurons();
        int ip = (2 * grid.nLevels() + 15) / 16 * 16;
        net[0] = 1f;             // h0 = relu(d)
        net[ip] = -1f;           // h1 = relu(-d)
        int at = w * ip;
        for (int k = 1; k < mlp.nHiddenLayers(); k++) {
            net[at] = 1f;
            net[at + w + 1] = 1f;
            at += w * w;
        }
        net[at] = 1f;
        net[at + 1] = -1f;
        f.setBlocks(blocks);
        return new FieldSurface(f, scale, translation);
    }
}
