package org.isofield.datasets.clean;

import org.isofield.core.config.ComponentConfig;

/**
 * The config of one mesh clean-up step ({@link CleanSteps} lists them by otype): component filtering, removal of
 * faces far from the input, Taubin smoothing, hole filling, quadric-error decimation. A {@code --clean-config} file
 * for {@code isofield clean} holds a list of them, applied in order.
 */
public interface CleanStepConfig extends ComponentConfig {
}
