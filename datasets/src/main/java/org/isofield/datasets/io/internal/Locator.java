package org.isofield.datasets.io.internal;

import org.isofield.core.FormatException;

/** Where a reader is in its file: turns a detail message into a {@link FormatException} naming the file and the line or
 * byte. */
@FunctionalInterface
public interface Locator {
    /** An exception for the current position; the caller throws it. */
    FormatException error(String detail);
}
