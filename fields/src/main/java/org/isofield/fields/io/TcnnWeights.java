package org.isofield.fields.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.isofield.core.FormatException;
import org.isofield.fields.mlp.MlpNetwork;
import org.isofield.fields.mlp.Network;
import org.isofield.fields.train.NeuralField;
import org.isofield.fields.train.NeuralFieldConfig;

/**
 * A neural field's parameters in tiny-cuda-nn's order ({@link TcnnWeightsFiles} reads and writes them; byte layout in
 * {@code docs/tcnn-weights.md}): the parameters of a {@code NetworkWithInputEncoding}, the FullyFusedMLP's padded
 * weight matrices first (row-major, layer by layer), then the encoding's, plus the shape of both and the
 * world-to-unit-cube transform. Immutable; the parameter array is shared and must not be written.
 *
 * @param inputDims input dimensions of the encoding (3 for a field)
 * @param outputDims outputs of the network (1 for a field)
 * @param encodingOutputDims features the encoding produces
 * @param networkInputDims the network's input width: {@code encodingOutputDims} rounded up to 16
 * @param nNeurons hidden width
 * @param nHiddenLayers hidden layers
 * @param paddedOutputDims {@code outputDims} rounded up to 16
 * @param networkParams parameters of the network, first in {@link #params()}
 * @param encodingParams parameters of the encoding, after the network's
 * @param scale world-to-unit-cube scale
 * @param translation world-to-unit-cube translation (3 values)
 * @param params {@code networkParams + encodingParams} values
 */
public record TcnnWeights(int inputDims, int outputDims, int encodingOutputDims, int networkInputDims, int nNeurons,
        int nHiddenLayers, int paddedOutputDims, long networkParams, long encodingParams, double scale,
        double[] translation, float[] params) {
    public TcnnWeights {
        Objects.requireNonNull(translation, "translation");
        Objects.requireNonNull(params, "params");
        if (translation.length != 3) {
            throw new IllegalArgumentException("translation has " + translation.length + " values; expected 3");
        }
        if (networkParams + encodingParams != params.length) {
            throw new IllegalArgumentException(params.length + " parameters; the counts say " + networkParams + " + "
                    + encodingParams);
        }
        translation = translation.clone();
    }

    /** The weights of a field, with its world-to-unit-cube transform. */
    public static TcnnWeights of(NeuralField field, double scale, double[] translation) {
        Network net = field.network();
        if (!(net instanceof MlpNetwork mlp)) {
            throw new IllegalArgumentException("network " + field.config().network().otype()
                    + " has no tiny-cuda-nn layout; expected FullyFusedMLP");
        }
        float[] w = net.params();
        float[] e = field.encoding().params();
        float[] all = Arrays.copyOf(w, w.length + e.length);
        System.arraycopy(e, 0, all, w.length, e.length);
        return new TcnnWeights(field.encoding().inputDims(), net.outputDims(), field.encoding().outputDims(),
                mlp.paddedInputDims(), mlp.width(), mlp.hiddenLayers(), roundUp16(net.outputDims()), w.length,
                e.length, scale, translation, all);
    }

    /**
     * The weights of a neural field file (its inference parameters and transform); {@code file} names it in messages.
     *
     * @throws FormatException for another kind or parameters that do not fit the stored config
     */
    public static TcnnWeights of(FieldFile field, Path file) {
        return of(NeuralFieldFiles.field(field, file), field.scale(), field.translation());
    }

    /**
     * A neural field file of these weights with {@code config} (no optimizer state): kind
     * {@value NeuralFieldFiles#KIND}, the config, the stored transform and the two parameter blocks.
     *
     * @throws FormatException when the config does not have the stored shape (see {@link #toField})
     */
    public FieldFile toFieldFile(NeuralFieldConfig config, Path file) {
        NeuralField f = toField(config, file);
        return FieldFile.of(NeuralFieldFiles.KIND, config.toJsonText(), scale, translation, f.blocks());
    }

    /**
     * The field these weights give with {@code config}, after checking that the config has the stored shape.
     *
     * @param file names the weights file in messages (may be null)
     * @throws FormatException at the header field that differs from what {@code config} implies
     */
    public NeuralField toField(NeuralFieldConfig config, Path file) {
        NeuralField probe = new NeuralField(config, 0);
        TcnnWeights want = of(probe, 1, new double[3]);
        require(file, TcnnWeightsFiles.AT_INPUT_DIMS, "n_input_dims", inputDims, want.inputDims);
        require(file, TcnnWeightsFiles.AT_OUTPUT_DIMS, "n_output_dims", outputDims, want.outputDims);
        require(file, TcnnWeightsFiles.AT_ENCODING_OUTPUT_DIMS, "encoding output dims", encodingOutputDims,
                want.encodingOutputDims);
        require(file, TcnnWeightsFiles.AT_NETWORK_INPUT_DIMS, "network input width", networkInputDims,
                want.networkInputDims);
        require(file, TcnnWeightsFiles.AT_N_NEURONS, "n_neurons", nNeurons, want.nNeurons);
        require(file, TcnnWeightsFiles.AT_N_HIDDEN_LAYERS, "n_hidden_layers", nHiddenLayers, want.nHiddenLayers);
        require(file, TcnnWeightsFiles.AT_PADDED_OUTPUT_DIMS, "padded output width", paddedOutputDims,
                want.paddedOutputDims);
        require(file, TcnnWeightsFiles.AT_NETWORK_PARAMS, "network parameter count", networkParams, want.networkParams);
        require(file, TcnnWeightsFiles.AT_ENCODING_PARAMS, "encoding parameter count", encodingParams,
                want.encodingParams);
        probe.setBlocks(blocks());
        return probe;
    }

    private static void require(Path file, long at, String what, long found, long expected) {
        if (found != expected) {
            throw FormatException.atByte(file, at, what + " is " + found + "; the config implies " + expected
                    + " (expected the config the weights were exported with)");
        }
    }

    /** The parameters as a field's blocks: {@code encoding} and {@code network} (copies). */
    public Map<String, float[]> blocks() {
        Map<String, float[]> m = new LinkedHashMap<>();
        m.put(NeuralField.ENCODING_BLOCK, Arrays.copyOfRange(params, (int) networkParams, params.length));
        m.put(NeuralField.NETWORK_BLOCK, Arrays.copyOf(params, (int) networkParams));
        return m;
    }

    /** The translation (a copy). */
    @Override
    public double[] translation() {
        return translation.clone();
    }

    static int roundUp16(int v) {
        return (v + 15) / 16 * 16;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TcnnWeights t && inputDims == t.inputDims && outputDims == t.outputDims
                && encodingOutputDims == t.encodingOutputDims && networkInputDims == t.networkInputDims
                && nNeurons == t.nNeurons && nHiddenLayers == t.nHiddenLayers && paddedOutputDims == t.paddedOutputDims
                && networkParams == t.networkParams && encodingParams == t.encodingParams
                && Double.compare(scale, t.scale) == 0 && Arrays.equals(translation, t.translation)
                && Arrays.equals(params, t.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(inputDims, outputDims, encodingOutputDims, nNeurons, nHiddenLayers, networkParams,
                encodingParams, scale, Arrays.hashCode(translation));
    }

    @Override
    public String toString() {
        return "TcnnWeights[" + inputDims + " -> encoding " + encodingOutputDims + " (" + encodingParams
                + " params) -> FullyFusedMLP " + networkInputDims + " x " + nNeurons + "x" + nHiddenLayers + " -> "
                + paddedOutputDims + " (" + networkParams + " params), scale " + scale + "]";
    }
}
