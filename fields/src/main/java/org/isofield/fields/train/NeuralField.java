package org.isofield.fields.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.isofield.encodings.Encoding;
import org.isofield.encodings.Encodings;
import org.isofield.fields.mlp.Network;
import org.isofield.fields.mlp.Networks;

/**
 * A scalar neural field on the unit cube: an {@link Encoding} of the position followed by a {@link Network} with one
 * output, {@code f(p) = network(encoding(p))}, for {@code p} in {@code [0, 1]^3}. Its parameters are two named
 * blocks, {@value #ENCODING_BLOCK} and {@value #NETWORK_BLOCK}, the live arrays of the two components (the layout of
 * the {@code .isf} field file).
 *
 * <p>Not safe for concurrent calls: {@link #evaluate} reuses scratch buffers (each call runs in parallel inside).
 */
public final class NeuralField {
    /** Name of the encoding's parameter block. */
    public static final String ENCODING_BLOCK = "encoding";
    /** Name of the network's parameter block. */
    public static final String NETWORK_BLOCK = "network";
    /**
     * Samples per inference chunk; bounds the scratch memory (2^18 samples of the default grid: 32 MB of features and
     * 32 MB of the encoding's level-major buffer). The hash grid encodes a chunk level by level, and each pass pulls
     * that level's table (4 MB at T = 2^19) from memory again: on a 2-core Zen 4 (AVX-512), 2^18 points encoded in
     * chunks of 2^16 took 100 ms against 65 ms in one chunk (2026-12-08), so chunks are as large as a training batch.
     */
    static final int CHUNK = 1 << 18;

    private final NeuralFieldConfig config;
    private final Encoding encoding;
    private final Network network;
    private float[] encoded = new float[0];
    private float[] chunkIn = new float[0];
    private float[] chunkOut = new float[0];

    /**
     * A freshly initialised field: the encoding initialised from {@code seed} (uniform in +-1e-4 for grids), the
     * network with Xavier weights from a seed derived from {@code seed}.
     */
    public NeuralField(NeuralFieldConfig config, long seed) {
        this.config = Objects.requireNonNull(config, "config");
        this.encoding = Networks.fieldEncoding(config.network(), Encodings.create(config.encoding(), 3));
        this.encoding.initialize(seed);
        this.network = Networks.create(config.network(), encoding.outputDims(), 1, seed ^ 0x9E3779B97F4A7C15L);
    }

    /**
     * A field with the given parameter blocks, e.g. read from a field file.
     *
     * @throws IllegalArgumentException if a block is missing, unknown, has the wrong length or a non-finite value
     */
    public static NeuralField of(NeuralFieldConfig config, Map<String, float[]> blocks) {
        NeuralField f = new NeuralField(config, 0);
        f.setBlocks(blocks);
        return f;
    }

    public NeuralFieldConfig config() {
        return config;
    }

    public Encoding encoding() {
        return encoding;
    }

    public Network network() {
        return network;
    }

    /** Total parameter count of both blocks. */
    public long paramCount() {
        return (long) encoding.paramCount() + network.paramCount();
    }

    /**
     * Evaluates the field at {@code n} unit-cube points.
     *
     * @param xyz {@code 3n} coordinates, x y z per point; read only
     * @param out receives {@code n} values
     */
    public void evaluate(float[] xyz, int n, float[] out) {
        if (xyz.length < 3L * n || out.length < n) {
            throw new IllegalArgumentException("arrays of " + xyz.length + " and " + out.length
                    + " floats are too short for " + n + " points");
        }
        int dims = encoding.outputDims();
        int chunk = Math.min(n, CHUNK);
        if (encoded.length < chunk * dims) {
            encoded = new float[chunk * dims];
        }
        if (n <= chunk) {
            encoding.encode(xyz, n, encoded);
            network.forward(encoded, n, out);
            return;
        }
        // Chunks after the first read and write through scratch copies, kept between calls (no steady-state
        // allocation): the encoding and the network take whole arrays from index 0.
        if (chunkIn.length < 3 * chunk) {
            chunkIn = new float[3 * chunk];
            chunkOut = new float[chunk];
        }
        for (int start = 0; start < n; start += chunk) {
            int m = Math.min(chunk, n - start);
            System.arraycopy(xyz, 3 * start, chunkIn, 0, 3 * m);
            encoding.encode(chunkIn, m, encoded);
            network.forward(encoded, m, chunkOut);
            System.arraycopy(chunkOut, 0, out, start, m);
        }
    }

    /** Copies of the parameter blocks, by name, in file order. */
    public Map<String, float[]> blocks() {
        Map<String, float[]> m = new LinkedHashMap<>();
        m.put(ENCODING_BLOCK, encoding.params().clone());
        m.put(NETWORK_BLOCK, network.params().clone());
        return m;
    }

    /**
     * Replaces both parameter blocks.
     *
     * @throws IllegalArgumentException if a block is missing, unknown, has the wrong length or a non-finite value
     */
    public void setBlocks(Map<String, float[]> blocks) {
        Objects.requireNonNull(blocks, "blocks");
        for (String name : blocks.keySet()) {
            if (!name.equals(ENCODING_BLOCK) && !name.equals(NETWORK_BLOCK)) {
                throw new IllegalArgumentException("unknown parameter block \"" + name + "\"; a neural field has \""
                        + ENCODING_BLOCK + "\" and \"" + NETWORK_BLOCK + "\"");
            }
        }
        float[] e = checked(blocks, ENCODING_BLOCK, encoding.paramCount(), config.encoding().otype());
        float[] w = checked(blocks, NETWORK_BLOCK, network.paramCount(), config.network().otype());
        System.arraycopy(e, 0, encoding.params(), 0, e.length);
        System.arraycopy(w, 0, network.params(), 0, w.length);
    }

    private static float[] checked(Map<String, float[]> blocks, String name, int expected, String otype) {
        float[] b = blocks.get(name);
        if (b == null) {
            throw new IllegalArgumentException("parameter block \"" + name + "\" is missing");
        }
        if (b.length != expected) {
            throw new IllegalArgumentException("parameter block \"" + name + "\" has " + b.length
                    + " values; the config's " + otype + " " + name + " needs " + expected);
        }
        for (int i = 0; i < b.length; i++) {
            if (!Float.isFinite(b[i])) {
                throw new IllegalArgumentException("parameter block \"" + name + "\" has " + b[i] + " at index " + i
                        + "; expected finite values");
            }
        }
        return b;
    }
}
