package org.isofield.encodings;

import java.util.List;
import org.isofield.core.config.ComponentKind;

/** The component kinds of the encodings module, listed for {@link org.isofield.core.config.ComponentKinds}. */
public final class EncodingComponents implements ComponentKind.Provider {
    @Override
    public List<ComponentKind<?>> kinds() {
        return List.of(ComponentKind.of(EncodingConfig.class, Encodings::registry));
    }
}
