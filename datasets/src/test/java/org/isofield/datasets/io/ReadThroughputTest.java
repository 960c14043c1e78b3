package org.isofield.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.io.las.LasFixtures;
import org.isofield.datasets.testing.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read throughput from the page cache; prints the figures. Run with
 * {@code mvn -o -pl datasets test -Pslow -Dtest=ReadThroughputTest}.
 */
@Tag("slow")
class ReadThroughputTest {
    private static final int POINTS = 10_000_000;

    @Test
    void readsTenMillionPointBinaryPlyWithNormals(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.ply");
        writeBinaryPly(file, POINTS);
        double first = 0;
        double best = Double.MAX_VALUE;
        PointCloud cloud = null;
        for (int run = 0; run < 5; run++) {
            long t0 = System.nanoTime();
            cloud = PointClouds.read(file);
            double t = (System.nanoTime() - t0) / 1e9;
            first = run == 0 ? t : first;
            best = Math.min(best, t);
        }
        long bytes = Files.size(file);
        System.out.printf("binary PLY: %d points with normals, %.1f MB, first read %.3f s, best of 5 %.3f s "
                + "(%.0f MB/s)%n", POINTS, bytes / 1e6, first, best, bytes / 1e6 / best);
        assertThat(cloud.size()).isEqualTo(POINTS);
        assertThat(cloud.normals()[3 * POINTS - 1]).isEqualTo(1f);
    }

    @Test
    void readsTenMillionPointBinaryPlyWithColoursThroughTheGenericPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("colored.ply");
        String header = "ply\nformat binary_little_endian 1.0\nelement vertex " + POINTS + "\nproperty float x\n"
                + "property float y\nproperty float z\nproperty uchar red\nproperty uchar green\nproperty uchar blue\n"
                + "end_header\n";
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            ByteBuffer b = ByteBuffer.allocate(15 * 65536).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < POINTS; i++) {
                float t = i * 1e-3f;
                b.putFloat(t).putFloat(-t).putFloat(0.5f * t).put((byte) i).put((byte) 0).put((byte) 255);
                if (!b.hasRemaining()) {
                    out.write(b.array(), 0, b.position());
                    b.clear();
                }
            }
            out.write(b.array(), 0, b.position());
        }
        double best = Double.MAX_VALUE;
        PointCloud cloud = null;
        for (int run = 0; run < 5; run++) {
            long t0 = System.nanoTime();
            cloud = PointClouds.read(file);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        long bytes = Files.size(file);
        System.out.printf("binary PLY: %d points with uchar colours, %.1f MB, best of 5 reads %.3f s (%.0f MB/s)%n",
                POINTS, bytes / 1e6, best, bytes / 1e6 / best);
        assertThat(cloud.colors()[3 * POINTS - 1]).isEqualTo(1f);
    }

    @Test
    void readsTenMillionPointLasWithColours(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.las");
        ByteBuffer header = ByteBuffer.wrap(LasFixtures.file(2, 2, 0, new int[0], new int[0], 0.001,
                new double[] {500_000, 4_000_000, 0})).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(107, POINTS);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header.array());
            ByteBuffer b = ByteBuffer.allocate(26 * 65536).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < POINTS; i++) {
                b.putInt(i % 100_000).putInt(i / 100).putInt(i % 977).putShort((short) i).putShort((short) 0x0109)
                        .putShort((short) 0).putShort((short) 0).putShort((short) i).putShort((short) 0)
                        .putShort((short) -1);
                if (!b.hasRemaining()) {
                    out.write(b.array(), 0, b.position());
                    b.clear();
                }
            }
            out.write(b.array(), 0, b.position());
        }
        double first = 0;
        double best = Double.MAX_VALUE;
        PointCloud cloud = null;
        for (int run = 0; run < 5; run++) {
            long t0 = System.nanoTime();
            cloud = PointClouds.read(file);
            double t = (System.nanoTime() - t0) / 1e9;
            first = run == 0 ? t : first;
            best = Math.min(best, t);
        }
        long bytes = Files.size(file);
        System.out.printf("LAS 1.2 format 2: %d points with RGB, %.1f MB, first read %.3f s, best of 5 %.3f s "
                + "(%.1f M points/s)%n", POINTS, bytes / 1e6, first, best, POINTS / 1e6 / best);
        assertThat(cloud.size()).isEqualTo(POINTS);
        assertThat(cloud.colors()[3 * POINTS - 1]).isEqualTo(1f);
    }

    @Test
    void readsAsciiObjBunny() {
        Path file = SharedData.mesh("stanford-bunny-zipper.obj");
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 20; run++) {
            long t0 = System.nanoTime();
            Meshes.read(file);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        double mb = file.toFile().length() / 1e6;
        System.out.printf("ascii OBJ: %s, %.2f MB, best of 20 reads %.4f s (%.0f MB/s)%n", file.getFileName(), mb, best,
                mb / best);
    }

    private static void writeBinaryPly(Path file, int n) throws IOException {
        String header = "ply\nformat binary_little_endian 1.0\nelement vertex " + n + "\nproperty float x\n"
                + "property float y\nproperty float z\nproperty float nx\nproperty float ny\nproperty float "
                + "nz\nend_header\n";
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            ByteBuffer b = ByteBuffer.allocate(24 * 65536).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                float t = i * 1e-3f;
                b.putFloat(t).putFloat(-t).putFloat(0.5f * t).putFloat(0f).putFloat(0f).putFloat(1f);
                if (!b.hasRemaining()) {
                    out.write(b.array(), 0, b.position());
                    b.clear();
                }
            }
            out.write(b.array(), 0, b.position());
        }
    }
}
