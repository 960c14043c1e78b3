package org.isofield.core.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.isofield.core.ConfigException;

/**
 * The implementations of one component kind, keyed by {@code otype} (matched ignoring case). Parses a JSON block by
 * laying the user's keys over the implementation's {@code DEFAULT}; unknown keys, wrong types and bad values are
 * {@link ConfigException}s that name the JSON path. {@link #toJson} writes {@code otype} first, so printed defaults
 * parse back to the same record.
 *
 * <p>Registration is typed: each implementation brings a function from its own config record to {@code F} (the
 * component, or a factory of it with the config bound), so no call site casts a config. The built-in registries are
 * listed for {@link Json} and tools by {@link ComponentKinds}; building a registry changes nothing global.
 *
 * @param <C> the config interface of the kind
 * @param <F> what a config binds to: the component itself, or a factory of it with the config bound
 */
public final class Registry<C extends ComponentConfig, F> {
    static final String PATH_ATTRIBUTE = "isofield.jsonPath";

    private final String kind;
    private final Class<C> baseType;
    private final Map<String, Entry<C, F>> byLowerName;

    /**
     * One registered implementation.
     *
     * @param binder what {@link #bind} calls: the registered function, after a checked cast to {@link #type}
     */
    public record Entry<C, F>(String otype, Class<? extends C> type, C defaults, Function<C, F> binder,
            List<String> keys) {
    }

    private Registry(String kind, Class<C> baseType, Map<String, Entry<C, F>> entries) {
        this.kind = kind;
        this.baseType = baseType;
        this.byLowerName = entries;
    }

    /** Starts a registry of a kind, e.g. {@code "encoding"}, whose configs implement {@code baseType}. */
    public static <C extends ComponentConfig, F> Builder<C, F> builder(String kind, Class<C> baseType) {
        return new Builder<>(kind, baseType);
    }

    /** Collects implementations. */
    public static final class Builder<C extends ComponentConfig, F> {
        private final String kind;
        private final Class<C> baseType;
        private final Map<String, Entry<C, F>> entries = new LinkedHashMap<>();

        private Builder(String kind, Class<C> baseType) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.baseType = Objects.requireNonNull(baseType, "baseType");
        }

