package org.isofield.datasets;

import java.util.List;
import org.isofield.core.config.ComponentKind;
import org.isofield.datasets.clean.CleanStepConfig;
import org.isofield.datasets.clean.CleanSteps;
import org.isofield.datasets.metrics.EvalConfig;
import org.isofield.datasets.metrics.Evaluators;
import org.isofield.datasets.prep.PrepStepConfig;
import org.isofield.datasets.prep.PrepSteps;
import org.isofield.datasets.sample.SamplerConfig;
import org.isofield.datasets.sample.Samplers;

/** The component kinds of the datasets module, listed for {@link org.isofield.core.config.ComponentKinds}. */
public final class DatasetComponents implements ComponentKind.Provider {
    @Override
    public List<ComponentKind<?>> kinds() {
        return List.of(ComponentKind.of(SamplerConfig.class, Samplers::registry),
                ComponentKind.of(EvalConfig.class, Evaluators::registry),
                ComponentKind.of(PrepStepConfig.class, PrepSteps::registry),
                ComponentKind.of(CleanStepConfig.class, CleanSteps::registry));
    }
}
