package org.isofield.encodings;

import org.isofield.core.config.ComponentConfig;

/** The config of one encoding implementation; registered in {@link Encodings} under its {@code otype}. */
public interface EncodingConfig extends ComponentConfig {
}