        /**
         * Registers an implementation.
         *
         * @param factory builds {@code F} from a config of this implementation's own record type
         */
        public <T extends C> Builder<C, F> add(String otype, Class<T> type, T defaults,
                Function<? super T, ? extends F> factory) {
            Objects.requireNonNull(defaults, "defaults");
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " must be a record");
            }
            if (!defaults.otype().equals(otype)) {
                throw new IllegalArgumentException(type + ".otype() is " + defaults.otype() + ", registered as "
                        + otype);
            }
            List<String> keys = ConfigRecords.keys(type.asSubclass(Record.class));
            String lower = otype.toLowerCase(Locale.ROOT);
            if (entries.containsKey(lower)) {
                throw new IllegalArgumentException(kind + " " + otype + " is registered twice");
            }
            Objects.requireNonNull(factory, "factory");
            Function<C, F> binder = c -> factory.apply(type.cast(c));
            entries.put(lower, new Entry<>(otype, type, defaults, binder, List.copyOf(keys)));
            return this;
        }

        public Registry<C, F> build() {
            return new Registry<>(kind, baseType, Map.copyOf(entries));
        }
    }

    /** The kind's name, e.g. {@code "encoding"}. */
    public String kind() {
        return kind;
    }

    public Class<C> baseType() {
        return baseType;
    }

    /** Registered otype names, sorted. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        byLowerName.values().forEach(e -> names.add(e.otype()));
        return names;
    }

    /** The entry of {@code otype} (any case), or a {@link ConfigException} listing the known names. */
    public Entry<C, F> entry(String otype, String jsonPath) {
        Entry<C, F> e = otype == null ? null : byLowerName.get(otype.toLowerCase(Locale.ROOT));
        if (e == null) {
            throw new ConfigException(jsonPath, "unknown " + kind + " \"" + otype + "\"; known: " + String.join(", ",
                    names()));
        }
        return e;
    }

    /** The {@code DEFAULT} config of {@code otype}. */
    public C defaults(String otype) {
        return entry(otype, "$.otype").defaults();
    }

    /** The registered entries, sorted by otype. */
    public List<Entry<C, F>> entries() {
        return byLowerName.values().stream().sorted(Comparator.comparing(Entry::otype)).toList();
    }

    /** What the config binds to through its implementation's registered function. */
    public F bind(C config) {
        Objects.requireNonNull(config, "config");
        Entry<C, F> e = entry(config.otype(), "$.otype");
        if (!e.type().isInstance(config)) {
            throw new IllegalArgumentException(config.getClass() + " says otype " + config.otype() + ", which is "
                    + "registered for " + e.type());
        }
        return e.binder().apply(config);
    }

    /** Parses a block at the document root. */
    public C parse(JsonNode node) {
        return parse(node, "$");
    }

    /** Parses a block found at {@code jsonPath} (used in messages). */
    public C parse(JsonNode node, String jsonPath) {
        if (node == null || !node.isObject()) {
            throw new ConfigException(jsonPath, "expected a " + kind + " object with an \"otype\" key, found "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        JsonNode otypeNode = node.get("otype");
        if (otypeNode == null || !otypeNode.isTextual()) {
            throw new ConfigException(jsonPath, "missing \"otype\" (a string); known " + kind + "s: "
                    + String.join(", ", names()));
        }
        Entry<C, F> e = entry(otypeNode.asText(), jsonPath + ".otype");
        ObjectNode user = ((ObjectNode) node).deepCopy();
        user.remove("otype");
        return ConfigRecords.overlay(user, e.defaults(), e.type(), e.keys(), "for " + e.otype(), jsonPath);
    }

    static void overlay(ObjectNode base, ObjectNode user) {
        user.fields().forEachRemaining(f -> {
            JsonNode old = base.get(f.getKey());
            JsonNode val = f.getValue();
            boolean sameComponent = old != null && old.isObject() && val.isObject()
                    && (!val.has("otype") || val.get("otype").asText().equalsIgnoreCase(old.path("otype").asText()));
            if (sameComponent) {
                ObjectNode copy = ((ObjectNode) old).deepCopy();
                overlay(copy, (ObjectNode) val);
                base.set(f.getKey(), copy);
            } else {
                base.set(f.getKey(), val);
            }
        });
    }

    static <T> T convert(JsonNode merged, Class<T> type, String jsonPath) {
        try {
            return Json.mapper().readerFor(type).withAttribute(PATH_ATTRIBUTE, jsonPath).treeToValue(merged, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigException ce) {
                String key = ce.jsonPath();
                throw new ConfigException(key.startsWith("$") ? key : jsonPath + "." + key, ce.detail(), ce);
            }
            if (cause instanceof IllegalArgumentException iae) {
                throw new ConfigException(Json.pathOf(jsonPath, e), iae.getMessage(), iae);
            }
            throw new ConfigException(Json.pathOf(jsonPath, e), String.valueOf(cause == null ? e.getOriginalMessage()
                    : cause.getMessage()), e);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = new ArrayList<>();
            e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            throw new ConfigException(Json.pathOf(jsonPath, e), "unknown key \"" + e.getPropertyName() + "\"; known: "
                    + String.join(", ", new TreeSet<>(known)), e);
        } catch (InvalidFormatException e) {
            throw new ConfigException(Json.pathOf(jsonPath, e), "found " + e.getValue() + "; expected "
                    + describe(e.getTargetType()), e);
        } catch (MismatchedInputException e) {
            throw new ConfigException(Json.pathOf(jsonPath, e), "wrong type; expected " + describe(e.getTargetType()),
                    e);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof ConfigException ce) {
                throw ce;
            }
            throw new ConfigException(Json.pathOf(jsonPath, e), e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(jsonPath, e.getMessage(), e);
        }
    }

    private static String describe(Class<?> t) {
        if (t == null) {
            return "another type";
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "an integer";
        }
        if (t == float.class || t == Float.class || t == double.class || t == Double.class) {
            return "a number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        if (t.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : t.getEnumConstants()) {
                names.add(c.toString());
            }
            return "one of " + String.join(", ", names);
        }
        if (ComponentConfig.class.isAssignableFrom(t)) {
            return "an object with \"otype\"";
        }
        return "a " + t.getSimpleName();
    }

    /** The config as a JSON object with {@code otype} first, then its keys in record order. */
    public JsonNode toJson(C config) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("otype", config.otype());
        out.setAll(ConfigRecords.toJson((Record) config));
        return out;
    }

    /** Parses a config and checks it is of the expected record type (for typed call sites). */
    public <T extends C> T parse(JsonNode node, String jsonPath, Class<T> expected) {
        C c = parse(node, jsonPath);
        if (!expected.isInstance(c)) {
            throw new ConfigException(jsonPath + ".otype", "expected " + expected.getSimpleName() + ", found "
                    + c.otype());
        }
        return expected.cast(c);
    }
}
