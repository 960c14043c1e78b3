package org.isofield.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.isofield.core.ConfigException;

/**
 * Applies command-line overrides of the form {@code key.path=value} to a JSON document, e.g.
 * {@code encoding.n_levels=12} or {@code optimizer.nested.learning_rate=1e-3}. The value is read as JSON when it
 * parses (numbers, true/false, objects), else as a string. Intermediate objects are created as needed; whether the
 * key exists is checked later, when the registry parses the block.
 */
public final class JsonOverrides {
    private JsonOverrides() {
    }

    /** Returns a copy of {@code root} with every override applied in order. */
    public static ObjectNode apply(JsonNode root, List<String> overrides) {
        ObjectNode out = root == null ? Json.mapper().createObjectNode() : ((ObjectNode) root).deepCopy();
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("", "--set " + o + ": expected key=value, e.g. encoding.n_levels=12");
            }
            String key = o.substring(0, eq).trim();
            String raw = o.substring(eq + 1).trim();
            String[] parts = key.split("\\.");
            ObjectNode node = out;
            StringBuilder path = new StringBuilder("$");
            for (int i = 0; i < parts.length - 1; i++) {
                path.append('.').append(parts[i]);
                JsonNode child = node.get(parts[i]);
                if (child == null) {
                    child = node.putObject(parts[i]);
                } else if (!child.isObject()) {
                    throw new ConfigException(path.toString(), "--set " + o + ": not an object, cannot set " + key);
                }
                node = (ObjectNode) child;
            }
            node.set(parts[parts.length - 1], value(raw));
        }
        return out;
    }

    private static JsonNode value(String raw) {
        try {
            JsonNode v = Json.mapper().readTree(raw);
            if (v != null && !v.isMissingNode()) {
                return v;
            }
        } catch (JsonProcessingException e) {
            // not JSON: a plain string
        }
        return TextNode.valueOf(raw);
    }
}
