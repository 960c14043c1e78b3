package org.isofield.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.isofield.core.CancelledException;
import org.isofield.core.io.OutputExistsException;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.io.ply.PlyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writers go through atomic files: a failed write leaves nothing behind and existing files are kept. */
class AtomicWritesTest {
    @TempDir
    Path dir;

    private static PointCloud cloud() {
        return PointCloud.of(Samples.positions(200_000, 3));
    }

    private long filesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

    @Test
    void writerFailingMidBodyLeavesNoTargetAndNoTemporaryFile() throws IOException {
        FormatHandlers failing = FormatHandlers.builder().add(GeometryFormat.PLY, new PlyReader(), (data, out, o) -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }).build();
        Path target = dir.resolve("out.ply");

        assertThatThrownBy(() -> GeometryIO.write(failing, GeometryData.of(cloud()), target, WriteOptions.DEFAULT))
                .hasMessageContaining("disk full");

        assertThat(filesIn(dir)).isZero();
    }

    @Test
    void cancelledWriteLeavesNoTargetAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.ply");
        WriteOptions cancel = WriteOptions.DEFAULT.withProgress((phase, fraction) -> false);

        assertThatThrownBy(() -> PointClouds.write(cloud(), target, cancel)).isInstanceOf(CancelledException.class);

        assertThat(filesIn(dir)).isZero();
    }

    @Test
    void existingFileIsNotOverwrittenWithoutOverwrite() throws IOException {
        Path target = dir.resolve("out.xyz");
        Files.writeString(target, "keep me\n");

        assertThatThrownBy(() -> PointClouds.write(cloud(), target)).isInstanceOf(OutputExistsException.class);

        assertThat(Files.readString(target)).isEqualTo("keep me\n");
        assertThat(filesIn(dir)).isOne();
    }

    @Test
    void existingFileIsReplacedWithOverwrite() throws IOException {
        Path target = dir.resolve("out.xyz");
        Files.writeString(target, "old\n");

        PointClouds.write(PointCloud.of(new float[] {1, 2, 3}), target, WriteOptions.DEFAULT.withOverwrite(true));

        assertThat(Files.readString(target)).isEqualTo("1 2 3\n");
    }
}
