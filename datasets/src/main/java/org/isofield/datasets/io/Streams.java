package org.isofield.datasets.io;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.isofield.core.FormatException;
import org.isofield.core.io.AtomicFiles;

/**
 * What {@link GeometryIO} needs beyond plain files: gzip-compressed inputs and standard input, both staged into a
 * temporary file in the system temp folder (named with the format's extension, deleted after reading) so that
 * every reader keeps its random access and its size checks; standard output for writing; and errors renamed so
 * that they name what the caller passed ({@code scan.ply.gz}, {@code -}), never the temporary file.
 */
final class Streams {
    /** The path that means standard input when reading and standard output when writing. */
    static final String STDIO = "-";
    private static final int BUFFER = 1 << 16;

    /** Reads a staged file; {@link GeometryIO} supplies it. */
    @FunctionalInterface
    interface StagedRead {
        GeometryData read(Path staged);
    }

    private Streams() {
    }

    /** Whether {@code path} is exactly {@code -}. */
    static boolean isStdio(Path path) {
        return path.getNameCount() == 1 && !path.isAbsolute() && path.toString().equals(STDIO);
    }

    /** Decompresses {@code gz} into a temporary {@code format} file and reads that. */
    static GeometryData gunzip(Path gz, GeometryFormat format, StagedRead read) {
        return staged(gz, format, read, out -> {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), BUFFER)) {
                in.transferTo(out);
            } catch (ZipException | EOFException e) {
                throw FormatException.inFile(gz, "corrupt or truncated gzip data (" + e.getMessage()
                        + "); expected a gzip-compressed " + format + " file", e);
            }
        });
    }

    /** Copies standard input into a temporary {@code format} file and reads that; {@code stdin} is not closed. */
    static GeometryData stdin(Path shown, GeometryFormat format, StagedRead read) {
        InputStream in = System.in;
        return staged(shown, format, read, in::transferTo);
    }

    private static GeometryData staged(Path shown, GeometryFormat format, StagedRead read,
                                       AtomicFiles.StreamWriter fill) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("isofield-", "." + format.extensions().get(0));
            try (OutputStream out = Files.newOutputStream(tmp)) {
                fill.write(out);
            }
            return read.read(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(shown + ": cannot read: " + e, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    System.getLogger(Streams.class.getName()).log(System.Logger.Level.WARNING,
                            "cannot delete temporary file " + tmp + ": " + e);
                }
            }
        }
    }

    /** Writes to standard output through a buffer, flushed (never closed) at the end. */
    static void stdout(Path shown, AtomicFiles.StreamWriter write) {
        PrintStream ps = System.out;
        try {
            OutputStream out = new BufferedOutputStream(ps, BUFFER);
            write.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(shown + ": cannot write to standard output: " + e, e);
        }
        if (ps.checkError()) {
            throw new UncheckedIOException(shown + ": cannot write to standard output",
                    new IOException("standard output reported an error"));
        }
    }

    /** {@code e} with {@code shown} as its file, same position and detail, same stack trace. */
    static FormatException renamed(FormatException e, Path shown) {
        FormatException r = switch (e.positionKind()) {
            case LINE -> FormatException.atLine(shown, e.position(), e.detail());
            case BYTE -> FormatException.atByte(shown, e.position(), e.detail());
            case NONE -> FormatException.inFile(shown, e.detail(), e.getCause());
        };
        r.setStackTrace(e.getStackTrace());
        return r;
    }
}
