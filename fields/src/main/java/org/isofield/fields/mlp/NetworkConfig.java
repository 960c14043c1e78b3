package org.isofield.fields.mlp;

import org.isofield.core.config.ComponentConfig;

/** Config of a network implementation, parsed by {@link Networks} from a {@code "network"} block. */
public interface NetworkConfig extends ComponentConfig {
}
