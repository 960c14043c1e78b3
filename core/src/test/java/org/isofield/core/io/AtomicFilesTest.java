package org.isofield.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesTheWholeFile() throws IOException {
        Path f = dir.resolve("sub/out.txt");
        AtomicFiles.writeString(f, false, "hello");
        assertThat(Files.readString(f)).isEqualTo("hello");
        assertThat(Files.list(f.getParent())).hasSize(1);
    }

    @Test
    void outputsGetTheDefaultPermissionsNotThoseOfATemporaryFile() throws IOException {
        Path f = dir.resolve("perm.txt");
        AtomicFiles.writeString(f, false, "x");
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Assumptions.assumeTrue(
                Files.getFileStore(f).supportsFileAttributeView("posix"), "no POSIX permissions here");
        assertThat(Files.getPosixFilePermissions(f)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void failedWriteLeavesNoTargetAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("out.bin");
        assertThatThrownBy(() -> AtomicFiles.write(f, false, out -> {
            out.write(new byte[1000]);
            throw new IOException("disk full");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
        assertThat(f).doesNotExist();
        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void failedOverwriteKeepsTheOldContent() throws IOException {
        Path f = dir.resolve("out.txt");
        Files.writeString(f, "old");
        assertThatThrownBy(() -> AtomicFiles.write(f, true, out -> {
            out.write("new".getBytes());
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(f)).isEqualTo("old");
        assertThat(Files.list(dir)).hasSize(1);
    }

    @Test
    void existingOutputIsNotOverwrittenWithoutPermission() throws IOException {
        Path f = dir.resolve("out.txt");
        Files.writeString(f, "old");
        assertThatThrownBy(() -> AtomicFiles.writeString(f, false, "new"))
                .isInstanceOf(OutputExistsException.class).hasMessageContaining("--force");
        assertThat(Files.readString(f)).isEqualTo("old");
        AtomicFiles.writeString(f, true, "new");
        assertThat(Files.readString(f)).isEqualTo("new");
    }
}
