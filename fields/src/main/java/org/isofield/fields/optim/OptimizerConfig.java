package org.isofield.fields.optim;

import org.isofield.core.config.ComponentConfig;

/**
 * Config of an optimizer, parsed by {@link Optimizers} from an {@code "optimizer"} block. Wrappers ({@link EmaConfig},
 * {@link ExponentialDecayConfig}) hold their wrapped optimizer under {@code "nested"}, parsed through the same
 * registry.
 */
public interface OptimizerConfig extends ComponentConfig {
}
