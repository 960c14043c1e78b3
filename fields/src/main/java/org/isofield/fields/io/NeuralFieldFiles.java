package org.isofield.fields.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;
import org.isofield.core.ConfigException;
import org.isofield.core.FormatException;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.Precision;
import org.isofield.core.config.Configs;
import org.isofield.core.config.Json;
import org.isofield.core.config.JsonOverrides;
import org.isofield.fields.train.FieldTrainer;
import org.isofield.fields.train.NeuralField;
import org.isofield.fields.train.NeuralFieldConfig;
import org.isofield.fields.train.Trainer;

/**
 * Field files of kind {@value #KIND}: packing a {@link Trainer} into a {@link FieldFile} (optionally with its
 * optimizer state, so training can resume), rebuilding the field, and resuming training from a checkpoint. The block
 * and state layout is in {@code docs/isf-format.md}.
 *
 * <p>Errors name the file: a file of another kind, parameters that do not fit the stored config, a checkpoint
 * without optimizer state or with state that does not fit the config are {@link FormatException}s; a config that
 * changes the encoding or the network of the field being resumed is a {@link ConfigException} at {@code $.encoding}
 * or {@code $.network}.
 */
public final class NeuralFieldFiles {
    /** The field-file kind of a neural field. */
    public static final String KIND = "neural";
    /** Metadata key: the seed the field was initialised and sampled with. */
    public static final String SEED_KEY = "seed";
    /** Metadata key: training steps taken in total. */
    public static final String STEPS_KEY = "steps";

    private NeuralFieldFiles() {
    }

    /**
     * Packs a trainer's field: its inference parameters ({@link Trainer#inferenceField()}), the world-to-unit
     * transform, metadata with the seed and the step count, and with {@code withOptimizerState} the trainer's state.
     */
    public static FieldFile pack(FieldTrainer trainer, double scale, double[] translation, long seed,
            boolean withOptimizerState) {
        Objects.requireNonNull(trainer, "trainer");
        NeuralField f = trainer.inferenceField();
        ObjectNode meta = Json.mapper().createObjectNode();
        meta.put(SEED_KEY, seed);
        meta.put(STEPS_KEY, trainer.step());
        FieldFile file = FieldFile.of(KIND, storedConfig(f.config()), scale, translation, f.blocks())
                .withMetadata(Json.write(meta));
        return withOptimizerState ? file.withOptimizerState(trainer.saveState()) : file;
    }

    /**
     * The config JSON a field file stores: the run's config with backend auto and fp32, since where a field was
     * trained does not bind where it is evaluated (the run's choice goes into the metadata).
     */
    public static String storedConfig(NeuralFieldConfig config) {
        return Configs.with(config, "backend", Backend.AUTO, "precision", Precision.FP32)
                .toJsonText();
    }

    /** The stored config of a neural field file; {@code file} names it in messages (may be null). */
    public static NeuralFieldConfig config(FieldFile field, Path file) {
        requireKind(field, file);
        return NeuralFieldConfig.parse(field.configJson(), name(file) + " config");
    }

    /**
     * Rebuilds the field with the file's (inference) parameters.
     *
     * @throws FormatException for another kind or blocks that do not fit the stored config
     */
    public static NeuralField field(FieldFile field, Path file) {
        return field(field, file, config(field, file));
    }

    private static NeuralField field(FieldFile field, Path file, NeuralFieldConfig config) {
        try {
            return NeuralField.of(config, field.blocks());
        } catch (IllegalArgumentException e) {
            throw FormatException.inFile(file, e.getMessage() + " (the parameters do not match the stored config)");
        }
    }

