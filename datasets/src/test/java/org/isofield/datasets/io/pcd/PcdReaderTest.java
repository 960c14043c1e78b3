package org.isofield.datasets.io.pcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.isofield.datasets.io.pcd.PcdFixtures.body;
import static org.isofield.datasets.io.pcd.PcdFixtures.compressed;
import static org.isofield.datasets.io.pcd.PcdFixtures.file;
import static org.isofield.datasets.io.pcd.PcdFixtures.header;
import static org.isofield.datasets.io.pcd.PcdFixtures.rgb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.isofield.core.Progress;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryFormat;
import org.isofield.datasets.io.GeometryIO;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.io.ReadOptions;
import org.isofield.datasets.io.WriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcdReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /** Three points, fields x y z normal_x normal_y normal_z rgba intensity and a skipped 3-float field. */
    private static byte[] records() {
        ByteBuffer b = body(3 * 44);
        for (int i = 0; i < 3; i++) {
            b.putFloat(i).putFloat(2 * i).putFloat(-i);
            b.putFloat(0).putFloat(0).putFloat(1);
            b.putFloat(7).putFloat(8).putFloat(9);
            b.putInt(0xFF000000 | rgb(255, 51 * i, 0));
            b.putShort((short) (100 + i)).putShort((short) 0);
        }
        return b.array();
    }

    private static final String FIELDS = "x y z normal_x normal_y normal_z histogram rgba intensity _";
    private static final String SIZES = "4 4 4 4 4 4 4 4 2 2";
    private static final String TYPES = "F F F F F F F U U U";
    private static final String COUNTS = "1 1 1 1 1 1 3 1 1 1";

    private static void assertThreePoints(GeometryData d) {
        assertThat(d.format()).isEqualTo(GeometryFormat.PCD);
        assertThat(d.positions()).containsExactly(0, 0, 0, 1, 2, -1, 2, 4, -2);
        assertThat(d.normals()).containsExactly(0, 0, 1, 0, 0, 1, 0, 0, 1);
        assertThat(d.colors()).containsExactly(1, 0, 0, 1, 0.2f, 0, 1, 0.4f, 0);
        assertThat(d.faces()).isNull();
        assertThat(d.droppedNonFinite()).isZero();
    }

    @Test
    void readsBinaryRecordsSkippingUnknownAndMultiValueFields() throws IOException {
        Path f = write("b.pcd", file(header(FIELDS, SIZES, TYPES, COUNTS, 3, 1, "binary"), records()));

        GeometryData d = GeometryIO.read(f);
        assertThreePoints(d);
        assertThat(d.scalars().get("intensity")).containsExactly(100, 101, 102);
    }

    @Test
    void readsBinaryCompressedFieldByField() throws IOException {
        byte[] body = compressed(records(), 3, 4, 4, 4, 4, 4, 4, 12, 4, 2, 2);
        Path f = write("c.pcd", file(header(FIELDS, SIZES, TYPES, COUNTS, 3, 1, "binary_compressed"), body));

        assertThreePoints(GeometryIO.read(f));
    }

    @Test
    void readsAsciiWithIntegerAndFloatPackedColours() throws IOException {
        float packedAsFloat = Float.intBitsToFloat(rgb(255, 102, 0));
        String text = header("x y z normal_x normal_y normal_z rgb", "4 4 4 4 4 4 4", "F F F F F F F",
                "1 1 1 1 1 1 1", 3, 1, "ascii")
                + "0 0 0 0 0 1 " + rgb(255, 0, 0) + "\n1 2 -1 0 0 1 " + rgb(255, 51, 0) + "\n\n"
                + "2 4 -2 0 0 1 " + packedAsFloat + "\n";
        Path f = write("a.pcd", text.getBytes(StandardCharsets.US_ASCII));

        assertThreePoints(GeometryIO.read(f));
    }

    @Test
    void organisedCloudDropsItsNanPixelsAlwaysAndCountsThem() throws IOException {
        ByteBuffer b = body(12 * 12);
        int kept = 0;
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 4; col++) {
                boolean hole = (row + col) % 3 == 0;
                float v = hole ? Float.NaN : 10 * row + col;
                b.putFloat(v).putFloat(hole ? Float.NaN : row).putFloat(hole ? Float.NaN : 1);
                kept += hole ? 0 : 1;
            }
        }
        Path f = write("o.pcd", file(header("x y z", "4 4 4", "F F F", "1 1 1", 4, 3, "binary"), b.array()));

        GeometryData d = GeometryIO.read(f);

        assertThat(kept).isEqualTo(8);
        assertThat(d.vertexCount()).isEqualTo(8);
        assertThat(d.droppedNonFinite()).isEqualTo(4);
        assertThat(d.positions()).startsWith(1, 0, 1, 2, 0, 1, 10, 1, 1);
    }

    @Test
    void doubleCoordinatesNearAMillionKeepTheirPrecision() throws IOException {
        ByteBuffer b = body(2 * 24);
        b.putDouble(1_234_567.891).putDouble(7_654_321.125).putDouble(123.25);
        b.putDouble(1_234_568.002).putDouble(7_654_320.5).putDouble(124.0);
        Path f = write("w.pcd", file(header("x y z", "8 8 8", "F F F", "1 1 1", 2, 1, "binary"), b.array()));

        GeometryData d = GeometryIO.read(f);

        Vec3d o = d.origin();
        assertThat(o.x() + d.positions()[3]).isCloseTo(1_234_568.002, Offset.offset(1e-6));
        assertThat(o.y() + d.positions()[4]).isCloseTo(7_654_320.5, Offset.offset(1e-6));
        assertThat(o.x() + d.positions()[0]).isCloseTo(1_234_567.891, Offset.offset(1e-6));
    }

    @Test
    void infiniteCoordinatesFollowDropNonFinite() throws IOException {
        String text = header("x y z", "4 4 4", "F F F", "1 1 1", 2, 1, "ascii") + "0 0 0\n1 inf 0\n";
        Path f = write("i.pcd", text.getBytes(StandardCharsets.US_ASCII));

        GeometryData d = GeometryIO.read(f, ReadOptions.DEFAULT.withDropNonFinite(true));

        assertThat(d.vertexCount()).isOne();
        assertThat(d.droppedNonFinite()).isOne();
        assertThatThrownBy(() -> GeometryIO.read(f))
                .hasMessageStartingWith(f + ":13: vertex 1 has a non-finite position (1.0, Infinity, 0.0)");
    }

    @Test
    void writerRoundTripsGeoreferencedCoordinatesAsDoubles() throws IOException {
        float[] p = {0.25f, 0.25f, 0.25f, 10f, -20.5f, 30f};
        GeometryData in = new GeometryData(null, p, null, null, Map.of(), null, new Vec3d(500_000, 4_000_000, 100), 0);
        for (boolean binary : new boolean[] {true, false}) {
            Path f = dir.resolve("geo-" + binary + ".pcd");
            GeometryIO.write(in, f, WriteOptions.DEFAULT.withBinary(binary));

            GeometryData out = GeometryIO.read(f);

            assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).contains("SIZE 8 8 8");
            assertThat(out.origin()).isEqualTo(new Vec3d(500_000, 4_000_000, 100));
            assertThat(out.positions()).containsExactly(p);
        }
    }

    @Test
    void intensityRoundTripsThroughTheWriter() {
        PointCloud c = PointCloud.of(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0})
                .withScalars(Map.of("intensity", new float[] {3, 40000, 0.5f}));
        for (boolean binary : new boolean[] {true, false}) {
            Path f = dir.resolve("i" + binary + ".pcd");
            PointClouds.write(c, f, new WriteOptions(binary, false, Progress.NONE));
            assertThat(PointClouds.read(f).scalars().get("intensity")).containsExactly(3, 40000, 0.5f);
        }
    }
}
