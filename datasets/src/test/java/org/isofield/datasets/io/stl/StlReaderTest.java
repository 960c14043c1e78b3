package org.isofield.datasets.io.stl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryIO;
import org.isofield.datasets.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StlReaderTest {
    /** The 12 triangles of the unit cube, as corner coordinates. */
    private static final float[][] CUBE = cube();

    @TempDir
    Path dir;

    private static float[][] cube() {
        int[][] quads = {{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}};
        float[][] tris = new float[12][];
        for (int q = 0; q < 6; q++) {
            int[] c = quads[q];
            tris[2 * q] = corners(c[0], c[1], c[2]);
            tris[2 * q + 1] = corners(c[0], c[2], c[3]);
        }
        return tris;
    }

    private static float[] corners(int... ids) {
        float[] t = new float[9];
        for (int k = 0; k < 3; k++) {
            t[3 * k] = ids[k] & 1;
            t[3 * k + 1] = (ids[k] >> 1) & 1;
            t[3 * k + 2] = (ids[k] >> 2) & 1;
        }
        return t;
    }

    private Path binary(String header, float[][] triangles) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(84 + 50 * triangles.length).order(ByteOrder.LITTLE_ENDIAN);
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        b.put(h).position(80);
        b.putInt(triangles.length);
        for (float[] t : triangles) {
            b.putFloat(0).putFloat(0).putFloat(0);
            for (float v : t) {
                b.putFloat(v);
            }
            b.putShort((short) 0);
        }
        Path p = dir.resolve("b.stl");
        Files.write(p, b.array());
        return p;
    }

    @Test
    void weldsIdenticalCornersOfABinaryCube() throws IOException {
        GeometryData data = GeometryIO.read(binary("cube", CUBE));

        assertThat(data.vertexCount()).isEqualTo(8);
        assertThat(data.faceCount()).isEqualTo(12);
        assertThat(data.hasNormals()).isFalse();
    }

    @Test
    void readsBinaryFileWhoseHeaderStartsWithSolid() throws IOException {
        GeometryData data = GeometryIO.read(binary("solid cube exported by some CAD tool", CUBE));

        assertThat(data.faceCount()).isEqualTo(12);
    }

    @Test
    void weldsNegativeZeroWithZero() throws IOException {
        float[][] tris = {{0, 0, 0, 1, 0, 0, 0, 1, 0}, {-0f, -0f, -0f, 0, 1, 0, 1, 0, 0}};

        GeometryData data = GeometryIO.read(binary("signed zeros", tris));

        assertThat(data.vertexCount()).isEqualTo(3);
        assertThat(data.faces()).containsExactly(0, 1, 2, 0, 2, 1);
    }

    @Test
    void dropNonFiniteDropsWholeTriangles() throws IOException {
        float[][] tris = {CUBE[0], {0, 0, 0, Float.NaN, 0, 0, 0, 1, 0}, CUBE[1]};

        GeometryData data = GeometryIO.read(binary("nan", tris), ReadOptions.DEFAULT.withDropNonFinite(true));

        assertThat(data.faceCount()).isEqualTo(2);
        assertThat(data.vertexCount()).isEqualTo(4);
    }

    @Test
    void readsSeveralAsciiSolidsAndWeldsAcrossThem() throws IOException {
        String facet = "facet normal 0 0 1\n outer loop\n  vertex 0 0 0\n  vertex 1 0 0\n  vertex 0 1 0\n endloop\n"
                + "endfacet\n";
        Path p = dir.resolve("a.stl");
        Files.writeString(p, "solid a\n" + facet + "endsolid a\n\nsolid b\n" + facet
                + "facet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 0 1 0\nvertex -1 1 0\nvertex -1 0 0\nendloop\n"
                + "endfacet\nendsolid\n");

        GeometryData data = GeometryIO.read(p);

        assertThat(data.vertexCount()).isEqualTo(5);
        assertThat(data.faces()).containsExactly(0, 1, 2, 0, 1, 2, 0, 2, 3, 0, 3, 4);
    }
}
