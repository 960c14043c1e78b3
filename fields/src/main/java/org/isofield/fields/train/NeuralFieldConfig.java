package org.isofield.fields.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.isofield.core.Check;
import org.isofield.core.ConfigException;
import org.isofield.core.config.ConfigRecords;
import org.isofield.core.config.Json;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.Precision;
import org.isofield.core.config.JsonOverrides;
import org.isofield.encodings.EncodingConfig;
import org.isofield.encodings.hashgrid.HashGridConfig;
import org.isofield.fields.loss.LossConfig;
import org.isofield.fields.loss.MapeConfig;
import org.isofield.fields.mlp.MlpConfig;
import org.isofield.fields.mlp.NetworkConfig;
import org.isofield.fields.mlp.Networks;
import org.isofield.fields.optim.OptimizerConfig;
import org.isofield.fields.optim.Optimizers;

/**
 * The config of a neural field and its training, in tiny-cuda-nn / instant-ngp JSON: one block per component kind,
 * each chosen by {@code "otype"} through its registry, plus the batch size and the eikonal term.
 * <pre>{@code
 * { "encoding":  { "otype": "HashGrid", "n_levels": 16, ... },
 *   "network":   { "otype": "FullyFusedMLP", "n_neurons": 64, "n_hidden_layers": 2, "activation": "ReLU", ... },
 *   "loss":      { "otype": "MAPE" },
 *   "optimizer": { "otype": "Ema", "decay": 0.95, "nested": { "otype": "ExponentialDecay", ... } },
 *   "batch_size": 65536, "eikonal_weight": 0.0, "eikonal_fraction": 0.125, "backend": "auto", "precision": "fp32" }
 * }</pre>
 * Parsing is strict: an unknown top-level key is a {@link ConfigException} naming its path ({@code $.encodnig});
 * unknown keys inside a block are rejected by the block's registry. An absent block takes its {@link #DEFAULT}.
 *
 * @param encoding the input encoding (3 input dimensions)
 * @param network the network after the encoding (one output, the field value)
 * @param loss the training loss
 * @param optimizer the optimizer, applied to the encoding's and the network's parameters
 * @param batchSize samples per training step, 8 to 2^24 and a multiple of 8
 * @param eikonalWeight {@code lambda} of the eikonal term {@code lambda mean (|grad f| - 1)^2} added to the loss,
 *                      over a {@code eikonalFraction} share of each batch, with {@code grad f} the field's spatial
 *                      gradient in the unit cube; 0 (the default) turns it off. Needs a network with a
 *                      second-order pass ({@code FullyFusedMLP}, not {@code CamMLP})
 * @param eikonalFraction share of each batch the eikonal term is evaluated on, in {@code (0, 1]}: samples spread
 *                        evenly over the batch, so its mix of surface, near-surface and uniform samples is kept
 * @param backend where training and evaluation run ({@link Backend}): {@code auto} (CUDA, then an OpenCL GPU, then
 *                the Java CPU path), {@code cpu}, {@code opencl} or {@code cuda}; a backend asked for and missing is an
 *                error, never a fallback. Not stored in field files (a field trained on a GPU evaluates anywhere)
 * @param precision {@code fp32}, or {@code fp16} for the CUDA backend's tensor-core MLP (fp32 accumulation and master
 *                  weights); not stored in field files
 */
