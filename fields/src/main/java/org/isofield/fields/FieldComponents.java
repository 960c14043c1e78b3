package org.isofield.fields;

import java.util.List;
import org.isofield.core.config.ComponentKind;
import org.isofield.fields.loss.LossConfig;
import org.isofield.fields.loss.Losses;
import org.isofield.fields.mlp.NetworkConfig;
import org.isofield.fields.mlp.Networks;
import org.isofield.fields.optim.OptimizerConfig;
import org.isofield.fields.optim.Optimizers;

/** The component kinds of the fields module, listed for {@link org.isofield.core.config.ComponentKinds}. */
public final class FieldComponents implements ComponentKind.Provider {
    @Override
    public List<ComponentKind<?>> kinds() {
        return List.of(ComponentKind.of(NetworkConfig.class, Networks::registry),
                ComponentKind.of(LossConfig.class, Losses::registry),
                ComponentKind.of(OptimizerConfig.class, Optimizers::registry));
    }
}
