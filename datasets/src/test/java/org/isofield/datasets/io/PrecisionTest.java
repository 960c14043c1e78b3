package org.isofield.datasets.io;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.Vec3d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Coordinates around 1e6 (projected survey data in metres) keep sub-millimetre precision: the reader picks an origin
 * from the first point and stores small float offsets; writers write double world coordinates when the origin is
 * not zero (binary STL is the exception: the format stores float world coordinates, about 6 cm apart at 5e6, so it
 * is not tested here). A plain float would be off by up to 3 cm at 1e6.
 */
class PrecisionTest {
    private static final double[] WORLD = {
        512_345.1234, 5_412_345.5678, 123.0004,
        512_347.0001, 5_412_344.9999, 124.2501,
        512_340.7777, 5_412_346.3333, 122.5,
    };

    @TempDir
    Path dir;

    private static void assertWorld(PointCloud cloud, double tolerance) {
        assertThat(cloud.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(cloud.x(i)).isCloseTo(WORLD[3 * i], within(tolerance));
            assertThat(cloud.y(i)).isCloseTo(WORLD[3 * i + 1], within(tolerance));
            assertThat(cloud.z(i)).isCloseTo(WORLD[3 * i + 2], within(tolerance));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xyz", "obj", "off", "ply"})
    void textFileNearAMillionReadsToSubMillimetre(String ext) throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < WORLD.length; i += 3) {
            body.append(ext.equals("obj") ? "v " : "").append(WORLD[i]).append(' ').append(WORLD[i + 1]).append(' ')
                    .append(WORLD[i + 2]).append('\n');
        }
        String header = switch (ext) {
            case "off" -> "OFF\n3 0 0\n";
            case "ply" -> "ply\nformat ascii 1.0\nelement vertex 3\nproperty double x\nproperty double y\n"
                    + "property double z\nend_header\n";
            default -> "";
        };
        Path file = dir.resolve("utm." + ext);
        Files.writeString(file, header + body);

        PointCloud cloud = PointClouds.read(file);

        assertThat(cloud.origin()).isEqualTo(new Vec3d(512_345, 5_412_346, 123));
        assertWorld(cloud, 1e-6);
    }

    @Test
    void asciiStlNearAMillionReadsToSubMillimetre() throws IOException {
        Path file = dir.resolve("utm.stl");
        Files.writeString(file, "solid s\nfacet normal 0 0 1\nouter loop\nvertex " + WORLD[0] + " " + WORLD[1] + " "
                + WORLD[2] + "\nvertex " + WORLD[3] + " " + WORLD[4] + " " + WORLD[5] + "\nvertex " + WORLD[6] + " "
                + WORLD[7] + " " + WORLD[8] + "\nendloop\nendfacet\nendsolid s\n");

        assertWorld(PointClouds.read(file), 1e-6);
    }

    @ParameterizedTest
    @CsvSource({"a.ply,true", "a.ply,false", "b.xyz,false", "c.obj,false", "d.off,false", "e.stl,false"})
    void writtenFileKeepsWorldCoordinatesOfAnOffsetCloud(String name, boolean binary) {
        Vec3d origin = new Vec3d(512_345, 5_412_346, 123);
        float[] rel = new float[WORLD.length];
        for (int i = 0; i < rel.length; i++) {
            rel[i] = (float) (WORLD[i] - origin.get(i % 3));
        }
        GeometryData data = new GeometryData(null, rel, null, null, Map.of(), new int[] {0, 1, 2}, origin, 0);
        Path file = dir.resolve(name);

        GeometryIO.write(data, file, WriteOptions.DEFAULT.withBinary(binary));

        assertWorld(PointClouds.read(file), 1e-4);
    }
}
