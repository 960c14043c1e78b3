package org.isofield.reconstruction;

import org.isofield.core.config.ComponentConfig;

/** The config of one reconstruction method; implementations are records registered in {@link Reconstructors}. */
public interface ReconstructorConfig extends ComponentConfig {
    /**
     * Whether the method has {@code backend} and {@code precision} keys (it can run on a GPU); a method without them
     * runs on the CPU, and asking it for a device is an error.
     */
    default boolean hasBackend() {
        return false;
    }
}
