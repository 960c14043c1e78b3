package org.isofield.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files atomically: the content goes to a hidden temporary file in the target's folder, which is renamed onto
 * the target only once it is complete and flushed. A failed or interrupted write leaves the target as it was and
 * removes the temporary file, so a reader never sees half an output.
 */
public final class AtomicFiles {
    private static final int BUFFER = 1 << 20;

    private AtomicFiles() {
    }

    /** Writes the body of an output file to a stream. */
    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically.
     *
     * @param overwrite whether an existing target may be replaced; if not, {@link OutputExistsException} is thrown
     *                  before anything is written
     * @throws UncheckedIOException on I/O failure, after removing the temporary file
     */
    public static void write(Path target, boolean overwrite, StreamWriter writer) {
        Path abs = target.toAbsolutePath();
        if (!overwrite && Files.exists(abs)) {
            throw new OutputExistsException(target);
        }
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            tmp = createSibling(abs);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), BUFFER)) {
                writer.write(out);
            }
            if (!overwrite && Files.exists(abs)) {
                throw new OutputExistsException(target);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original error matters more than a leftover temporary file
                }
            }
        }
    }

    /** Writes a UTF-8 text file atomically. */
    public static void writeString(Path target, boolean overwrite, String text) {
        write(target, overwrite, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A new empty file beside {@code target}, named {@code .<name>.<random>.tmp}, with the default permissions (the
     * process umask applies), unlike {@link Files#createTempFile}, whose 0600 would carry over to the output.
     */
    private static Path createSibling(Path target) throws IOException {
        Path dir = target.getParent();
        for (int attempt = 0; ; attempt++) {
            String name = "." + target.getFileName() + "." + Long.toUnsignedString(
                    ThreadLocalRandom.current().nextLong(), 36) + ".tmp";
            try {
                return Files.createFile(dir == null ? Path.of(name) : dir.resolve(name));
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }
}
