package org.isofield.core.config;

/**
 * The config of one component implementation: an immutable record with a {@code DEFAULT} constant, whose compact
 * constructor rejects bad values with a {@link org.isofield.core.ConfigException} naming the snake_case key.
 */
public interface ComponentConfig {
    /** The registry name of the implementation, e.g. {@code "HashGrid"}. */
    String otype();
}
