package org.isofield.datasets.io.off;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffReaderTest {
    @TempDir
    Path dir;

    private GeometryData read(String text) throws IOException {
        Path p = dir.resolve("t.off");
        Files.writeString(p, text);
        return GeometryIO.read(p);
    }

    @Test
    void readsPolygonsWithCommentsAndFaceColours() throws IOException {
        GeometryData data = read("OFF # header\n# a square\n4 1 4\n\n0 0 0\n1 0 0\n1 1 0\n0 1 0\n4 0 1 2 3 255 0 0\n");

        assertThat(data.faces()).containsExactly(0, 1, 2, 0, 2, 3);
        assertThat(data.hasNormals()).isFalse();
        assertThat(data.hasColors()).isFalse();
    }

    @Test
    void readsNormalsOfNoff() throws IOException {
        GeometryData data = read("NOFF\n3 1 0\n0 0 0 0 0 1\n1 0 0 0 1 0\n0 1 0 1 0 0\n3 0 1 2\n");

        assertThat(data.normals()).containsExactly(0, 0, 1, 0, 1, 0, 1, 0, 0);
    }

    @Test
    void readsWholeNumberColoursAsBytesAndDecimalColoursAsFractions() throws IOException {
        GeometryData data = read("COFF\n2 0 0\n0 0 0 255 51 0 255\n1 0 0 0.5 1.0 0.25\n");

        assertThat(data.colors()).containsExactly(1f, 0.2f, 0f, 0.5f, 1f, 0.25f);
        assertThat(data.faces()).isEmpty();
    }

    @Test
    void readsCountsOnTheHeaderLineAndTextureColumns() throws IOException {
        GeometryData data = read("STCNOFF 1 0 0\n1 2 3 0 0 1 1 1 1 1 0.5 0.5\n");

        assertThat(data.positions()).containsExactly(1, 2, 3);
        assertThat(data.normals()).containsExactly(0, 0, 1);
        assertThat(data.colors()).containsExactly(1f / 255, 1f / 255, 1f / 255);
    }

    @Test
    void readsFilesWithoutHeaderKeyword() throws IOException {
        GeometryData data = read("3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n");

        assertThat(data.faces()).containsExactly(0, 1, 2);
    }
}
