package org.isofield.datasets.prep;

import org.isofield.core.config.ComponentConfig;

/**
 * The config of one cloud-preparation step ({@link PrepSteps} lists them by otype): outlier removal, downsampling,
 * cropping. A {@code --config} file for {@code isofield prep} holds a list of them, applied in order.
 */
public interface PrepStepConfig extends ComponentConfig {
}
