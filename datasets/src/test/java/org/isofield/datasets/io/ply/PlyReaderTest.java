package org.isofield.datasets.io.ply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryIO;
import org.isofield.datasets.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlyReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private static byte[] binary(String header, ByteOrder order, int capacity, Consumer<ByteBuffer> body) {
        ByteBuffer b = ByteBuffer.allocate(capacity).order(order);
        body.accept(b);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.write(b.array(), 0, b.position());
        return out.toByteArray();
    }

    @Test
    void readsBigEndianPropertiesInAnyOrderAndOfAnyType() throws IOException {
        String header = "ply\nformat binary_big_endian 1.0\nelement vertex 2\nproperty uchar green\n"
                + "property double z\nproperty short junk\nproperty float x\nproperty int y\nproperty uchar red\n"
                + "property uint8 blue\nproperty uchar alpha\nend_header\n";
        byte[] bytes = binary(header, ByteOrder.BIG_ENDIAN, 64, b -> {
            b.put((byte) 255).putDouble(3.25).putShort((short) -7).putFloat(1.5f).putInt(-2).put((byte) 0)
                    .put((byte) 51).put((byte) 9);
            b.put((byte) 0).putDouble(-1).putShort((short) 0).putFloat(0f).putInt(7).put((byte) 255)
                    .put((byte) 255).put((byte) 9);
        });

        GeometryData data = GeometryIO.read(file("mixed.ply", bytes));

        assertThat(data.positions()).containsExactly(1.5f, -2f, 3.25f, 0f, 7f, -1f);
        assertThat(data.colors()).containsExactly(0f, 1f, 0.2f, 1f, 0f, 1f);
        assertThat(data.hasNormals()).isFalse();
    }

    @Test
    void readsAllFloatBigEndianLikeLittleEndian() throws IOException {
        String header = "ply\nformat %s 1.0\nelement vertex 2\nproperty float nx\nproperty float ny\n"
                + "property float nz\nproperty float x\nproperty float y\nproperty float z\nend_header\n";
        float[] values = {0, 0, 1, 1.25f, -2.5f, 3e-7f, 1, 0, 0, 4f, 5f, 6f};
        GeometryData be = GeometryIO.read(file("be.ply", binary(String.format(header, "binary_big_endian"),
                ByteOrder.BIG_ENDIAN, 48, b -> {
                    for (float v : values) {
                        b.putFloat(v);
                    }
                })));
        GeometryData le = GeometryIO.read(file("le.ply", floatsFile(String.format(header, "binary_little_endian"),
                values)));

        assertThat(le.positions()).containsExactly(1.25f, -2.5f, 3e-7f, 4f, 5f, 6f);
        assertThat(le.normals()).containsExactly(0, 0, 1, 1, 0, 0);
        assertThat(be.positions()).containsExactly(le.positions());
        assertThat(be.normals()).containsExactly(le.normals());
    }

    private static byte[] floatsFile(String header, float[] values) {
        return binary(header, ByteOrder.LITTLE_ENDIAN, 4 * values.length, b -> {
            for (float v : values) {
                b.putFloat(v);
            }
        });
    }

    @Test
    void readsSizedTypeAliasesAndVertexIndexName() throws IOException {
        String text = "ply\nformat ascii 1.0\nelement vertex 3\nproperty float32 x\nproperty float64 y\n"
                + "property int16 z\nelement face 1\nproperty list uint32 uint16 vertex_index\nend_header\n"
                + "0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n";

        GeometryData data = GeometryIO.read(file("alias.ply", text.getBytes(StandardCharsets.US_ASCII)));

        assertThat(data.faces()).containsExactly(0, 1, 2);
    }

    @Test
    void fanTriangulatesPolygons() throws IOException {
        String text = "ply\nformat ascii 1.0\nelement vertex 5\nproperty float x\nproperty float y\nproperty float z\n"
                + "element face 2\nproperty list uchar int vertex_indices\nend_header\n"
                + "0 0 0\n1 0 0\n1 1 0\n0 1 0\n0 2 0\n4 0 1 2 3\n3 3 2 4\n";

        GeometryData data = GeometryIO.read(file("quad.ply", text.getBytes(StandardCharsets.US_ASCII)));

        assertThat(data.faces()).containsExactly(0, 1, 2, 0, 2, 3, 3, 2, 4);
    }

    @Test
    void skipsUnknownElementsAndListPropertiesInBinaryFiles() throws IOException {
        String header = "ply\nformat binary_little_endian 1.0\ncomment test\nobj_info scanner 1\n"
                + "element vertex 3\nproperty float x\nproperty list uchar int extra\nproperty float y\n"
                + "property float z\nelement range_grid 2\nproperty list uchar int vertex_indices\n"
                + "element face 1\nproperty uchar flags\nproperty list uchar int vertex_indices\n"
                + "property list int float texcoord\nend_header\n";
        byte[] bytes = binary(header, ByteOrder.LITTLE_ENDIAN, 256, b -> {
            b.putFloat(0).put((byte) 2).putInt(9).putInt(9).putFloat(0).putFloat(0);
            b.putFloat(1).put((byte) 0).putFloat(0).putFloat(0);
            b.putFloat(0).put((byte) 1).putInt(5).putFloat(1).putFloat(0);
            b.put((byte) 1).putInt(2).put((byte) 0);
            b.put((byte) 7).put((byte) 3).putInt(0).putInt(1).putInt(2).putInt(2).putFloat(0.5f).putFloat(0.5f);
        });

        GeometryData data = GeometryIO.read(file("skip.ply", bytes));

        assertThat(data.positions()).containsExactly(0, 0, 0, 1, 0, 0, 0, 1, 0);
        assertThat(data.faces()).containsExactly(0, 1, 2);
    }

    @Test
    void takesFloatColoursAsGivenAndNeedsAllThreeNormalComponents() throws IOException {
        String text = "ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float y\nproperty float z\n"
                + "property float nx\nproperty float ny\nproperty float r\nproperty float g\nproperty float b\n"
                + "end_header\n1 2 3 0 1 0.25 0.5 0.75\n";

        GeometryData data = GeometryIO.read(file("floatcolor.ply", text.getBytes(StandardCharsets.US_ASCII)));

        assertThat(data.colors()).containsExactly(0.25f, 0.5f, 0.75f);
        assertThat(data.hasNormals()).isFalse();
    }

    @Test
    void acceptsWindowsLineEndings() throws IOException {
        String text = "ply\r\nformat ascii 1.0\r\nelement vertex 3\r\nproperty float x\r\nproperty float y\r\n"
                + "property float z\r\nelement face 1\r\nproperty list uchar int vertex_indices\r\nend_header\r\n"
                + "0 0 0\r\n1 0 0\r\n0 1 0\r\n3 0 1 2\r\n";

        GeometryData data = GeometryIO.read(file("crlf.ply", text.getBytes(StandardCharsets.US_ASCII)));

        assertThat(data.faces()).containsExactly(0, 1, 2);
    }

    @Test
    void dropNonFiniteRemovesPointsAndTheFacesThatUseThem() throws IOException {
        float nan = Float.NaN;
        String header = "ply\nformat binary_little_endian 1.0\nelement vertex 4\nproperty float x\nproperty float y\n"
                + "property float z\nelement face 2\nproperty list uchar int vertex_indices\nend_header\n";
        byte[] bytes = binary(header, ByteOrder.LITTLE_ENDIAN, 128, b -> {
            b.putFloat(0).putFloat(0).putFloat(0).putFloat(1).putFloat(nan).putFloat(0);
            b.putFloat(0).putFloat(1).putFloat(0).putFloat(1).putFloat(1).putFloat(0);
            b.put((byte) 3).putInt(0).putInt(1).putInt(2).put((byte) 3).putInt(0).putInt(2).putInt(3);
        });

        GeometryData data = GeometryIO.read(file("nan.ply", bytes), ReadOptions.DEFAULT.withDropNonFinite(true));

        assertThat(data.positions()).containsExactly(0, 0, 0, 0, 1, 0, 1, 1, 0);
        assertThat(data.faces()).containsExactly(0, 1, 2);
        assertThat(data.droppedNonFinite()).isEqualTo(1);
    }

    @Test
    void keepsSubMillimetrePrecisionOfDoubleCoordinatesNearAMillion() throws IOException {
        String header = "ply\nformat binary_little_endian 1.0\nelement vertex 2\nproperty double x\n"
                + "property double y\nproperty double z\nend_header\n";
        double[] world = {1_000_000.1234, 2_000_000.5678, 350.25, 1_000_003.9876, 1_999_999.0001, 351.0};
        byte[] bytes = binary(header, ByteOrder.LITTLE_ENDIAN, 48, b -> {
            for (double v : world) {
                b.putDouble(v);
            }
        });

        GeometryData data = GeometryIO.read(file("utm.ply", bytes));

        assertThat(data.origin()).isEqualTo(new Vec3d(1_000_000, 2_000_001, 350));
        for (int i = 0; i < 2; i++) {
            assertThat(data.origin().x() + data.positions()[3 * i]).isCloseTo(world[3 * i], within(1e-6));
            assertThat(data.origin().y() + data.positions()[3 * i + 1]).isCloseTo(world[3 * i + 1], within(1e-6));
        }
    }
}
