package org.isofield.fields.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.isofield.core.FormatException;
import org.isofield.core.io.AtomicFiles;

/**
 * Reads and writes {@code .isf} field files: a versioned, self-describing, little-endian container with a magic
 * signature, the field kind, its config as UTF-8 JSON, the world-to-unit-cube transform in double, named float32
 * parameter blocks, optional optimizer state blocks, optional JSON metadata, the total length in the header and a
 * CRC-32 of everything before it at the end. The byte layout is in {@code docs/isf-format.md}.
 *
 * <p>Reading validates everything and reports any defect (wrong magic, unsupported version, truncation, impossible
 * sizes, bad UTF-8, checksum mismatch, non-finite values with their block and index) as a {@link FormatException}
 * at the byte offset concerned; no other exception escapes for bad content, and no size is trusted before it has
 * been checked against the bytes that remain. Writing goes through {@link AtomicFiles}, so a failed write leaves no
 * partial file. Memory: the parameters once, plus 64 KiB of buffer.
 */
public final class FieldFiles {
    /** The usual file extension. */
    public static final String EXTENSION = ".isf";

    private FieldFiles() {
    }

    /**
     * Reads a field file.
     *
     * @throws FormatException if the content is not a valid isf file
     * @throws UncheckedIOException if the file cannot be read
     */
    public static FieldFile read(Path file) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return IsfReader.read(in, file, Files.size(file));
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(file + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a field file atomically.
     *
     * @param overwrite whether an existing file may be replaced
     * @throws org.isofield.core.io.OutputExistsException if the file exists and {@code overwrite} is false
     * @throws UncheckedIOException on I/O failure
     */
    public static void write(FieldFile field, Path file, boolean overwrite) {
        Objects.requireNonNull(field, "field");
        AtomicFiles.write(file, overwrite, out -> IsfWriter.write(field, out));
    }

    /** The file's bytes, as {@link #write} would store them. */
    public static byte[] toBytes(FieldFile field) {
        Objects.requireNonNull(field, "field");
        long length = IsfFormat.length(field);
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("field of " + length + " bytes does not fit a byte array; write a file");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) length);
        try {
            IsfWriter.write(field, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Parses bytes of an isf file; {@code name} (may be null) appears in error messages.
     *
     * @throws FormatException if the content is not a valid isf file
     */
    public static FieldFile fromBytes(byte[] data, Path name) {
        Objects.requireNonNull(data, "data");
        try {
            return IsfReader.read(new ByteArrayInputStream(data), name, data.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
