package org.isofield.datasets.io;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one {@link GeometryFormat}. Implementations are stateless and thread-safe. */
@FunctionalInterface
public interface GeometryReader {
    /**
     * Reads the whole file. Called only for non-empty regular files.
     *
     * @throws org.isofield.core.FormatException when the content is malformed: the message names the file, the
     *                                           line or byte, what was found and what was expected
     * @throws IOException                       when reading fails
     */
    GeometryData read(Path file, ReadOptions options) throws IOException;
}
