package org.isofield.datasets.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.isofield.core.Progress;

/**
 * How to write a geometry file.
 *
 * @param binary    true (the default) for the binary variant where the format has one (PLY binary little endian,
 *                  binary STL, PCD binary); false for text. OBJ, OFF and XYZ are always text, LAS always binary.
 * @param overwrite whether an existing target may be replaced; when false and the target exists, writing throws
 *                  {@link org.isofield.core.io.OutputExistsException} before anything is written
 * @param progress  receives the phase {@code "write"} with the fraction of elements written; returning false
 *                  cancels with a {@link org.isofield.core.CancelledException} and leaves no output
 * @param format    {@code "auto"} (the default) to choose the format by the target's extension
 *                  ({@link GeometryFormat#fromPath}, {@code .gz} understood), or a format name ({@code "ply"},
 *                  {@code "pcd"}, ...; any case) to write that format whatever the target's name; stored lower-case.
 *                  Writing to standard output (target {@code -}, see {@link GeometryIO#write}) needs a name.
 */
public record WriteOptions(boolean binary, boolean overwrite, Progress progress, String format) {
    /** Binary, do not overwrite, no progress, format from the extension. */
    public static final WriteOptions DEFAULT = new WriteOptions(true, false, Progress.NONE, "auto");

    /**
     * @throws org.isofield.core.ConfigException for an unknown format name
     */
    public WriteOptions {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(format, "format");
        format = format.toLowerCase(Locale.ROOT);
        if (!format.equals("auto")) {
            GeometryFormat.fromName(format);
        }
    }

    /** Options choosing the format by the target's extension. */
    public WriteOptions(boolean binary, boolean overwrite, Progress progress) {
        this(binary, overwrite, progress, "auto");
    }

    /** These options, writing binary or text. */
    public WriteOptions withBinary(boolean newBinary) {
        return new WriteOptions(newBinary, overwrite, progress, format);
    }

    /** These options, allowing or forbidding replacing an existing file. */
    public WriteOptions withOverwrite(boolean newOverwrite) {
        return new WriteOptions(binary, newOverwrite, progress, format);
    }

    /** These options with another progress callback. */
    public WriteOptions withProgress(Progress newProgress) {
        return new WriteOptions(binary, overwrite, newProgress, format);
    }

    /** These options with another format: {@code "auto"} or a format name. */
    public WriteOptions withFormat(String newFormat) {
        return new WriteOptions(binary, overwrite, progress, newFormat);
    }

    /** These options writing {@code newFormat}. */
    public WriteOptions withFormat(GeometryFormat newFormat) {
        return withFormat(newFormat.name());
    }

    /** The format to write {@code target} as: the named one, or by extension for {@code "auto"}. */
    public GeometryFormat formatFor(Path target) {
        return format.equals("auto") ? GeometryFormat.fromPath(target) : GeometryFormat.fromName(format);
    }
}
