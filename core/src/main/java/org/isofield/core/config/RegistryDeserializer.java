package org.isofield.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/** Parses a nested component block (e.g. {@code "nested": {"otype": "Adam", ...}}) through its registry. */
final class RegistryDeserializer<C extends ComponentConfig> extends StdDeserializer<C> {
    private static final long serialVersionUID = 1L;
    private final transient ComponentKind<C> kind;

    RegistryDeserializer(ComponentKind<C> kind) {
        super(kind.baseType());
        this.kind = kind;
    }

    @Override
    public C deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        Object prefix = ctxt.getAttribute(Registry.PATH_ATTRIBUTE);
        String relative = Json.pathOf(p);
        String path = (prefix == null ? "$" : prefix.toString()) + relative.substring(1);
        JsonNode node = ctxt.readTree(p);
        return kind.registry().parse(node, path);
    }
}
