package org.isofield.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.isofield.core.ConfigException;

/**
 * The one way a config record is read from JSON and written back, for component blocks ({@link Registry#parse},
 * which adds {@code otype}) and for plain config records such as a neural field's: the user's keys are laid over the
 * record's defaults (a nested block of the same component, or a plain nested object, is merged key by key; another
 * {@code otype} replaces it), unknown keys are {@link ConfigException}s naming their path and the known keys, and
 * the record's constructor checks the values.
 */
public final class ConfigRecords {
    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private ConfigRecords() {
    }

    /**
     * Parses a config record found at {@code jsonPath} over {@code defaults}.
     *
     * @throws ConfigException for a non-object, an unknown key or a bad value, naming the JSON path
     */
    public static <T extends Record> T parse(JsonNode node, String jsonPath, Class<T> type, T defaults) {
        if (node == null || !node.isObject()) {
            throw new ConfigException(jsonPath, "expected a JSON object with keys " + String.join(", ", keys(type))
                    + ", found " + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        return overlay(((ObjectNode) node).deepCopy(), defaults, type, keys(type), "", jsonPath);
    }

    /** The snake_case keys of a record type, in component order. */
    public static List<String> keys(Class<? extends Record> type) {
        List<String> keys = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            keys.add(SNAKE.translate(rc.getName()));
        }
        return keys;
    }

    /** The record as a JSON object, its keys in component order (nested components with {@code otype} first). */
    public static ObjectNode toJson(Record config) {
        ObjectNode out = Json.mapper().createObjectNode();
        for (RecordComponent rc : config.getClass().getRecordComponents()) {
            Object value;
            try {
                value = rc.getAccessor().invoke(config);
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException("cannot read " + rc.getName() + " of " + config.getClass(), ex);
            }
            out.set(SNAKE.translate(rc.getName()), Json.mapper().valueToTree(value));
        }
        return out;
    }

    static <T> T overlay(ObjectNode user, Object defaults, Class<T> type, List<String> keys, String what,
            String jsonPath) {
        Iterator<String> fields = user.fieldNames();
        while (fields.hasNext()) {
            String key = fields.next();
            if (!keys.contains(key)) {
                // a component block's message names its otype at the block; a plain record's names the key's path
                throw new ConfigException(what.isEmpty() ? jsonPath + "." + key : jsonPath, "unknown key \"" + key
                        + "\"" + (what.isEmpty() ? "" : " " + what) + "; known: " + String.join(", ",
                        new TreeSet<>(keys)));
            }
        }
        ObjectNode merged = toJson((Record) defaults);
        Registry.overlay(merged, user);
        return Registry.convert(merged, type, jsonPath);
    }
}
