package org.isofield.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.isofield.core.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeometryFormatTest {
    @ParameterizedTest
    @CsvSource({"a.ply,PLY", "dir/B.Obj,OBJ", "c.off,OFF", "d.xyz,XYZ", "e.XYZN,XYZ", "f.txt,XYZ", "g.stl,STL"})
    void findsTheFormatByExtension(String file, GeometryFormat expected) {
        assertThat(GeometryFormat.fromPath(Path.of(file))).isEqualTo(expected);
    }

    @Test
    void fileWithoutExtensionIsAFormatError() {
        assertThatThrownBy(() -> GeometryFormat.fromPath(Path.of("scan"))).isInstanceOf(FormatException.class)
                .hasMessageContaining("scan: unknown geometry file type (no extension)");
    }

    @Test
    void ptsIsNotTakenForXyz() {
        assertThatThrownBy(() -> GeometryFormat.fromPath(Path.of("scan.pts"))).isInstanceOf(FormatException.class);
    }

    @Test
    void attributesMatchWhatTheFormatsCanStore() {
        assertThat(GeometryFormat.PLY.canHoldColors()).isTrue();
        assertThat(GeometryFormat.XYZ.canHoldFaces()).isFalse();
        assertThat(GeometryFormat.STL.canHoldNormals()).isFalse();
        assertThat(GeometryFormat.OBJ.canHoldColors()).isFalse();
        assertThat(GeometryFormat.OFF.canHoldNormals()).isTrue();
    }
}
