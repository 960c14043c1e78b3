package org.isofield.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Write then read every format, ascii and binary, with every attribute combination. Tolerances: positions and
 * normals bit-exact everywhere (binary floats, and text written in round-trip form); colours within half of 1/255
 * (stored as bytes).
 * LAS stores integers times a power-of-two scale fitted to the largest coordinate, so its positions come back within
 * one scale step. Attributes a format cannot hold must come back absent. STL welds corners and drops unreferenced
 * vertices, so its triangles are compared corner by corner.
 */
class FormatRoundTripTest {
    record Case(GeometryFormat format, boolean binary, boolean normals, boolean colors, boolean faces) {
        @Override
        public String toString() {
            return format + (binary ? " binary" : " ascii") + (normals ? " +normals" : "") + (colors ? " +colors" : "")
                    + (faces ? " +faces" : " points");
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (GeometryFormat f : GeometryFormat.values()) {
            for (boolean binary : new boolean[] {true, false}) {
                for (int attrs = 0; attrs < 8; attrs++) {
                    boolean faces = (attrs & 4) != 0;
                    if ((faces && !f.canHoldFaces()) || (!faces && f == GeometryFormat.STL)) {
                        continue;
                    }
                    cases.add(new Case(f, binary, (attrs & 1) != 0, (attrs & 2) != 0, faces));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void roundTripKeepsWhatTheFormatHolds(Case c, @TempDir Path dir) {
        GeometryData in = Samples.data(40, c.normals(), c.colors(), c.faces(), 7);
        Path file = dir.resolve("shape." + c.format().extensions().get(0).toUpperCase(Locale.ROOT));

        GeometryIO.write(in, file, WriteOptions.DEFAULT.withBinary(c.binary()));
        GeometryData out = GeometryIO.read(file);

        assertThat(out.format()).isEqualTo(c.format());
        if (c.format() == GeometryFormat.STL) {
            assertSameTriangles(in, out);
            return;
        }
        if (c.format() == GeometryFormat.LAS) {
            assertThat(out.positions()).containsExactly(in.positions(), Offset.offset(lasTolerance(in.positions())));
        } else {
            assertThat(out.positions()).containsExactly(in.positions());
        }
        assertThat(out.hasFaces()).isEqualTo(c.faces());
        if (c.faces()) {
            assertThat(out.faces()).containsExactly(in.faces());
        }
        boolean normalsKept = c.normals() && c.format().canHoldNormals();
        assertThat(out.hasNormals()).isEqualTo(normalsKept);
        if (normalsKept) {
            assertThat(out.normals()).containsExactly(in.normals());
        }
        boolean colorsKept = c.colors() && c.format().canHoldColors();
        assertThat(out.hasColors()).isEqualTo(colorsKept);
        if (colorsKept) {
            assertThat(out.colors()).containsExactly(in.colors(), Offset.offset(0.5f / 255 + 1e-6f));
        }
    }

    /**
     * The LAS writer's scale step (a power of two fitting the largest magnitude into 30 bits): half of it for the
     * quantisation, half for rounding the result to float.
     */
    private static float lasTolerance(float[] p) {
        float max = 0;
        for (float v : p) {
            max = Math.max(max, Math.abs(v));
        }
        return (float) Math.scalb(1.0, Math.getExponent(max) + 1 - 30);
    }

    private static void assertSameTriangles(GeometryData in, GeometryData out) {
        assertThat(out.faceCount()).isEqualTo(in.faceCount());
        float[] p = in.positions();
        float[] q = out.positions();
        for (int i = 0; i < in.faces().length; i++) {
            int a = 3 * in.faces()[i];
            int b = 3 * out.faces()[i];
            assertThat(new float[] {q[b], q[b + 1], q[b + 2]}).as("corner %d", i)
                    .containsExactly(p[a], p[a + 1], p[a + 2]);
        }
        assertThat(out.hasNormals()).isFalse();
        assertThat(out.hasColors()).isFalse();
    }
}
