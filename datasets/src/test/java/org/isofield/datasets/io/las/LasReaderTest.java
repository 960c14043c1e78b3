package org.isofield.datasets.io.las;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.isofield.core.FormatException;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryFormat;
import org.isofield.datasets.io.GeometryIO;
import org.isofield.datasets.io.WriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LasReaderTest {
    private static final int[] XYZ = {0, 0, 0, 1000, -2000, 3000, 250, 500, 750};
    private static final int[] RGB = {65535, 0, 0, 0, 65535, 0, 13107, 26214, 39321};
    private static final double[] NO_OFFSET = {0, 0, 0};

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @ParameterizedTest(name = "LAS 1.{0} format {1}, {2} extra bytes")
    @CsvSource({"2,0,0", "2,2,0", "2,1,3", "3,3,0", "3,5,0", "4,6,0", "4,7,0", "4,8,5", "4,10,2", "0,0,0"})
    void readsEveryPointFormatWithItsColoursAndExtraBytes(int minor, int format, int extra) throws IOException {
        Path f = write("f.las", LasFixtures.file(minor, format, extra, XYZ, RGB, 0.001, NO_OFFSET));

        GeometryData d = GeometryIO.read(f);

        assertThat(d.format()).isEqualTo(GeometryFormat.LAS);
        assertThat(d.positions()).containsExactly(0, 0, 0, 1, -2, 3, 0.25f, 0.5f, 0.75f);
        assertThat(d.normals()).isNull();
        assertThat(d.faces()).isNull();
        assertThat(d.scalars().get("intensity")).containsExactly(1000, 1001, 1002);
        boolean colours = format == 2 || format == 3 || format == 5 || format == 7 || format == 8 || format == 10;
        assertThat(d.hasColors()).isEqualTo(colours);
        if (colours) {
            assertThat(d.colors()).containsExactly(1, 0, 0, 0, 1, 0, 0.2f, 0.4f, 0.6f);
        }
    }

    /** Within 1e-4 (floats relative to the origin of the first point, over a 790 m extent), well under 1e-3. */
    @Test
    void georeferencedCoordinatesKeepMillimetres() throws IOException {
        int[] xyz = {123_456, 789_012, 345, 123_457, 789_013, 346, -5, 7, 9_999};
        double[] offset = {1_000_000, 4_500_000, 200};
        Path f = write("geo.las", LasFixtures.file(4, 6, 0, xyz, null, 0.001, offset));

        GeometryData d = GeometryIO.read(f);

        Vec3d o = d.origin();
        float[] p = d.positions();
        for (int i = 0; i < 3; i++) {
            assertThat(o.x() + p[3 * i]).isCloseTo(1_000_000 + xyz[3 * i] * 0.001, Offset.offset(1e-4));
            assertThat(o.y() + p[3 * i + 1]).isCloseTo(4_500_000 + xyz[3 * i + 1] * 0.001, Offset.offset(1e-4));
            assertThat(o.z() + p[3 * i + 2]).isCloseTo(200 + xyz[3 * i + 2] * 0.001, Offset.offset(1e-4));
        }
    }

    @Test
    void writerRoundTripsGeoreferencedCloudsWithColours() {
        float[] p = {0.5f, 0.25f, 0.125f, 12.5f, -300.75f, 0.001f};
        float[] c = {1, 0, 0.5f, 0.25f, 1, 0};
        GeometryData in = new GeometryData(null, p, null, c, Map.of(), null, new Vec3d(650_000, 5_200_000, 300), 0);
        Path f = dir.resolve("w.las");

        GeometryIO.write(in, f, WriteOptions.DEFAULT);
        GeometryData out = GeometryIO.read(f);

        assertThat(out.origin()).isEqualTo(in.origin());
        assertThat(out.positions()).containsExactly(p, Offset.offset(1e-6f));
        assertThat(out.colors()).containsExactly(c, Offset.offset(1e-5f));
    }

    private static byte[] mutated(byte[] b, int at, long value, int bytes) {
        ByteBuffer w = ByteBuffer.wrap(b.clone()).order(ByteOrder.LITTLE_ENDIAN);
        switch (bytes) {
            case 1 -> w.put(at, (byte) value);
            case 2 -> w.putShort(at, (short) value);
            case 4 -> w.putInt(at, (int) value);
            default -> w.putLong(at, value);
        }
        return w.array();
    }

    private void assertFails(byte[] bytes, String position, String... words) throws IOException {
        Path f = write("bad.las", bytes);
        assertThatThrownBy(() -> GeometryIO.read(f)).isInstanceOf(FormatException.class)
                .hasMessageStartingWith(f + position)
                .satisfies(e -> assertThat(e.getMessage()).contains(words));
    }

    @Test
    void malformedHeadersNameTheByteAndWhatWasExpected() throws IOException {
        byte[] ok = LasFixtures.file(2, 2, 0, XYZ, RGB, 0.001, NO_OFFSET);
        byte[] ok14 = LasFixtures.file(4, 7, 0, XYZ, RGB, 0.001, NO_OFFSET);
        assertFails(mutated(ok, 0, 'X', 1), ": byte 0: ", "found \"XASF\"", "expected the signature \"LASF\"");
        assertFails(mutated(ok, 104, 0x82, 1), ": byte 104: ", "0x82", "LAZ-compressed",
                "expected uncompressed LAS");
        assertFails(mutated(ok, 25, 7, 1), ": byte 24: ", "LAS version 1.7", "expected 1.0 to 1.4");
        assertFails(mutated(ok, 104, 11, 1), ": byte 104: ", "point data format 11", "expected 0 to 10");
        assertFails(mutated(ok, 105, 20, 2), ": byte 105: ", "point record length 20 bytes",
                "format 2 needs at least 26");
        assertFails(mutated(ok, 107, 4, 4), ": byte 287: ", "declares 4 points of 26 bytes, 104 bytes",
                "only 78 bytes follow");
        assertFails(mutated(ok14, 247, 1L << 40, 8), ": byte 247: ", "declares 1099511627776 points",
                "at most 715827879");
        assertFails(mutated(ok14, 247, 500_000_000, 8), ": byte 435: ", "declares 500000000 points of 36 bytes",
                "only 108 bytes follow");
        assertFails(mutated(ok, 139, 0, 8), ": byte 139: ", "axis y has scale 0.0", "expected a non-zero scale");
        assertFails(mutated(ok, 96, 100, 4), ": byte 96: ", "offset to point data 100", "expected 227");
        assertFails(mutated(ok14, 94, 227, 2), ": byte 94: ", "header size 227 bytes", "at least 375 for LAS 1.4");
        assertFails(Arrays.copyOf(ok, 100), ": byte 0: ", "only 100 bytes",
                "at least 227 bytes");
    }
}
