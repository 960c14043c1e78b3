package org.isofield.datasets.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** Writes one {@link GeometryFormat}. Implementations are stateless and thread-safe. */
public interface GeometryWriter {
    /**
     * Checks that this format can hold {@code data} before anything is written; does nothing by default.
     *
     * @throws org.isofield.core.FormatException naming {@code target} when it cannot (e.g. STL without faces)
     */
    default void check(GeometryData data, Path target) {
    }

    /**
     * Writes {@code data} to {@code out} (buffered, not closed here). World coordinates are {@code origin + stored};
     * attributes the format cannot hold ({@link GeometryFormat#canHoldColors()} ...) are left out.
     */
    void write(GeometryData data, OutputStream out, WriteOptions options) throws IOException;
}
