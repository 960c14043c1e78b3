package org.isofield.fields.optim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.isofield.core.config.Registry;

/**
 * The optimizer registry (kind {@code "optimizer"}): Adam (tiny-cuda-nn's), DenseAdam (the paper's, GridPull's), and
 * the Ema and ExponentialDecay wrappers.
 */
public final class Optimizers {
    /** Builds the optimizer of a bound config over parameter groups tiling {@code [0, paramCount)}. */
    @FunctionalInterface
    public interface Factory {
        Optimizer create(List<ParameterGroup> groups, int paramCount);
    }

    private static final Registry<OptimizerConfig, Factory> REGISTRY =
            Registry.<OptimizerConfig, Factory>builder("optimizer", OptimizerConfig.class)
                    .add("Adam", AdamConfig.class, AdamConfig.DEFAULT,
                            c -> (g, n) -> new AdamOptimizer(c, g, n))
                    .add("DenseAdam", DenseAdamConfig.class, DenseAdamConfig.DEFAULT,
                            c -> (g, n) -> new DenseAdamOptimizer(c, g, n))
                    .add("Ema", EmaConfig.class, EmaConfig.DEFAULT,
                            c -> (g, n) -> new EmaOptimizer(c, create(c.nested(), g, n), n))
                    .add("ExponentialDecay", ExponentialDecayConfig.class, ExponentialDecayConfig.DEFAULT,
                            c -> (g, n) -> new ExponentialDecayOptimizer(c, create(c.nested(), g, n)))
                    .build();

    /**
     * instant-ngp's SDF optimizer ({@code configs/sdf/base.json}): Ema(0.95) around ExponentialDecay (x0.33 every 5000
     * steps from step 10000) around Adam (lr 1e-4, beta1 0.9, beta2 0.99, epsilon 1e-15, l2_reg 1e-6).
     */
    public static final OptimizerConfig SDF_DEFAULT = new EmaConfig(0.95,
            new ExponentialDecayConfig(0.33, 5000, 10000, 10_000_000, AdamConfig.DEFAULT));

    private Optimizers() {
    }

    public static Registry<OptimizerConfig, Factory> registry() {
        return REGISTRY;
    }

    public static OptimizerConfig parse(JsonNode json, String jsonPath) {
        return REGISTRY.parse(json, jsonPath);
    }

    public static Optimizer create(OptimizerConfig config, List<ParameterGroup> groups, int paramCount) {
        return REGISTRY.bind(config).create(groups, paramCount);
    }

    public static Set<String> names() {
        return REGISTRY.names();
    }
}
