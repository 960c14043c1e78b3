package org.isofield.core.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** Writes a nested component block with {@code otype} first. */
final class RegistrySerializer<C extends ComponentConfig> extends StdSerializer<C> {
    private static final long serialVersionUID = 1L;
    private final transient ComponentKind<C> kind;

    RegistrySerializer(ComponentKind<C> kind) {
        super(kind.baseType());
        this.kind = kind;
    }

    @Override
    public void serialize(C value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeTree(kind.registry().toJson(value));
    }
}
