package org.isofield.fields.loss;

import org.isofield.core.config.ComponentConfig;

/** Config of a loss, parsed by {@link Losses} from a {@code "loss"} block; tiny-cuda-nn's losses have no keys. */
public interface LossConfig extends ComponentConfig {
}