public record NeuralFieldConfig(EncodingConfig encoding, NetworkConfig network, LossConfig loss,
        OptimizerConfig optimizer, int batchSize, double eikonalWeight, double eikonalFraction, Backend backend,
        Precision precision) {
    /** Top-level keys, in order. */
    public static final List<String> KEYS = List.of("encoding", "network", "loss", "optimizer", "batch_size",
            "eikonal_weight", "eikonal_fraction", "backend", "precision");
    /** Default share of a batch for the eikonal term. */
    public static final double DEFAULT_EIKONAL_FRACTION = 0.125;

    /**
     * instant-ngp's SDF config ({@code configs/sdf/base.json}): HashGrid L16 F2 T2^19 N_min 16 b 1.381913, a 64x2
     * ReLU FullyFusedMLP, MAPE, Ema(0.95) over ExponentialDecay over Adam; batch 2^16 (instant-ngp uses 2^18 on a
     * GPU).
     */
    public static final NeuralFieldConfig DEFAULT = new NeuralFieldConfig(HashGridConfig.DEFAULT, MlpConfig.DEFAULT,
            MapeConfig.DEFAULT, Optimizers.SDF_DEFAULT, 1 << 16);

    public NeuralFieldConfig {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        if (backend == null) {
            throw new ConfigException("backend", "missing; expected auto, cpu, opencl or cuda");
        }
        if (precision == null) {
            throw new ConfigException("precision", "missing; expected fp32 or fp16");
        }
        if (precision == Precision.FP16 && (backend == Backend.CPU || backend == Backend.OPENCL)) {
            throw new ConfigException("precision", "fp16 uses CUDA tensor cores, which backend " + backend
                    + " has not; expected precision fp32 with backend " + backend + ", or backend cuda (or auto)");
        }
        Check.configRange("batch_size", batchSize, 8, 1 << 24);
        if (batchSize % 8 != 0) {
            throw new ConfigException("batch_size", "value " + batchSize
                    + " is not a multiple of 8; expected 8, 16, ...");
        }
        if (!(eikonalWeight >= 0) || !Double.isFinite(eikonalWeight)) {
            throw new ConfigException("eikonal_weight", "value " + eikonalWeight + " not supported; expected 0 (off)"
                    + " or a positive number, e.g. 0.1");
        }
        if (!(eikonalFraction > 0 && eikonalFraction <= 1)) {
            throw new ConfigException("eikonal_fraction", "value " + eikonalFraction + " not supported; expected a"
                    + " share of the batch in (0, 1], e.g. 0.125");
        }
        if (eikonalWeight > 0 && !Networks.supportsSecondOrder(network)) {
            throw new ConfigException("eikonal_weight", "value " + eikonalWeight + " needs second derivatives through"
                    + " the network, which network " + network.otype() + " does not provide; expected 0 with "
                    + network.otype() + ", or network FullyFusedMLP");
        }
    }

    /** A config without the eikonal term ({@code eikonal_weight} 0), backend auto, fp32. */
    public NeuralFieldConfig(EncodingConfig encoding, NetworkConfig network, LossConfig loss,
                             OptimizerConfig optimizer, int batchSize) {
        this(encoding, network, loss, optimizer, batchSize, 0.0, DEFAULT_EIKONAL_FRACTION);
    }

    /** A config with backend auto and fp32. */
    public NeuralFieldConfig(EncodingConfig encoding, NetworkConfig network, LossConfig loss,
                             OptimizerConfig optimizer, int batchSize, double eikonalWeight, double eikonalFraction) {
        this(encoding, network, loss, optimizer, batchSize, eikonalWeight, eikonalFraction, Backend.AUTO,
                Precision.FP32);
    }

    /**
     * Parses a config object the way every config record is parsed ({@link ConfigRecords}): the keys given are laid
     * over {@link #DEFAULT} (a block of the default's otype is merged key by key, another otype replaces it), unknown
     * keys are errors with their JSON path.
     */
    public static NeuralFieldConfig parse(JsonNode json) {
        return ConfigRecords.parse(json, "$", NeuralFieldConfig.class, DEFAULT);
    }

    /** Parses JSON text (comments allowed); {@code source} names it in messages. */
    public static NeuralFieldConfig parse(String text, String source) {
        return parse(Json.parse(text, source));
    }

    /**
     * The config from an optional JSON document and {@code key=value} overrides ({@code encoding.n_levels=8}), laid
     * over the full {@link #DEFAULT} JSON so that any default key can be overridden.
     */
    public static NeuralFieldConfig load(JsonNode document, List<String> overrides) {
        ObjectNode root = DEFAULT.toJson();
        if (document != null) {
            if (!document.isObject()) {
                throw new ConfigException("$", "expected a JSON object with blocks " + String.join(", ", KEYS));
            }
            document.fields().forEachRemaining(f -> root.set(f.getKey(), f.getValue()));
        }
        return parse(JsonOverrides.apply(root, overrides == null ? List.of() : overrides));
    }

    /** The config as JSON, every key written out, blocks with {@code otype} first; {@link #parse} reads it back. */
    public ObjectNode toJson() {
        return ConfigRecords.toJson(this);
    }

    /** Pretty JSON text of {@link #toJson()}. */
    public String toJsonText() {
        return Json.write(toJson());
    }
}
