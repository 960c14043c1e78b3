package org.isofield.fields.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.isofield.core.Check;
import org.isofield.core.ConfigException;
import org.isofield.core.config.Json;
import org.isofield.core.config.JsonOverrides;
import org.isofield.encodings.EncodingConfig;
import org.isofield.encodings.Encodings;
import org.isofield.encodings.hashgrid.HashGridConfig;
import org.isofield.fields.loss.LossConfig;
import org.isofield.fields.loss.Losses;
import org.isofield.fields.loss.MapeConfig;
import org.isofield.fields.mlp.MlpConfig;
import org.isofield.fields.mlp.NetworkConfig;
import org.isofield.fields.mlp.Networks;
import org.isofield.fields.optim.OptimizerConfig;
import org.isofield.fields.optim.Optimizers;

/**
 * The config of a neural field and its training, in tiny-cuda-nn / instant-ngp JSON: one block per component kind,
 * each chosen by {@code "otype"} through its registry, plus the batch size.
 * <pre>{@code
 * { "encoding":  { "otype": "HashGrid", "n_levels": 16, ... },
 *   "network":   { "otype": "FullyFusedMLP", "n_neurons": 64, "n_hidden_layers": 2, "activation": "ReLU", ... },
 *   "loss":      { "otype": "MAPE" },
 *   "optimizer": { "otype": "Ema", "decay": 0.95, "nested": { "otype": "ExponentialDecay", ... } },
 *   "batch_size": 65536 }
 * }</pre>
 * Parsing is strict: an unknown top-level key is a {@link ConfigException} naming its path ({@code $.encodnig});
 * unknown keys inside a block are rejected by the block's registry. An absent block takes its {@link #DEFAULT}.
 *
 * @param encoding the input encoding (3 input dimensions)
 * @param network the network after the encoding (one output, the field value)
 * @param loss the training loss
 * @param optimizer the optimizer, applied to the encoding's and the network's parameters
 * @param batchSize samples per training step, 8 to 2^24 and a multiple of 8
 */
public record NeuralFieldConfig(EncodingConfig encoding, NetworkConfig network, LossConfig loss,
        OptimizerConfig optimizer, int batchSize) {
    /** Top-level keys, in order. */
    public static final List<String> KEYS = List.of("encoding", "network", "loss", "optimizer", "batch_size");

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
        Check.configRange("batch_size", batchSize, 8, 1 << 24);
        if (batchSize % 8 != 0) {
            throw new ConfigException("batch_size", "value " + batchSize + " is not a multiple of 8; expected 8, 16, ...");
        }
    }

    /** Parses a config object; absent blocks take the defaults, unknown keys are errors with their JSON path. */
    public static NeuralFieldConfig parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new ConfigException("$", "expected a JSON object with blocks " + String.join(", ", KEYS));
        }
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!KEYS.contains(key)) {
                throw new ConfigException("$." + key, "unknown key \"" + key + "\"; known: " + String.join(", ",
                        Set.copyOf(KEYS).stream().sorted().toList()));
            }
        }
        EncodingConfig enc = json.has("encoding")
                ? Encodings.registry().parse(json.get("encoding"), "$.encoding") : DEFAULT.encoding;
        NetworkConfig net = json.has("network") ? Networks.parse(json.get("network"), "$.network") : DEFAULT.network;
        LossConfig loss = json.has("loss") ? Losses.parse(json.get("loss"), "$.loss") : DEFAULT.loss;
        OptimizerConfig opt = json.has("optimizer")
                ? Optimizers.parse(json.get("optimizer"), "$.optimizer") : DEFAULT.optimizer;
        int batch = DEFAULT.batchSize;
        if (json.has("batch_size")) {
            JsonNode b = json.get("batch_size");
            if (!b.isIntegralNumber() || !b.canConvertToInt()) {
                throw new ConfigException("$.batch_size", "found " + b + "; expected an integer");
            }
            batch = b.intValue();
        }
        try {
            return new NeuralFieldConfig(enc, net, loss, opt, batch);
        } catch (ConfigException e) {
            throw new ConfigException("$." + e.jsonPath(), e.detail(), e);
        }
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
        ObjectNode o = Json.mapper().createObjectNode();
        o.set("encoding", Encodings.registry().toJson(encoding));
        o.set("network", Networks.registry().toJson(network));
        o.set("loss", Losses.registry().toJson(loss));
        o.set("optimizer", Optimizers.registry().toJson(optimizer));
        o.put("batch_size", batchSize);
        return o;
    }

    /** Pretty JSON text of {@link #toJson()}. */
    public String toJsonText() {
        return Json.write(toJson());
    }

    public NeuralFieldConfig withBatchSize(int n) {
        return new NeuralFieldConfig(encoding, network, loss, optimizer, n);
    }
}
