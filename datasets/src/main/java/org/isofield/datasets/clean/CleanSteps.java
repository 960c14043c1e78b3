package org.isofield.datasets.clean;

import org.isofield.core.config.Registry;

/** The registry of mesh clean-up steps ({@code isofield config defaults clean_step Taubin}). */
public final class CleanSteps {
    private static final Registry<CleanStepConfig, CleanStep> REGISTRY =
            Registry.<CleanStepConfig, CleanStep>builder("clean_step", CleanStepConfig.class)
                    .add("Components", ComponentsConfig.class, ComponentsConfig.DEFAULT, Components::new)
                    .add("FarFaces", FarFacesConfig.class, FarFacesConfig.DEFAULT, FarFaces::new)
                    .add("HoleFill", HoleFillConfig.class, HoleFillConfig.DEFAULT, HoleFilling::new)
                    .add("Taubin", TaubinConfig.class, TaubinConfig.DEFAULT, TaubinSmoothing::new)
                    .add("Decimate", DecimateConfig.class, DecimateConfig.DEFAULT, QemDecimation::new)
                    .build();

    private CleanSteps() {
    }

    public static Registry<CleanStepConfig, CleanStep> registry() {
        return REGISTRY;
    }

    /** The step for a config. */
    public static CleanStep create(CleanStepConfig config) {
        return REGISTRY.bind(config);
    }
}
