package org.isofield.core.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.isofield.core.ConfigException;

/**
 * The one Jackson setup of isofield: snake_case keys, unknown keys and nulls for primitives are errors, no float to
 * int and no string to number coercion, comments allowed (tiny-cuda-nn's docs annotate their JSON). Nested component
 * blocks parse and print through their kind's registry ({@link ComponentKinds}, read when the mapper is first used).
 */
public final class Json {

    private Json() {
    }

    /** The shared mapper; do not reconfigure it. Built on first use, when the kinds are listed. */
    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = build();
    }

    /** Nested blocks of every listed kind with an interface base type parse and print through its registry. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SimpleModule components() {
        SimpleModule module = new SimpleModule("isofield-components");
        for (ComponentKind<?> kind : ComponentKinds.list()) {
            Class base = kind.baseType();
            if (base.isInterface()) {
                module.addDeserializer(base, new RegistryDeserializer(kind));
                module.addSerializer(base, new JsonSerializer<ComponentConfig>() {
                    @Override
                    public void serialize(ComponentConfig value, JsonGenerator gen, SerializerProvider provider)
                            throws IOException {
                        gen.writeTree(((Registry) kind.registry()).toJson(value));
                    }
                });
            }
        }
        return module;
    }

    private static ObjectMapper build() {
        JsonMapper m = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .addModule(components())
                .build();
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return m;
    }

    /** Parses JSON text (comments allowed); a syntax error becomes a {@link ConfigException} with line and column. */
    public static JsonNode parse(String text, String source) {
        try {
            JsonNode node = mapper().readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new ConfigException("$", source + " is empty; expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ConfigException("$", source + ": invalid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a JSON file; a missing file or bad syntax is a {@link ConfigException}. */
    public static JsonNode read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException("", file + ": config file not found");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Pretty JSON text of any value (records, nodes, maps). */
    public static String write(Object value) {
        try {
            return mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** JSON path ($.a.b[2]) of a Jackson mapping error, relative to {@code prefix}. */
    static String pathOf(String prefix, JsonMappingException e) {
        StringBuilder sb = new StringBuilder(prefix);
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** JSON path of the parser's current position, e.g. {@code $.optimizer.nested}. */
    static String pathOf(JsonParser p) throws IOException {
        String pointer = p.getParsingContext().pathAsPointer().toString();
        if (pointer.isEmpty()) {
            return "$";
        }
        StringBuilder sb = new StringBuilder("$");
        for (String part : pointer.substring(1).split("/", -1)) {
            if (!part.isEmpty() && part.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(part).append(']');
            } else {
                sb.append('.').append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return sb.toString();
    }
}
