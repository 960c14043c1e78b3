package org.isofield.datasets.sample;

import org.isofield.core.config.ComponentKind;
import org.isofield.core.config.ComponentKinds;
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

    /** This kind for {@link ComponentKinds}, listed in {@code META-INF/services}. */
    public static final class Kind implements ComponentKind<SamplerConfig> {
        @Override
        public Class<SamplerConfig> baseType() {
            return SamplerConfig.class;
        }

        @Override
        public Registry<SamplerConfig, ?> registry() {
            return Samplers.registry();
        }
    }
}
