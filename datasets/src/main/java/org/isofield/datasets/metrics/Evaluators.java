package org.isofield.datasets.metrics;

import org.isofield.core.config.Registry;

/** The registry of surface evaluators ({@code isofield config defaults evaluator Surface}). */
public final class Evaluators {
    private static final Registry<EvalConfig, SurfaceMetrics> REGISTRY =
            Registry.<EvalConfig, SurfaceMetrics>builder("evaluator", EvalConfig.class)
                    .add("Surface", EvalConfig.class, EvalConfig.DEFAULT, SurfaceMetrics::new)
                    .build();

    private Evaluators() {
    }

    public static Registry<EvalConfig, SurfaceMetrics> registry() {
        return REGISTRY;
    }

    /** An evaluator for the config. */
    public static SurfaceMetrics create(EvalConfig config) {
        return REGISTRY.bind(config);
    }
}
