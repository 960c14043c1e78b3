package org.isofield.datasets.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.isofield.datasets.geom.DoubleMesh;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import org.isofield.datasets.testing.TestMeshes;
import org.junit.jupiter.api.Test;

class ShortEdgesTest {
    private static DoubleMesh sphere() {
        TriangleMesh ico = TestMeshes.icosphere(3, 1.0);
        float[] f = ico.vertices();
        double[] v = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            v[i] = f[i];
        }
        return DoubleMesh.of(v, ico.faces().clone());
    }

    /** The sphere with {@code count} random vertices moved to within 1e-3 of an edge's length of a neighbour. */
    private static DoubleMesh withShortEdges(DoubleMesh m, int count, long seed) {
        double[] v = m.vertices().clone();
        int[] f = m.faces();
        SplittableRandom rnd = new SplittableRandom(seed);
        boolean[] used = new boolean[v.length / 3];
        int moved = 0;
        while (moved < count) {
            int t = rnd.nextInt(f.length / 3);
            int i = f[3 * t];
            int j = f[3 * t + 1];
            if (used[i] || used[j]) {
                continue;
            }
            for (int k = 0; k < f.length; k++) {
                if (f[k] == i || f[k] == j) {
                    for (int c = 0; c < 3; c++) {
                        used[f[k - k % 3 + c]] = true;
                    }
                }
            }
            for (int a = 0; a < 3; a++) {
                v[3 * i + a] = v[3 * j + a] + 1e-3 * (v[3 * i + a] - v[3 * j + a]);
            }
            moved++;
        }
        return DoubleMesh.of(v, f.clone());
    }

    @Test
    void shortEdgesGoAndTheSurfaceStaysClosedOrientedAndOnTheInputsVertices() {
        DoubleMesh input = withShortEdges(sphere(), 30, 3L);
        ShortEdges.Result r = ShortEdges.collapse(input, 0.01);
        assertThat(r.collapsed()).isEqualTo(30);
        DoubleMesh out = r.mesh();
        assertThat(out.faceCount()).isEqualTo(input.faceCount() - 2 * 30);
        assertThat(out.vertexCount()).isEqualTo(input.vertexCount() - 30);
        MeshReport checks = MeshChecks.check(out, true);
        assertThat(checks.isClosedManifold()).as(checks.toString()).isTrue();
        assertThat(checks.degenerateFaces()).isZero();
        Set<String> before = new HashSet<>();
        double[] vin = input.vertices();
        for (int i = 0; i < vin.length; i += 3) {
            before.add(vin[i] + " " + vin[i + 1] + " " + vin[i + 2]);
        }
        double[] vout = out.vertices();
        int[] f = out.faces();
        for (int i = 0; i < vout.length; i += 3) {
            assertThat(before).contains(vout[i] + " " + vout[i + 1] + " " + vout[i + 2]);
        }
        for (int i = 0; i < f.length; i++) {
            int a = f[i];
            int b = f[i - i % 3 + (i + 1) % 3];
            double dx = vout[3 * a] - vout[3 * b], dy = vout[3 * a + 1] - vout[3 * b + 1],
                    dz = vout[3 * a + 2] - vout[3 * b + 2];
            assertThat(Math.sqrt(dx * dx + dy * dy + dz * dz)).as("edge %d-%d", a, b).isGreaterThanOrEqualTo(0.01);
        }
    }

    @Test
    void frozenVerticesKeepTheirEdgesAndEveryOutputVertexNamesItsSource() {
        DoubleMesh input = withShortEdges(sphere(), 10, 5L);
        ShortEdges.Result all = ShortEdges.collapse(input, 0.01);
        assertThat(all.collapsed()).isEqualTo(10);
        double[] vin = input.vertices();
        double[] vout = all.mesh().vertices();
        for (int i = 0; i < all.sourceVertices().length; i++) {
            int s = all.sourceVertices()[i];
            assertThat(new double[] {vout[3 * i], vout[3 * i + 1], vout[3 * i + 2]})
                    .containsExactly(vin[3 * s], vin[3 * s + 1], vin[3 * s + 2]);
        }
        // freezing one endpoint of each short edge keeps them all
        boolean[] frozen = new boolean[input.vertexCount()];
        int[] f = input.faces();
        for (int i = 0; i < f.length; i++) {
            int a = f[i];
            int b = f[i - i % 3 + (i + 1) % 3];
            double dx = vin[3 * a] - vin[3 * b], dy = vin[3 * a + 1] - vin[3 * b + 1],
                    dz = vin[3 * a + 2] - vin[3 * b + 2];
            if (dx * dx + dy * dy + dz * dz < 1e-4) {
                frozen[a] = true;
            }
        }
        ShortEdges.Result none = ShortEdges.collapse(input, 0.01, frozen);
        assertThat(none.collapsed()).isZero();
        assertThat(none.mesh().faceCount()).isEqualTo(input.faceCount());
        assertThatThrownBy(() -> ShortEdges.collapse(input, 0.01, new boolean[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected one per vertex");
    }

    @Test
    void aMeshWithoutShortEdgesAndALengthOfZeroChangeNothing() {
        DoubleMesh s = sphere();
        assertThat(ShortEdges.collapse(s, 0.01).collapsed()).isZero();
        assertThat(ShortEdges.collapse(s, 0.01).mesh().faces()).isEqualTo(s.faces());
        DoubleMesh shortOnes = withShortEdges(s, 5, 1L);
        ShortEdges.Result none = ShortEdges.collapse(shortOnes, 0);
        assertThat(none.collapsed()).isZero();
        assertThat(none.mesh().vertices()).isEqualTo(shortOnes.vertices());
    }

    @Test
    void aTetrahedronIsNotFlattenedAndAnOctahedronLosesOneEdge() {
        double[] tv = {0, 0, 0, 1e-4, 0, 0, 0, 1, 0, 0, 0, 1};
        int[] tf = {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3};
        assertThat(MeshChecks.check(DoubleMesh.of(tv, tf), true).isClosedManifold()).isTrue();
        assertThat(ShortEdges.collapse(DoubleMesh.of(tv, tf), 0.01).collapsed()).isZero();
        // +x moved next to +y: the edge between them goes, a closed five-vertex bipyramid is left
        double[] ov = {1e-3, 1, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1};
        int[] of = {0, 2, 4, 2, 1, 4, 1, 3, 4, 3, 0, 4, 2, 0, 5, 1, 2, 5, 3, 1, 5, 0, 3, 5};
        DoubleMesh oct = DoubleMesh.of(ov, of);
        assertThat(MeshChecks.check(oct, true).isClosedManifold()).isTrue();
        ShortEdges.Result r = ShortEdges.collapse(oct, 0.01);
        assertThat(r.collapsed()).isEqualTo(1);
        assertThat(r.mesh().faceCount()).isEqualTo(6);
        assertThat(MeshChecks.check(r.mesh(), true).isClosedManifold()).isTrue();
    }

    @Test
    void aBadLengthIsRefused() {
        assertThatThrownBy(() -> ShortEdges.collapse(sphere(), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> ShortEdges.collapse(sphere(), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 or more");
    }
}
