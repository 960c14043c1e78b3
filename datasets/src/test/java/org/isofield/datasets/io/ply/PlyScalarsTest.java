package org.isofield.datasets.io.ply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.isofield.core.Progress;
import org.isofield.datasets.geom.DoubleMesh;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.geom.VertexAttributes;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryIO;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.io.ReadOptions;
import org.isofield.datasets.io.WriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named per-vertex scalars (intensity, confidence, quality) in PLY: read from any numeric property, written back. */
class PlyScalarsTest {
    @TempDir
    Path dir;

    @Test
    void asciiKeepsUnknownNumericPropertiesAsScalarsInOrder() throws IOException {
        Path f = dir.resolve("range.ply");
        Files.writeString(f, "ply\nformat ascii 1.0\nelement vertex 2\nproperty float x\nproperty float y\n"
                + "property float z\nproperty float confidence\nproperty uchar red\nproperty uchar green\n"
                + "property uchar blue\nproperty ushort intensity\nend_header\n"
                + "0 0 0 0.5 255 0 0 1000\n1 2 3 1 0 255 0 7\n");
        GeometryData d = GeometryIO.read(f);
        assertThat(d.scalars().keySet()).containsExactly("confidence", "intensity");
        assertThat(d.scalars().get("confidence")).containsExactly(0.5f, 1f);
        assertThat(d.scalars().get("intensity")).containsExactly(1000f, 7f);
        assertThat(d.colors()).containsExactly(1, 0, 0, 0, 1, 0);
    }

    @Test
    void binaryMixedTypesAndAllFloatRecordsAgree() throws IOException {
        String mixed = "ply\nformat binary_little_endian 1.0\nelement vertex 2\nproperty double x\nproperty double y\n"
                + "property double z\nproperty short intensity\nproperty float quality\nend_header\n";
        ByteBuffer b = ByteBuffer.allocate(2 * 30).order(ByteOrder.LITTLE_ENDIAN);
        b.putDouble(1).putDouble(2).putDouble(3).putShort((short) -4).putFloat(0.25f);
        b.putDouble(4).putDouble(5).putDouble(6).putShort((short) 9).putFloat(0.75f);
        GeometryData m = GeometryIO.read(write("mixed.ply", mixed, b));
        String floats = "ply\nformat binary_little_endian 1.0\nelement vertex 2\nproperty float x\nproperty float y\n"
                + "property float z\nproperty float intensity\nproperty float quality\nend_header\n";
        ByteBuffer c = ByteBuffer.allocate(2 * 20).order(ByteOrder.LITTLE_ENDIAN);
        c.putFloat(1).putFloat(2).putFloat(3).putFloat(-4).putFloat(0.25f);
        c.putFloat(4).putFloat(5).putFloat(6).putFloat(9).putFloat(0.75f);
        GeometryData a = GeometryIO.read(write("floats.ply", floats, c));
        for (GeometryData d : new GeometryData[] {m, a}) {
            assertThat(d.scalars().get("intensity")).containsExactly(-4f, 9f);
            assertThat(d.scalars().get("quality")).containsExactly(0.25f, 0.75f);
        }
    }

    @Test
    void droppedNonFinitePointsTakeTheirScalarsWithThem() throws IOException {
        Path f = dir.resolve("nan.ply");
        Files.writeString(f, "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\n"
                + "property float z\nproperty float intensity\nend_header\n0 0 0 1\nnan 0 0 2\n1 1 1 3\n");
        GeometryData d = GeometryIO.read(f, ReadOptions.DEFAULT.withDropNonFinite(true));
        assertThat(d.scalars().get("intensity")).containsExactly(1f, 3f);
    }

    @Test
    void cloudScalarsRoundTripAsciiAndBinary() {
        Map<String, float[]> s = new LinkedHashMap<>();
        s.put("intensity", new float[] {0.1f, 12345.678f, -3e-7f});
        PointCloud cloud = PointCloud.of(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}).withScalars(s);
        for (boolean binary : new boolean[] {true, false}) {
            Path f = dir.resolve("c" + binary + ".ply");
            PointClouds.write(cloud, f, new WriteOptions(binary, false, Progress.NONE));
            assertThat(PointClouds.read(f).scalars().get("intensity")).containsExactly(s.get("intensity"));
        }
    }

    @Test
    void meshesWithAttributesRoundTripFloatAndDoubleCoordinates() {
        float[] colors = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        VertexAttributes a = new VertexAttributes(colors, Map.of("quality", new float[] {0.5f, 0.25f, 0.125f}));
        TriangleMesh flat = TriangleMesh.of(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2}, null,
                new Vec3d(1e6, 0, 0));
        DoubleMesh exact = DoubleMesh.of(new double[] {1e6, 0, 0, 1e6 + 1, 0, 0, 1e6, 1, 0}, new int[] {0, 1, 2});
        int k = 0;
        for (boolean binary : new boolean[] {true, false}) {
            Path f1 = dir.resolve("f" + k + ".ply");
            Path f2 = dir.resolve("d" + k++ + ".ply");
            Meshes.write(flat, a, f1, new WriteOptions(binary, false, Progress.NONE));
            Meshes.write(exact, a, f2, new WriteOptions(binary, false, Progress.NONE));
            for (Path f : new Path[] {f1, f2}) {
                GeometryData d = GeometryIO.read(f);
                assertThat(d.colors()).containsExactly(colors);
                assertThat(d.scalars().get("quality")).containsExactly(0.5f, 0.25f, 0.125f);
                assertThat(d.faceCount()).isEqualTo(1);
            }
        }
    }

    private Path write(String name, String header, ByteBuffer body) throws IOException {
        Path p = dir.resolve(name);
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.position()];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body.array(), 0, all, h.length, body.position());
        Files.write(p, all);
        return p;
    }
}
