package org.isofield.datasets.prep;

import org.isofield.core.config.Registry;

/** The registry of cloud-preparation steps ({@code isofield config defaults prep_step StatisticalOutliers}). */
public final class PrepSteps {
    private static final Registry<PrepStepConfig, PrepStep> REGISTRY =
            Registry.<PrepStepConfig, PrepStep>builder("prep_step", PrepStepConfig.class)
                    .add("Crop", CropConfig.class, CropConfig.DEFAULT, Crop::new)
                    .add("StatisticalOutliers", StatisticalOutliersConfig.class, StatisticalOutliersConfig.DEFAULT,
                            StatisticalOutliers::new)
                    .add("RadiusOutliers", RadiusOutliersConfig.class, RadiusOutliersConfig.DEFAULT,
                            RadiusOutliers::new)
                    .add("VoxelDownsample", VoxelDownsampleConfig.class, VoxelDownsampleConfig.DEFAULT,
                            VoxelDownsample::new)
                    .build();

    private PrepSteps() {
    }

    public static Registry<PrepStepConfig, PrepStep> registry() {
        return REGISTRY;
    }

    /** The step for a config. */
    public static PrepStep create(PrepStepConfig config) {
        return REGISTRY.bind(config);
    }
}
