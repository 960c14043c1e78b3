package org.isofield.datasets.sample;

import org.isofield.core.config.Registry;

/** The registry of surface samplers ({@code isofield config defaults sampler AreaWeighted}). */
public final class Samplers {
    private static final Registry<SamplerConfig, SurfaceSampler> REGISTRY =
            Registry.<SamplerConfig, SurfaceSampler>builder("sampler", SamplerConfig.class)
                    .add("AreaWeighted", SamplerConfig.class, SamplerConfig.DEFAULT, SurfaceSampler::new)
                    .build();

    private Samplers() {
    }

    public static Registry<SamplerConfig, SurfaceSampler> registry() {
        return REGISTRY;
    }

    /** A sampler for the config. */
    public static SurfaceSampler create(SamplerConfig config) {
        return REGISTRY.bind(config);
    }
}
