package org.isofield.datasets.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.isofield.core.Progress;

/**
 * How to read a geometry file.
 *
 * @param format        {@code "auto"} to choose the format by the file's extension, or a format name
 *                      ({@code "ply"}, {@code "obj"}, {@code "off"}, {@code "xyz"}, {@code "stl"}, {@code "pcd"},
 *                      {@code "las"}; any case) to read the file as that format whatever its name; stored lower-case.
 *                      Reading standard input (file {@code -}, see {@link GeometryIO#read}) needs a name.
 * @param dropNonFinite false (the default) to reject a point whose position or normal is NaN or infinite with a
 *                      {@link org.isofield.core.FormatException} naming the point and its line or byte; true to
 *                      drop such points, and every face that uses one, instead
 * @param progress      receives the phase {@code "read"} with the fraction of the file's bytes read; returning false
 *                      cancels the read with a {@link org.isofield.core.CancelledException}
 */
public record ReadOptions(String format, boolean dropNonFinite, Progress progress) {
    /** Automatic format, reject non-finite points, no progress. */
    public static final ReadOptions DEFAULT = new ReadOptions("auto", false, Progress.NONE);

    /**
     * @throws org.isofield.core.ConfigException for an unknown format name
     */
    public ReadOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(progress, "progress");
        format = format.toLowerCase(Locale.ROOT);
        if (!format.equals("auto")) {
            GeometryFormat.fromName(format);
        }
    }

    /** These options with another format ({@code "auto"} or a format name). */
    public ReadOptions withFormat(String newFormat) {
        return new ReadOptions(newFormat, dropNonFinite, progress);
    }

    /** These options reading as {@code newFormat}. */
    public ReadOptions withFormat(GeometryFormat newFormat) {
        return withFormat(newFormat.name());
    }

    /** These options with another non-finite policy. */
    public ReadOptions withDropNonFinite(boolean drop) {
        return new ReadOptions(format, drop, progress);
    }

    /** These options with another progress callback. */
    public ReadOptions withProgress(Progress newProgress) {
        return new ReadOptions(format, dropNonFinite, newProgress);
    }

    /** The format to read {@code file} as: the named one, or by extension for {@code "auto"}. */
    public GeometryFormat formatFor(Path file) {
        return format.equals("auto") ? GeometryFormat.fromPath(file) : GeometryFormat.fromName(format);
    }
}
