package org.isofield.datasets.io.obj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryIO;
import org.isofield.datasets.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjReaderTest {
    private static final String SQUARE = "v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\n";

    @TempDir
    Path dir;

    private GeometryData read(String text) throws IOException {
        return read(text, ReadOptions.DEFAULT);
    }

    private GeometryData read(String text, ReadOptions options) throws IOException {
        Path p = dir.resolve("t.obj");
        Files.writeString(p, text);
        return GeometryIO.read(p, options);
    }

    @Test
    void readsEveryFaceForm() throws IOException {
        GeometryData data = read(SQUARE + "vt 0 0\nvt 1 0\nvn 0 0 1\n"
                + "f 1 2 3\nf 1/1 2/2 3/1\nf 1//1 3//1 4//1\nf 1/2/1 3/1/1 4/2/1\n");

        assertThat(data.faces()).containsExactly(0, 1, 2, 0, 1, 2, 0, 2, 3, 0, 2, 3);
    }

    @Test
    void resolvesNegativeIndicesRelativeToTheVerticesSoFar() throws IOException {
        GeometryData data = read(SQUARE + "f -4 -3 -2\nv 5 5 5\nf -1 -2 -3\n");

        assertThat(data.faces()).containsExactly(0, 1, 2, 4, 3, 2);
    }

    @Test
    void fanTriangulatesPolygons() throws IOException {
        GeometryData data = read(SQUARE + "v 0.5 2 0\nf 1 2 3 5 4\n");

        assertThat(data.faces()).containsExactly(0, 1, 2, 0, 2, 4, 0, 4, 3);
    }

    @Test
    void ignoresGroupingMaterialLineAndPointStatements() throws IOException {
        GeometryData data = read("mtllib a.mtl\no thing\ng part\ns off\nusemtl red\n" + SQUARE
                + "l 1 2\np 3\n# comment\nf 1 2 3 # trailing comment\n");

        assertThat(data.vertexCount()).isEqualTo(4);
        assertThat(data.faces()).containsExactly(0, 1, 2);
    }

    @Test
    void toleratesWeightAndColourColumns() throws IOException {
        GeometryData data = read("v 0 0 0 1\nv 1 0 0 0.5 0.5 0.5\nv 0 1 0 1 0 0 1\nf 1 2 3\n");

        assertThat(data.positions()).containsExactly(0, 0, 0, 1, 0, 0, 0, 1, 0);
        assertThat(data.hasColors()).isFalse();
    }

    @Test
    void averagesCornerNormalsOntoSharedVertices() throws IOException {
        GeometryData data = read(SQUARE + "vn 0 0 1\nvn 1 0 0\nf 1//1 2//1 3//1\nf 1//2 3//2 4//2\n");

        float s = (float) Math.sqrt(0.5);
        assertThat(data.vertexCount()).isEqualTo(4);
        assertThat(data.normals()).containsExactly(new float[] {s, 0, s, 0, 0, 1, s, 0, s, 1, 0, 0}, within(1e-7f));
    }

    @Test
    void givesZeroNormalsToVerticesWithoutCornerNormals() throws IOException {
        GeometryData data = read(SQUARE + "vn 0 1 0\nf 1//1 2//1 3//1\n");

        assertThat(data.normals()).containsExactly(0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0);
    }

    @Test
    void pairsNormalsWithVerticesByIndexInPointClouds() throws IOException {
        GeometryData data = read("v 0 0 0\nvn 0 0 1\nv 1 0 0\nvn 0 1 0\n");

        assertThat(data.faces()).isEmpty();
        assertThat(data.normals()).containsExactly(0, 0, 1, 0, 1, 0);
    }

    @Test
    void acceptsFacesBeforeTheVerticesTheyName() throws IOException {
        GeometryData data = read("f 1 2 3\n" + SQUARE);

        assertThat(data.faces()).containsExactly(0, 1, 2);
    }

    @Test
    void dropNonFiniteRemovesVerticesAndTheirFaces() throws IOException {
        GeometryData data = read(SQUARE + "v nan 0 0\nf 1 2 3\nf 1 3 5\nf 5 4 3\n",
                ReadOptions.DEFAULT.withDropNonFinite(true));

        assertThat(data.vertexCount()).isEqualTo(4);
        assertThat(data.faces()).containsExactly(0, 1, 2);
        assertThat(data.droppedNonFinite()).isEqualTo(1);
    }

    @Test
    void readsCarriageReturnLineEndingsAndBlankLines() throws IOException {
        GeometryData data = read("v 0 0 0\r\n\r\nv 1 0 0\r\nv 0 1 0\r\nf 1 2 3\r\n");

        assertThat(data.faces()).containsExactly(0, 1, 2);
    }
}
