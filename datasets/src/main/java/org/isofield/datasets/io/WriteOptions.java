package org.isofield.datasets.io;

import java.util.Objects;
import org.isofield.core.Progress;

/**
 * How to write a geometry file. The format always comes from the target's extension
 * ({@link GeometryFormat#fromPath}).
 *
 * @param binary    true (the default) for the binary variant where the format has one (PLY binary little endian,
 *                  binary STL); false for text. OBJ, OFF and XYZ are always text.
 * @param overwrite whether an existing target may be replaced; when false and the target exists, writing throws
 *                  {@link org.isofield.core.io.OutputExistsException} before anything is written
 * @param progress  receives the phase {@code "write"} with the fraction of elements written; returning false
 *                  cancels with a {@link org.isofield.core.CancelledException} and leaves no output
 */
public record WriteOptions(boolean binary, boolean overwrite, Progress progress) {
    /** Binary, do not overwrite, no progress. */
    public static final WriteOptions DEFAULT = new WriteOptions(true, false, Progress.NONE);

    public WriteOptions {
        Objects.requireNonNull(progress, "progress");
    }

    /** These options, writing binary or text. */
    public WriteOptions withBinary(boolean newBinary) {
        return new WriteOptions(newBinary, overwrite, progress);
    }

    /** These options, allowing or forbidding replacing an existing file. */
    public WriteOptions withOverwrite(boolean newOverwrite) {
        return new WriteOptions(binary, newOverwrite, progress);
    }

    /** These options with another progress callback. */
    public WriteOptions withProgress(Progress newProgress) {
        return new WriteOptions(binary, overwrite, newProgress);
    }
}
