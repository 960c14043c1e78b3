package org.isofield.reconstruction;

import org.isofield.core.config.ComponentConfig;

/** The config of one reconstruction method; implementations are records registered in {@link Reconstructors}. */
public interface ReconstructorConfig extends ComponentConfig {
}
