package org.isofield.reconstruction;

import java.util.List;
import org.isofield.core.config.ComponentKind;

/** The component kinds of the reconstruction module, listed for {@link org.isofield.core.config.ComponentKinds}. */
public final class ReconstructionComponents implements ComponentKind.Provider {
    @Override
    public List<ComponentKind<?>> kinds() {
        return List.of(ComponentKind.of(ReconstructorConfig.class, Reconstructors::registry));
    }
}
