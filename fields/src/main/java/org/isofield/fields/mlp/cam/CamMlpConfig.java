package org.isofield.fields.mlp.cam;

import org.isofield.core.Check;
import org.isofield.core.ConfigException;
import org.isofield.fields.mlp.Activation;
import org.isofield.fields.mlp.MlpConfig;
import org.isofield.fields.mlp.NetworkConfig;

/**
 * A {@code FullyFusedMLP} with coordinate-aware modulation (network otype {@code "CamMLP"}): the MLP keys of
 * {@link MlpConfig} plus the tri-plane grid that scales and shifts every hidden layer.
 *
 * <pre>{"otype": "CamMLP", "n_neurons": 64, "n_hidden_layers": 2, "activation": "ReLU", "output_activation": "None",
 *  "grid_resolution": 64, "per_neuron": false, "instance_normalization": false, "normalization_epsilon": 1e-5,
 *  "grid_learning_rate_factor": 10.0}</pre>
 *
 * @param nNeurons width of every hidden layer (16 to 128, a multiple of 16)
 * @param nHiddenLayers number of hidden layers (1 to 16), each modulated
 * @param activation activation of the hidden layers, applied after the modulation
 * @param outputActivation activation of the output layer (not modulated)
 * @param gridResolution {@code R}: each of the three planes (xy, xz, yz) has {@code R x R} vertices per channel,
 *                       2 to 1024
 * @param perNeuron false: one scale and one shift per hidden layer, shared by its neurons (the paper's choice);
 *                  true: one scale and one shift per hidden neuron ({@code n_neurons} times the grid channels)
 * @param instanceNormalization normalise each hidden layer's pre-activations over its neurons, per sample, before
 *                              the modulation (the paper does; default false, the plain modulated MLP)
 * @param normalizationEpsilon added to the variance before the square root in the normalisation
 * @param gridLearningRateFactor the grid's learning rate over the MLP's (the paper uses 10; default 0.1)
 */
public record CamMlpConfig(int nNeurons, int nHiddenLayers, Activation activation, Activation outputActivation,
        int gridResolution, boolean perNeuron, boolean instanceNormalization, double normalizationEpsilon,
        double gridLearningRateFactor) implements NetworkConfig {
    /**
     * instant-ngp's 64x2 ReLU SDF network with a 64 x 64 tri-plane, shared factors, grid lr x0.1, without instance
     * normalisation (eps 1e-5 applies when it is switched on). The paper's design normalises; on hash-grid features
     * (about 1e-4 at the start) the normalisation makes the network scale-invariant in them and amplifies the hash
     * noise to an O(1) output (spot-lowres: sign noise everywhere, Chamfer-L1 0.011 against 0.0021 for a plain
     * MLP). Without normalisation the paper's grid lr x10 killed a spot-lowres fit at its first step: Adam moved
     * every shared shift by -1e-3, below all first-layer pre-activations (about 1e-4), and a dead ReLU layer gets no
     * gradient again; x1 died the same way. x0.1 trained: spot-lowres (R 16, equal parameter count with a plain
     * 80x2 MLP) reached Chamfer-L1 0.002096, the plain MLP's figure, final loss 0.0144. Details in package-info and
     * docs/decisions/cam-mlp.md.
     */
    public static final CamMlpConfig DEFAULT = new CamMlpConfig(64, 2, Activation.RELU, Activation.NONE, 64, false,
            false, 1e-5, 0.1);

    /** Largest tri-plane grid accepted (2^27 floats, 512 MiB). */
    public static final long MAX_GRID_PARAMS = 1L << 27;

    public CamMlpConfig {
        new MlpConfig(nNeurons, nHiddenLayers, activation, outputActivation); // same checks and messages
        Check.configRange("grid_resolution", gridResolution, 2, 1024);
        long gridParams = 3L * gridResolution * gridResolution * (perNeuron ? 2 * nNeurons : 2) * nHiddenLayers;
        if (gridParams > MAX_GRID_PARAMS) {
            throw new ConfigException("grid_resolution", "value " + gridResolution + " gives " + gridParams
                    + " grid parameters; expected at most " + MAX_GRID_PARAMS + " (lower grid_resolution, or set"
                    + " per_neuron false)");
        }
        if (!(normalizationEpsilon > 0) || !Double.isFinite(normalizationEpsilon)) {
            throw new ConfigException("normalization_epsilon", "value " + normalizationEpsilon
                    + " not supported; expected a positive number (added to the variance; PyTorch uses 1e-5)");
        }
        if (!(gridLearningRateFactor > 0) || !Double.isFinite(gridLearningRateFactor)) {
            throw new ConfigException("grid_learning_rate_factor", "value " + gridLearningRateFactor
                    + " not supported; expected a positive number (the paper uses 10)");
        }
    }

    /** The MLP part, as a plain {@code FullyFusedMLP} config. */
    public MlpConfig mlp() {
        return new MlpConfig(nNeurons, nHiddenLayers, activation, outputActivation);
    }

    /** Grid channels per hidden layer: scale and shift, once or once per neuron. */
    public int channelsPerLayer() {
        return perNeuron ? 2 * nNeurons : 2;
    }

    /** Parameters of the tri-plane grid: {@code 3 R^2 x channels x hidden layers}. */
    public long gridParamCount() {
        return 3L * gridResolution * gridResolution * channelsPerLayer() * nHiddenLayers;
    }

    /** CAM has no second-order pass. */
    @Override
    public boolean hasSecondOrderPass() {
        return false;
    }

    /** CAM reads the position beside the features. */
    @Override
    public boolean coordinateAware() {
        return true;
    }

    @Override
    public String otype() {
        return "CamMLP";
    }
}
