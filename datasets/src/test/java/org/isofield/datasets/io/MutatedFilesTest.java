package org.isofield.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.isofield.core.FormatException;
import org.isofield.datasets.io.las.LasFixtures;
import org.isofield.datasets.io.pcd.PcdFixtures;
import org.isofield.datasets.testing.RandomCases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzing: random byte mutations and truncations of small valid files of every format and encoding never make a
 * reader throw anything but {@link FormatException}: no index errors, no {@code OutOfMemoryError}, no hang (each
 * read must finish within seconds).
 */
class MutatedFilesTest {
    /** One edit of a file: {@code at} is a fraction of its length. */
    record Mutation(int kind, double at, int length, byte value) {
    }

    private static final byte[] INTERESTING = "0123456789 \n-.e#/,".getBytes(StandardCharsets.US_ASCII);
    private static Path dir;
    private static final List<Path> SEEDS = new ArrayList<>();

    @BeforeAll
    static void writeSeeds() throws IOException {
        dir = Files.createTempDirectory("isofield-fuzz");
        GeometryData mesh = Samples.data(6, true, true, true, 11);
        GeometryData cloud = Samples.data(5, true, false, false, 12);
        for (String name : new String[] {"mesh.ply", "mesh.obj", "mesh.off", "mesh.stl"}) {
            GeometryIO.write(mesh, dir.resolve(name), WriteOptions.DEFAULT);
            GeometryIO.write(mesh, dir.resolve("ascii-" + name), WriteOptions.DEFAULT.withBinary(false));
        }
        GeometryIO.write(cloud, dir.resolve("cloud.xyz"), WriteOptions.DEFAULT);
        GeometryIO.write(cloud, dir.resolve("cloud.ply"), WriteOptions.DEFAULT.withBinary(false));
        GeometryData colored = Samples.data(5, true, true, false, 13);
        GeometryIO.write(colored, dir.resolve("cloud.pcd"), WriteOptions.DEFAULT);
        GeometryIO.write(colored, dir.resolve("ascii-cloud.pcd"), WriteOptions.DEFAULT.withBinary(false));
        GeometryIO.write(colored, dir.resolve("cloud.las"), WriteOptions.DEFAULT);
        Files.write(dir.resolve("compressed.pcd"), PcdFixtures.file(PcdFixtures.header("x y z rgb _", "4 4 4 4 1",
                "F F F U U", "1 1 1 1 1", 3, 1, "binary_compressed"), PcdFixtures.compressed(new byte[] {
                    0, 0, -128, 63, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 0, 9, 0, 0, -128, 63, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2,
                    3, 0, 9, 0, 0, 0, 64, 0, 0, 0, 64, 0, 0, 0, 64, -1, -1, -1, -1, 7}, 3, 4, 4, 4, 4, 1)));
        Files.write(dir.resolve("extra.las"), LasFixtures.file(4, 8, 3, new int[] {1, 2, 3, -4, 5, 600, 7, 8, 9},
                new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 0.01, new double[] {1e6, 2e6, 0}));
        Files.writeString(dir.resolve("polygons.obj"), "# quad and pentagon\nv 0 0 0 1\nv 1 0 0\nv 1 1 0\nv 0 1 0\n"
                + "v 0.5 2 0\nvt 0 0\nvn 0 0 1\nf 1/1/1 2/1/1 3/1/1 4/1/1\nf -5//1 -4//1 -2//1 -1//1 4//1\ng x\n");
        Files.writeString(dir.resolve("range.ply"), "ply\nformat ascii 1.0\nobj_info x\nelement vertex 3\n"
                + "property float x\nproperty float y\nproperty float z\nelement range_grid 4\n"
                + "property list uchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n1 0\n0\n1 2\n1 1\n");
        Files.writeString(dir.resolve("colored.off"), "COFF\n4 2 0\n0 0 0 255 0 0 255\n1 0 0 0 255 0 255\n"
                + "1 1 0 0 0 255 255\n0 1 0 9 9 9 255\n4 0 1 2 3\n3 0 2 3 1 1 1\n");
        SEEDS.addAll(List.of(Files.list(dir).sorted().toArray(Path[]::new)));
    }

    @AfterAll
    static void deleteSeeds() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toArray(Path[]::new)) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** 3000 seeded cases: 1 to 4 edits of one of the seed files, read with and without dropping non-finite values. */
    static Stream<Arguments> cases() {
        return RandomCases.of(2024, 3000, r -> new Object[] {mutations(r), r.nextInt(36), r.nextBoolean()});
    }

    private static List<Mutation> mutations(SplittableRandom r) {
        int n = 1 + r.nextInt(4);
        List<Mutation> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte value = r.nextBoolean() ? (byte) r.nextInt(256) : INTERESTING[r.nextInt(INTERESTING.length)];
            out.add(new Mutation(r.nextInt(6), r.nextDouble(), 1 + r.nextInt(16), value));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void mutatedFilesFailOnlyWithFormatException(List<Mutation> edits, int seed, boolean drop) throws IOException {
        Path original = SEEDS.get(seed % SEEDS.size());
        byte[] bytes = Files.readAllBytes(original);
        for (Mutation m : edits) {
            bytes = apply(bytes, m);
        }
        Path file = dir.resolve("mutated-" + original.getFileName());
        Files.write(file, bytes);
        try {
            ReadOptions options = ReadOptions.DEFAULT.withDropNonFinite(drop);
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> readExpectingOnlyFormatErrors(file, options));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void readExpectingOnlyFormatErrors(Path file, ReadOptions options) {
        try {
            GeometryData data = GeometryIO.read(file, options);
            assertThat(data.positions().length % 3).isZero();
        } catch (FormatException expected) {
            assertThat(expected.getMessage()).startsWith(file.toString());
        } catch (UncheckedIOException e) {
            throw new AssertionError("I/O error on a readable file", e);
        }
    }

    static byte[] apply(byte[] b, Mutation m) {
        int at = (int) (m.at() * b.length);
        int len = Math.min(m.length(), b.length - at);
        return switch (m.kind()) {
            case 0 -> {
                byte[] c = b.clone();
                if (at < c.length) {
                    c[at] = m.value();
                }
                yield c;
            }
            case 1 -> {
                byte[] c = b.clone();
                if (at < c.length) {
                    c[at] ^= (byte) (1 << (m.value() & 7));
                }
                yield c;
            }
            case 2 -> concat(Arrays.copyOf(b, at), new byte[] {m.value()}, Arrays.copyOfRange(b, at, b.length));
            case 3 -> concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, at + len, b.length));
            case 4 -> Arrays.copyOf(b, at);
            default -> concat(Arrays.copyOf(b, at + len), Arrays.copyOfRange(b, at, b.length));
        };
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }
}
