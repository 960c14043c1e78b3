package org.isofield.fields.mlp;

import org.isofield.core.Check;
import org.isofield.core.ConfigException;

/**
 * tiny-cuda-nn's {@code FullyFusedMLP}: a bias-free MLP with {@code nHiddenLayers} hidden layers of
 * {@code nNeurons} units (16 to 128, a multiple of 16), {@code activation} after each hidden layer and
 * {@code outputActivation} after the output layer. Input and output sizes are context, given to
 * {@link Networks#create} (as tiny-cuda-nn passes {@code n_input_dims}). Coordinate-aware modulation is the separate
 * otype {@code "CamMLP"} ({@link org.isofield.fields.mlp.cam.CamMlpConfig}), so this JSON is unchanged.
 *
 * <pre>{"otype": "FullyFusedMLP", "n_neurons": 64, "n_hidden_layers": 2, "activation": "ReLU",
 *  "output_activation": "None"}</pre>
 *
 * @param nNeurons width of every hidden layer
 * @param nHiddenLayers number of hidden layers (1 to 16); the network has {@code nHiddenLayers + 1} weight matrices
 * @param activation activation of the hidden layers
 * @param outputActivation activation of the output layer
 */
public record MlpConfig(int nNeurons, int nHiddenLayers, Activation activation, Activation outputActivation)
        implements NetworkConfig {
    /**
     * instant-ngp's SDF network ({@code configs/sdf/base.json}): 64 neurons, 2 hidden layers, ReLU, no output
     * activation.
     */
    public static final MlpConfig DEFAULT = new MlpConfig(64, 2, Activation.RELU, Activation.NONE);

    public MlpConfig {
        if (nNeurons < 16 || nNeurons > 128 || nNeurons % 16 != 0) {
            throw new ConfigException("n_neurons", "value " + nNeurons + " not supported; expected 16, 32, 48, ..., 128"
                    + " (a multiple of 16)");
        }
        Check.configRange("n_hidden_layers", nHiddenLayers, 1, 16);
        if (activation == null) {
            throw new ConfigException("activation",
                    "missing; expected one of None, ReLU, LeakyReLU, Sigmoid, Softplus, Tanh, Sine");
        }
        if (outputActivation == null) {
            throw new ConfigException("output_activation", "missing; expected one of None, ReLU, LeakyReLU, Sigmoid, "
                    + "Softplus, Tanh, Sine");
        }
    }

    @Override
    public String otype() {
        return "FullyFusedMLP";
    }
}
