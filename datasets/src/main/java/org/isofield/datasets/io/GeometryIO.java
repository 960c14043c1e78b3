package org.isofield.datasets.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.isofield.core.FormatException;
import org.isofield.core.io.AtomicFiles;
import org.isofield.datasets.io.obj.ObjReader;
import org.isofield.datasets.io.obj.ObjWriter;
import org.isofield.datasets.io.off.OffReader;
import org.isofield.datasets.io.off.OffWriter;
import org.isofield.datasets.io.ply.PlyReader;
import org.isofield.datasets.io.ply.PlyWriter;
import org.isofield.datasets.io.stl.StlReader;
import org.isofield.datasets.io.stl.StlWriter;
import org.isofield.datasets.io.xyz.XyzReader;
import org.isofield.datasets.io.xyz.XyzWriter;

/**
 * Reads and writes "whatever is in the file": {@link GeometryData} with positions, optional normals, colours and
 * faces. This is what {@link PointClouds} and {@link Meshes} build on and what an {@code info} command prints.
 * The format comes from {@link ReadOptions#format()} or the file extension ({@link GeometryFormat#fromPath}).
 *
 * <p>Errors: a malformed or empty file is a {@link FormatException} naming the file and the line or byte; an
 * I/O failure (missing file, permissions) is an {@link UncheckedIOException}; writing to an existing file without
 * {@link WriteOptions#overwrite()} is an {@link org.isofield.core.io.OutputExistsException}. Writes are atomic
 * ({@link AtomicFiles}): a failed or cancelled write leaves neither a partial target nor a temporary file.
 * All methods are thread-safe.
 */
public final class GeometryIO {
    private static final System.Logger LOG = System.getLogger(GeometryIO.class.getName());
    private static final FormatHandlers DEFAULTS = defaults();

    private GeometryIO() {
    }

    /** The built-in handlers: the one place where every format is registered. */
    public static FormatHandlers defaults() {
        return FormatHandlers.builder()
                .add(GeometryFormat.PLY, new PlyReader(), new PlyWriter())
                .add(GeometryFormat.OBJ, new ObjReader(), new ObjWriter())
                .add(GeometryFormat.OFF, new OffReader(), new OffWriter())
                .add(GeometryFormat.XYZ, new XyzReader(), new XyzWriter())
                .add(GeometryFormat.STL, new StlReader(), new StlWriter())
                .build();
    }

    /** Reads {@code file} with {@link ReadOptions#DEFAULT}. */
    public static GeometryData read(Path file) {
        return read(file, ReadOptions.DEFAULT);
    }

    /** Reads {@code file} with the built-in handlers. */
    public static GeometryData read(Path file, ReadOptions options) {
        return read(DEFAULTS, file, options);
    }

    /** Reads {@code file} with the given handlers. */
    public static GeometryData read(FormatHandlers handlers, Path file, ReadOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        GeometryFormat format = options.formatFor(file);
        GeometryReader reader = handlers.reader(format);
        if (reader == null) {
            throw FormatException.inFile(file, "no reader for " + format + "; readable formats: " + handlers.formats());
        }
        try {
            if (Files.isRegularFile(file) && Files.size(file) == 0) {
                throw FormatException.inFile(file, "empty file; expected " + format + " data");
            }
            long t0 = System.nanoTime();
            GeometryData data = reader.read(file, options);
            LOG.log(System.Logger.Level.DEBUG, () -> String.format("read %s (%s): %d vertices, %d faces in %.3f s",
                    file,
                    format, data.vertexCount(), data.faceCount(), (System.nanoTime() - t0) * 1e-9));
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e, e);
        }
    }

    /** Writes {@code data} to {@code target} in the format of its extension, with the built-in handlers. */
    public static void write(GeometryData data, Path target, WriteOptions options) {
        write(DEFAULTS, data, target, options);
    }

    /** Writes {@code data} to {@code target} in the format of its extension, with the given handlers. */
    public static void write(FormatHandlers handlers, GeometryData data, Path target, WriteOptions options) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        GeometryFormat format = GeometryFormat.fromPath(target);
        GeometryWriter writer = handlers.writer(format);
        if (writer == null) {
            throw FormatException.inFile(target, "no writer for " + format + "; writable formats: "
                    + handlers.formats());
        }
        writer.check(data, target);
        long t0 = System.nanoTime();
        AtomicFiles.write(target, options.overwrite(), out -> writer.write(data, out, options));
        LOG.log(System.Logger.Level.DEBUG, () -> String.format("wrote %s (%s): %d vertices, %d faces in %.3f s", target,
                format, data.vertexCount(), data.faceCount(), (System.nanoTime() - t0) * 1e-9));
    }
}
