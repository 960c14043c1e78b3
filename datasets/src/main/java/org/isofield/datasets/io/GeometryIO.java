package org.isofield.datasets.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.isofield.core.FormatException;
import org.isofield.core.io.AtomicFiles;
import org.isofield.datasets.io.las.LasReader;
import org.isofield.datasets.io.las.LasWriter;
import org.isofield.datasets.io.obj.ObjReader;
import org.isofield.datasets.io.obj.ObjWriter;
import org.isofield.datasets.io.off.OffReader;
import org.isofield.datasets.io.off.OffWriter;
import org.isofield.datasets.io.pcd.PcdReader;
import org.isofield.datasets.io.pcd.PcdWriter;
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
 *
 * <p>Compressed files and standard streams:
 * <ul>
 *   <li>A file named {@code X.ext.gz} is read as {@code .ext}: it is decompressed into a temporary file in the
 *       system temp folder, read, and the temporary file is deleted; errors name the {@code .gz} file (positions
 *       are those of the decompressed data). Writing to {@code X.ext.gz} writes {@code .ext} gzip-compressed,
 *       atomically as usual.</li>
 *   <li>The path {@code -} ({@code Path.of("-")}) reads standard input, copied to a temporary file first; the
 *       format must be named in {@link ReadOptions#format()} (else a {@link FormatException} says so). Writing to
 *       {@code -} writes to standard output ({@link System#out} as it is at the call), with the format named in
 *       {@link WriteOptions#format()}; there the write is not atomic (a failed or cancelled write may leave part
 *       of the output), {@link WriteOptions#overwrite()} does not apply and the stream is flushed, not closed.
 *       Standard input is not decompressed.</li>
 * </ul>
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
                .add(GeometryFormat.PCD, new PcdReader(), new PcdWriter())
                .add(GeometryFormat.LAS, new LasReader(), new LasWriter())
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

    /**
     * Reads {@code file} with the given handlers; {@code -} reads standard input and {@code X.ext.gz} is
     * decompressed (see the class documentation).
     */
    public static GeometryData read(FormatHandlers handlers, Path file, ReadOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        if (Streams.isStdio(file)) {
            if (options.format().equals("auto")) {
                throw FormatException.inFile(file, "standard input has no file name to take the format from; "
                        + "expected a format in ReadOptions.format (e.g. --format ply): one of "
                        + String.join(", ", GeometryFormat.names()));
            }
            GeometryFormat format = options.formatFor(file);
            return Streams.stdin(file, format, staged -> readFile(handlers, staged, file, format, options));
        }
        GeometryFormat format = options.formatFor(file);
        if (GeometryFormat.isGzip(file)) {
            return Streams.gunzip(file, format, staged -> readFile(handlers, staged, file, format, options));
        }
        return readFile(handlers, file, file, format, options);
    }

    /** Reads {@code file} as {@code format}; errors name {@code shown}. */
    private static GeometryData readFile(FormatHandlers handlers, Path file, Path shown, GeometryFormat format,
                                         ReadOptions options) {
        GeometryReader reader = handlers.reader(format);
        if (reader == null) {
            throw FormatException.inFile(shown, "no reader for " + format + "; readable formats: "
                    + handlers.formats());
        }
        try {
            if (Files.isRegularFile(file) && Files.size(file) == 0) {
                throw FormatException.inFile(shown, "empty file; expected " + format + " data");
            }
            long t0 = System.nanoTime();
            GeometryData data = reader.read(file, options);
            LOG.log(System.Logger.Level.DEBUG, () -> String.format("read %s (%s): %d vertices, %d faces in %.3f s",
                    shown, format, data.vertexCount(), data.faceCount(), (System.nanoTime() - t0) * 1e-9));
            return data;
        } catch (FormatException e) {
            throw file == shown ? e : Streams.renamed(e, shown);
        } catch (IOException e) {
            throw new UncheckedIOException(shown + ": cannot read: " + e, e);
        }
    }

    /**
     * Writes {@code data} to {@code target} in the format of {@link WriteOptions#format()} or else of its
     * extension, with the built-in handlers; {@code -} writes to standard output (see the class documentation).
     */
    public static void write(GeometryData data, Path target, WriteOptions options) {
        write(DEFAULTS, data, target, options);
    }

    /** Writes {@code data} to {@code target} as {@link #write(GeometryData, Path, WriteOptions)} does. */
    public static void write(FormatHandlers handlers, GeometryData data, Path target, WriteOptions options) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        boolean stdout = Streams.isStdio(target);
        if (stdout && options.format().equals("auto")) {
            throw FormatException.inFile(target, "standard output has no file name to take the format from; "
                    + "expected a format in WriteOptions.format (e.g. --format ply): one of "
                    + String.join(", ", GeometryFormat.names()));
        }
        GeometryFormat format = options.formatFor(target);
        GeometryWriter writer = handlers.writer(format);
        if (writer == null) {
            throw FormatException.inFile(target, "no writer for " + format + "; writable formats: "
                    + handlers.formats());
        }
        writer.check(data, target);
        long t0 = System.nanoTime();
        if (stdout) {
            Streams.stdout(target, out -> writer.write(data, out, options));
        } else if (GeometryFormat.isGzip(target)) {
            AtomicFiles.write(target, options.overwrite(), out -> {
                GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
                writer.write(data, gz, options);
                gz.finish();
            });
        } else {
            AtomicFiles.write(target, options.overwrite(), out -> writer.write(data, out, options));
        }
        LOG.log(System.Logger.Level.DEBUG, () -> String.format("wrote %s (%s): %d vertices, %d faces in %.3f s", target,
                format, data.vertexCount(), data.faceCount(), (System.nanoTime() - t0) * 1e-9));
    }
}
