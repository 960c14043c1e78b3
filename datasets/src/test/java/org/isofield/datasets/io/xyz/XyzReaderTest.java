package org.isofield.datasets.io.xyz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryFormat;
import org.isofield.datasets.io.GeometryIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XyzReaderTest {
    @TempDir
    Path dir;

    private GeometryData read(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return GeometryIO.read(p);
    }

    @Test
    void readsBlankOrCommaSeparatedColumnsAndComments() throws IOException {
        GeometryData data = read("a.xyz", "# x y z\n1 2 3\n\n4,5,6  # note\n7, 8,\t9\n");

        assertThat(data.positions()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(data.faces()).isNull();
    }

    @Test
    void readsSixColumnsAsNormals() throws IOException {
        GeometryData data = read("a.xyzn", "1 2 3 0 0 1\n4 5 6 1 0 0\n");

        assertThat(data.format()).isEqualTo(GeometryFormat.XYZ);
        assertThat(data.normals()).containsExactly(0, 0, 1, 1, 0, 0);
    }

    @Test
    void readsTxtFilesAsXyz() throws IOException {
        GeometryData data = read("scan.TXT", "1.5 -2.5 1e-3\n");

        assertThat(data.positions()).containsExactly(1.5f, -2.5f, 1e-3f);
    }
}
