package org.isofield.fields.mlp;

import org.isofield.core.config.ComponentConfig;

/** Config of a network implementation, parsed by {@link Networks} from a {@code "network"} block. */
public interface NetworkConfig extends ComponentConfig {
    /** Whether the network has the second-order pass an eikonal or pull loss needs (its input gradient's JVP). */
    default boolean hasSecondOrderPass() {
        return true;
    }

    /**
     * Whether the network reads the raw position beside the encoding's features (a coordinate-aware network such as
     * {@code CamMLP}), so a neural field appends it ({@link Networks#fieldEncoding}).
     */
    default boolean coordinateAware() {
        return false;
    }
}