    /**
     * The config of a resumed run: the file's config with {@code document}'s blocks and then {@code overrides} laid
     * over it. The encoding and the network must stay as they are.
     *
     * @throws ConfigException when the result changes the encoding or the network, or does not parse
     */
    public static NeuralFieldConfig resumeConfig(FieldFile field, Path file, JsonNode document,
            List<String> overrides) {
        NeuralFieldConfig stored = config(field, file);
        ObjectNode root = stored.toJson();
        if (document != null) {
            if (!document.isObject()) {
                throw new ConfigException("$", "expected a JSON object with blocks "
                        + String.join(", ", NeuralFieldConfig.KEYS));
            }
            document.fields().forEachRemaining(e -> root.set(e.getKey(), e.getValue()));
        }
        NeuralFieldConfig c = NeuralFieldConfig.parse(JsonOverrides.apply(root, overrides == null ? List.of()
                : overrides));
        requireSameShape(stored, c, file);
        return c;
    }

    /**
     * A trainer that continues the training stored in {@code field}: the field rebuilt from its config and
     * parameters, the optimizer state restored. {@code config} must have the stored encoding and network; its other
     * blocks may differ (the continuation is then no longer the uninterrupted run).
     *
     * @throws FormatException when the file has no optimizer state, or state that does not fit the config
     * @throws ConfigException when {@code config} changes the encoding or the network
     */
    public static Trainer resume(FieldFile field, Path file, NeuralFieldConfig config) {
        return resume(field, file, config, Trainer::new);
    }

    /**
     * As {@link #resume(FieldFile, Path, NeuralFieldConfig)}, with the trainer made by {@code trainer} from the
     * rebuilt field (a {@link org.isofield.fields.device.DeviceTrainer} for a device run).
     */
    public static <T extends FieldTrainer> T resume(FieldFile field, Path file, NeuralFieldConfig config,
                                                    Function<NeuralField, T> trainer) {
        NeuralFieldConfig stored = config(field, file);
        Objects.requireNonNull(config, "config");
        requireSameShape(stored, config, file);
        Map<String, float[]> state = requireOptimizerState(field, file);
        T t = trainer.apply(field(field, file, config));
        try {
            t.restoreState(state);
        } catch (IllegalArgumentException e) {
            throw FormatException.inFile(file, e.getMessage() + " (optimizer " + config.optimizer().otype() + ")");
        }
        return t;
    }

    /**
     * The file's optimizer state.
     *
     * @throws FormatException when it has none
     */
    public static Map<String, float[]> requireOptimizerState(FieldFile field, Path file) {
        requireKind(field, file);
        if (field.optimizerState().isEmpty()) {
            throw FormatException.inFile(file, "has no optimizer state (blocks present: " + field.blocks().keySet()
                    + "); resuming needs a file written with its optimizer state (isofield fit "
                    + "--save-optimizer-state)");
        }
        return field.optimizerState();
    }

    /** The seed stored in the metadata, if any. */
    public static OptionalLong seed(FieldFile field) {
        if (field.metadataJson() == null) {
            return OptionalLong.empty();
        }
        try {
            JsonNode n = Json.parse(field.metadataJson(), "metadata").get(SEED_KEY);
            return n != null && n.canConvertToLong() ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static void requireSameShape(NeuralFieldConfig stored, NeuralFieldConfig c, Path file) {
        if (!stored.encoding().equals(c.encoding())) {
            throw new ConfigException("$.encoding", "differs from the encoding of " + name(file) + ": found "
                    + Json.write(c.toJson().get("encoding")).replaceAll("\\s+", " ") + "; expected "
                    + Json.write(stored.toJson().get("encoding")).replaceAll("\\s+", " ") + " to resume");
        }
        if (!stored.network().equals(c.network())) {
            throw new ConfigException("$.network", "differs from the network of " + name(file) + ": found "
                    + Json.write(c.toJson().get("network")).replaceAll("\\s+", " ") + "; expected "
                    + Json.write(stored.toJson().get("network")).replaceAll("\\s+", " ") + " to resume");
        }
    }

    private static void requireKind(FieldFile field, Path file) {
        Objects.requireNonNull(field, "field");
        if (!KIND.equals(field.kind())) {
            throw FormatException.inFile(file, "field kind \"" + field.kind() + "\"; expected \"" + KIND + "\"");
        }
    }

    private static String name(Path file) {
        return file == null ? "the field file" : file.toString();
    }
}
