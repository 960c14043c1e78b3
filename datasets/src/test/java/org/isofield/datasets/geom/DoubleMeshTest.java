package org.isofield.datasets.geom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.isofield.datasets.clean.SmallPieces;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.io.WriteOptions;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoubleMeshTest {
    @TempDir
    Path dir;

    /** A tetrahedron far from the origin whose corners differ by less than a float step there. */
    static DoubleMesh tinyFarTetrahedron(double shift) {
        double o = 1e6 + shift;
        double e = 1e-9;
        return DoubleMesh.of(new double[] {o, o, o, o + e, o, o, o, o + e, o, o, o, o + e},
                new int[] {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3});
    }

    @Test
    void doubleChecksSeeWhatFloatRoundingHides() {
        DoubleMesh m = tinyFarTetrahedron(0);
        MeshReport exact = MeshChecks.check(m, true);
        assertThat(exact.watertight()).isTrue();
        assertThat(exact.orientationConsistent()).isTrue();
        assertThat(exact.selfIntersections()).isZero();
        assertThat(exact.mergedVertices()).isZero();
        // as float world coordinates the four corners are one point: every face degenerate
        assertThat(MeshChecks.check(m.toFloatWorld()).degenerateFaces()).isEqualTo(4);
        assertThat(MeshChecks.check(m.roundedToFloat(), false).watertight()).isFalse();
    }

    @Test
    void plyKeepsTheDoublesExactly() throws IOException {
        DoubleMesh m = tinyFarTetrahedron(0);
        Path p = dir.resolve("t.ply");
        Meshes.write(m, p, WriteOptions.DEFAULT);
        byte[] bytes = Files.readAllBytes(p);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int body = text.indexOf("end_header\n") + "end_header\n".length();
        assertThat(text.substring(0, body)).contains("property double x", "element face 4");
        ByteBuffer b = ByteBuffer.wrap(bytes, body, bytes.length - body).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : m.vertices()) {
            assertThat(b.getDouble()).isEqualTo(v);
        }
        Path ascii = dir.resolve("t-ascii.ply");
        Meshes.write(m, ascii, WriteOptions.DEFAULT.withBinary(false));
        String[] lines = Files.readString(ascii).split("\n");
        int first = Arrays.asList(lines).indexOf("end_header") + 1;
        String[] xyz = lines[first + 1].split(" ");
        assertThat(Double.parseDouble(xyz[0])).isEqualTo(m.vertices()[3]);
        assertThatThrownBy(() -> Meshes.write(m, p, WriteOptions.DEFAULT)).hasMessageContaining(p.toString());
    }

    @Test
    void smallPiecesKeepTheDoubles() {
        DoubleMesh a = tinyFarTetrahedron(0);
        DoubleMesh b = tinyFarTetrahedron(5);
        double[] v = new double[24];
        System.arraycopy(a.vertices(), 0, v, 0, 12);
        System.arraycopy(b.vertices(), 0, v, 12, 12);
        int[] f = new int[24];
        for (int i = 0; i < 12; i++) {
            f[i] = a.faces()[i];
            f[12 + i] = a.faces()[i] + 4;
        }
        SmallPieces.DoubleResult r = SmallPieces.remove(DoubleMesh.of(v, f), 1.0);
        assertThat(r.componentsBefore()).isEqualTo(2);
        assertThat(r.componentsRemoved()).isZero(); // ties with the largest are kept
        assertThat(r.mesh().vertices()).isEqualTo(v);
        SmallPieces.DoubleResult s = SmallPieces.remove(DoubleMesh.of(v, Arrays.copyOf(f, 15)), 0.5);
        assertThat(s.componentsRemoved()).isEqualTo(1);
        assertThat(s.mesh().vertices()).isEqualTo(Arrays.copyOf(v, 12));
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> DoubleMesh.of(new double[] {0, 0, Double.NaN}, new int[0]))
                .hasMessageContaining("vertex 0").hasMessageContaining("NaN");
        assertThatThrownBy(() -> DoubleMesh.of(new double[3], new int[] {0, 0, 1}))
                .hasMessageContaining("face 0").hasMessageContaining("index 1");
    }
}
