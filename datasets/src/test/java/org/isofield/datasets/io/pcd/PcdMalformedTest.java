package org.isofield.datasets.io.pcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.isofield.datasets.io.pcd.PcdFixtures.body;
import static org.isofield.datasets.io.pcd.PcdFixtures.file;
import static org.isofield.datasets.io.pcd.PcdFixtures.header;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.isofield.core.FormatException;
import org.isofield.datasets.io.GeometryIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed PCD files fail with a {@link FormatException} naming the file, the line or byte, and what was expected. */
class PcdMalformedTest {
    private static final String XYZ = "x y z";
    private static final String F3 = "F F F";
    private static final String S3 = "4 4 4";
    private static final String C3 = "1 1 1";

    private static Arguments row(String name, byte[] bytes, String position, String... words) {
        return Arguments.of(name, bytes, position, List.of(words));
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] points(int n) {
        ByteBuffer b = body(12 * n);
        for (int i = 0; i < 3 * n; i++) {
            b.putFloat(i);
        }
        return b.array();
    }

    private static byte[] compressedWith(int compressed, int uncompressed, byte... data) {
        ByteBuffer b = body(8 + data.length).putInt(compressed).putInt(uncompressed).put(data);
        return file(header(XYZ, S3, F3, C3, 1, 1, "binary_compressed"), b.array());
    }

    static Stream<Arguments> cases() {
        String ok = header(XYZ, S3, F3, C3, 2, 1, "ascii");
        return Stream.of(
                row("truncated-binary.pcd", file(header(XYZ, S3, F3, C3, 3, 1, "binary"), points(2)), ": byte 164: ",
                        "declares 3 points of 12 bytes, 36 bytes", "only 24 bytes follow the header"),
                row("absurd-count.pcd", file(header(XYZ, S3, F3, C3, 2_000_000_000, 2, "binary"), points(1)), ":11: ",
                        "declares 4000000000 points", "at most 715827879 are supported"),
                row("huge-binary.pcd", file(header(XYZ, S3, F3, C3, 700_000_000, 1, "binary"), points(1)),
                        ": byte ", "declares 700000000 points of 12 bytes", "only 12 bytes follow"),
                row("huge-ascii.pcd", text(header(XYZ, S3, F3, C3, 700_000_000, 1, "ascii") + "0 0 0\n"), ":11: ",
                        "at least 4199999999 bytes of ascii data", "only 6 bytes follow"),
                row("points-mismatch.pcd", text(ok.replace("POINTS 2", "POINTS 3") + "0 0 0\n1 1 1\n"), ":11: ",
                        "POINTS 3 (line 10) is not WIDTH x HEIGHT = 2 x 1 = 2", "expected them to agree"),
                row("float-size-2.pcd", text(ok.replace("SIZE 4 4 4", "SIZE 4 2 4")), ":11: ",
                        "field \"y\" has TYPE F and SIZE 2", "expected SIZE 4 or 8 for TYPE F"),
                row("bad-type.pcd", text(ok.replace("TYPE F F F", "TYPE F X F")), ":5: ", "found TYPE \"X\"",
                        "expected I (signed), U (unsigned) or F (float)"),
                row("size-count.pcd", text(ok.replace("SIZE 4 4 4", "SIZE 4 4")), ":4: ",
                        "line ends where SIZE of field \"z\" was expected"),
                row("unknown-data.pcd", text(ok.replace("DATA ascii", "DATA zip")), ":11: ", "unknown DATA \"zip\"",
                        "expected ascii, binary or binary_compressed"),
                row("unknown-line.pcd", text(ok.replace("VERSION 0.7", "COLOR 1")), ":2: ",
                        "unknown header line \"COLOR 1\"", "expected VERSION, FIELDS"),
                row("no-x.pcd", text(ok.replace("FIELDS x y z", "FIELDS a y z")), ":3: ", "no field \"x\"",
                        "expected fields x, y and z"),
                row("integer-x.pcd", text(ok.replace("TYPE F F F", "TYPE I F F")), ":3: ",
                        "field \"x\" has TYPE I SIZE 4", "expected F 4 or F 8"),
                row("no-data.pcd", text(ok.replace("DATA ascii\n", "")), ":10: ", "file ends inside the header",
                        "expected a DATA line"),
                row("missing-width.pcd", text(ok.replace("WIDTH 2\n", "")), ":10: ", "DATA before any WIDTH line",
                        "expected FIELDS, SIZE, TYPE, WIDTH and HEIGHT"),
                row("ascii-fewer.pcd", text(ok + "1.000000 2.000000 3.000000\n"), ":12: ",
                        "file ends after 1 of 2 points",
                        "expected 2 point lines"),
                row("ascii-more.pcd", text(ok + "0 0 0\n1 1 1\n2 2 2\n"), ":14: ",
                        "found \"2 2 2\" after the last point",
                        "expected the file to end"),
                row("ascii-short-line.pcd", text(ok + "0.0 0.0\n1 1 1\n"), ":12: ",
                        "line ends where field \"z\" of point 0 was expected"),
                row("ascii-bad-rgb.pcd", text(header("x y z rgb", "4 4 4 4", "F F F U", "1 1 1 1", 1, 1, "ascii")
                        + "0 0 0 red\n"), ":12: ", "found \"red\" where field \"rgb\" of point 0 was expected",
                        "expected a packed colour"),
                row("lzf-back-reference.pcd", compressedWith(4, 12, (byte) 0, (byte) 1, (byte) 0x20, (byte) 9),
                        ": byte 185: ", "corrupt LZF data", "back reference 10 bytes back",
                        "expected a binary_compressed body"),
                row("lzf-short.pcd", compressedWith(2, 12, (byte) 0, (byte) 1), ": byte 185: ", "corrupt LZF data",
                        "ends after 1 of 12 bytes"),
                row("lzf-wrong-size.pcd", compressedWith(2, 24, (byte) 0, (byte) 1), ": byte 179: ",
                        "uncompressed size 24 bytes", "expected POINTS x point size = 1 x 12 = 12"),
                row("lzf-truncated.pcd", compressedWith(50, 12, (byte) 0, (byte) 1), ": byte 175: ",
                        "compressed size 50 bytes, but only 2 bytes follow"),
                row("lzf-ratio.pcd", file(header(XYZ, S3, F3, C3, 100_000, 1, "binary_compressed"),
                        body(9).putInt(1).putInt(1_200_000).array()), ": byte 185: ",
                        "uncompressed size 1200000 bytes from 1 compressed bytes", "expected at most 88 times"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedFileNamesFilePositionAndExpectation(String name, byte[] bytes, String position, List<String> words,
                                                      @TempDir Path dir) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);

        assertThatThrownBy(() -> GeometryIO.read(f)).isInstanceOf(FormatException.class)
                .hasMessageStartingWith(f + position)
                .satisfies(e -> assertThat(e.getMessage()).contains(words));
    }
}
