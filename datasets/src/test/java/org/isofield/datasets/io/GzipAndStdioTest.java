package org.isofield.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.isofield.core.FormatException;
import org.isofield.datasets.io.xyz.XyzReader;
import org.isofield.datasets.io.xyz.XyzWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code X.ext.gz} files and {@code -} for standard input and output. */
class GzipAndStdioTest {
    private static final String XYZ = "0 0 0\n1 2 3\n";

    @TempDir
    Path dir;

    private Path gzip(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(content);
        }
        return p;
    }

    @ParameterizedTest
    @CsvSource({"a.ply.gz,PLY", "b.XYZ.GZ,XYZ", "c.pcd.gz,PCD", "d.las.gz,LAS", "e.stl.Gz,STL"})
    void gzipNamesSelectTheInnerFormat(String name, GeometryFormat expected) {
        assertThat(GeometryFormat.fromPath(Path.of(name))).isEqualTo(expected);
    }

    @Test
    void gzipWithoutInnerExtensionSaysSo() {
        assertThatThrownBy(() -> GeometryFormat.fromPath(Path.of("scan.gz"))).isInstanceOf(FormatException.class)
                .hasMessageContaining("scan.gz: unknown geometry file type (no extension before .gz)")
                .hasMessageContaining("(each also as .gz)");
    }

    @Test
    void everyFormatReadsFromGzipAndTheTemporaryFileIsDeleted() throws IOException {
        GeometryData data = Samples.data(30, true, true, true, 3);
        for (GeometryFormat f : GeometryFormat.values()) {
            Path plain = dir.resolve("plain." + f.extensions().get(0));
            GeometryIO.write(data, plain, WriteOptions.DEFAULT.withBinary(f != GeometryFormat.PLY));
            Path gz = gzip("packed." + f.extensions().get(0) + ".gz", Files.readAllBytes(plain));

            GeometryData a = GeometryIO.read(plain);
            GeometryData b = GeometryIO.read(gz);

            assertThat(b.format()).isEqualTo(f);
            assertThat(b.positions()).as("%s", f).containsExactly(a.positions());
        }
        List<Path> staged = new ArrayList<>();
        FormatHandlers spy = FormatHandlers.builder().add(GeometryFormat.XYZ, (file, options) -> {
            staged.add(file);
            return new XyzReader().read(file, options);
        }, new XyzWriter()).build();
        GeometryIO.read(spy, gzip("s.xyz.gz", XYZ.getBytes(StandardCharsets.US_ASCII)), ReadOptions.DEFAULT);
        assertThat(staged).hasSize(1);
        assertThat(staged.get(0).getFileName().toString()).endsWith(".xyz");
        assertThat(staged.get(0)).doesNotExist();
    }

    @Test
    void errorsInsideGzipNameTheGzipFile() throws IOException {
        Path gz = gzip("bad.xyz.gz", "0 0 0\n1 x 3\n".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> GeometryIO.read(gz)).isInstanceOf(FormatException.class)
                .hasMessageStartingWith(gz + ":2: found \"x\" where y was expected");
    }

    @Test
    void corruptGzipIsAFormatErrorNamingTheFile() throws IOException {
        Path notGz = dir.resolve("plain.ply.gz");
        Files.writeString(notGz, "ply\n");
        Path cut = gzip("cut.xyz.gz", XYZ.repeat(100).getBytes(StandardCharsets.US_ASCII));
        byte[] b = Files.readAllBytes(cut);
        Files.write(cut, Arrays.copyOf(b, b.length - 12));

        assertThatThrownBy(() -> GeometryIO.read(notGz)).isInstanceOf(FormatException.class)
                .hasMessageStartingWith(notGz + ": corrupt or truncated gzip data")
                .hasMessageContaining("expected a gzip-compressed PLY file");
        assertThatThrownBy(() -> GeometryIO.read(cut)).isInstanceOf(FormatException.class)
                .hasMessageStartingWith(cut + ": corrupt or truncated gzip data");
    }

    @Test
    void writingToGzipCompresses() throws IOException {
        GeometryData data = Samples.data(20, true, false, false, 4);
        Path target = dir.resolve("out.pcd.gz");

        GeometryIO.write(data, target, WriteOptions.DEFAULT);

        try (InputStream in = new GZIPInputStream(Files.newInputStream(target))) {
            assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("# .PC");
        }
        assertThat(GeometryIO.read(target).positions()).containsExactly(data.positions());
    }

    @Test
    void dashReadsStandardInputInTheNamedFormat() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(XYZ.getBytes(StandardCharsets.US_ASCII)));
            GeometryData d = GeometryIO.read(Path.of("-"), ReadOptions.DEFAULT.withFormat("xyz"));
            assertThat(d.positions()).containsExactly(0, 0, 0, 1, 2, 3);

            System.setIn(new ByteArrayInputStream("0 0 0\n1 x 3\n".getBytes(StandardCharsets.US_ASCII)));
            assertThatThrownBy(() -> GeometryIO.read(Path.of("-"), ReadOptions.DEFAULT.withFormat("xyz")))
                    .isInstanceOf(FormatException.class).hasMessageStartingWith("-:2: found \"x\"");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void dashWithoutFormatAsksForOne() {
        assertThatThrownBy(() -> GeometryIO.read(Path.of("-"))).isInstanceOf(FormatException.class)
                .hasMessageStartingWith("-: standard input has no file name to take the format from")
                .hasMessageContaining("expected a format in ReadOptions.format");
        GeometryData data = Samples.data(3, false, false, false, 1);
        assertThatThrownBy(() -> GeometryIO.write(data, Path.of("-"), WriteOptions.DEFAULT))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("-: standard output has no file name to take the format from")
                .hasMessageContaining("expected a format in WriteOptions.format");
    }

    @Test
    void dashWritesStandardOutputInTheNamedFormat() {
        GeometryData data = Samples.data(3, false, false, false, 1);
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.US_ASCII));
            GeometryIO.write(data, Path.of("-"), WriteOptions.DEFAULT.withFormat(GeometryFormat.PLY));
        } finally {
            System.setOut(saved);
        }
        String text = captured.toString(StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("ply\nformat binary_little_endian 1.0\n");
        assertThat(captured.size()).isEqualTo(text.indexOf("end_header\n") + 11 + 3 * 12);
    }

    @Test
    void namedWriteFormatOverridesTheExtension() {
        GeometryData data = Samples.data(3, false, false, false, 1);
        Path target = dir.resolve("cloud.dat");

        GeometryIO.write(data, target, WriteOptions.DEFAULT.withFormat("pcd"));

        assertThat(GeometryIO.read(target, ReadOptions.DEFAULT.withFormat("pcd")).positions())
                .containsExactly(data.positions());
    }
}
