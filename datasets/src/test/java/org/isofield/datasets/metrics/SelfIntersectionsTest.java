package org.isofield.datasets.metrics;

import org.isofield.datasets.testing.RandomCases;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.shapes.Shapes;
import org.isofield.datasets.shapes.Sphere;
import org.isofield.datasets.shapes.Torus;
import org.isofield.datasets.testing.MeshChecks;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SelfIntersectionsTest {

    @Test
    void analyticMeshesHaveNone() {
        ToLongFunction<TriangleMesh> metric = SelfIntersections::count;
        for (String name : Shapes.names()) {
            for (int resolution : new int[] {3, 40}) {
                assertThat(metric.applyAsLong(Shapes.byName(name).toMesh(resolution))).as(name).isZero();
            }
        }
    }

    @Test
    void interpenetratingSpheresIntersect() {
        TriangleMesh a = new Sphere(0.4).toMesh(10);
        TriangleMesh both = merge(a, shift(a, 0.3f, 0.05f, 0.02f));
        long count = SelfIntersections.count(both);
        assertThat(count).isPositive().isEqualTo(bruteForce(both));
        int[] pairs = SelfIntersections.pairs(both);
        assertThat(pairs).hasSize((int) (2 * count));
        int n = a.faceCount();
        for (int k = 0; k < pairs.length; k += 2) {
            // Every pair has one face of each sphere.
            assertThat(pairs[k]).isLessThan(n);
            assertThat(pairs[k + 1]).isGreaterThanOrEqualTo(n);
        }
        // Far apart: none.
        assertThat(SelfIntersections.count(merge(a, shift(a, 1.0f, 0, 0)))).isZero();
    }

    @Test
    void duplicatedFacesAreNotCounted() {
        TriangleMesh mesh = new Sphere(0.4).toMesh(10);
        int[] f = Arrays.copyOf(mesh.faces(), mesh.faces().length + 3);
        System.arraycopy(f, 30, f, f.length - 3, 3);
        assertThat(SelfIntersections.count(TriangleMesh.of(mesh.vertices(), f))).isZero();
        // A soup (every face on its own copies of the vertices) shares positions bit for bit: still none.
        assertThat(SelfIntersections.count(MeshChecks.soup(mesh))).isZero();
    }

    @Test
    void stripFoldedBackThroughTheSheetIsCounted() {
        assertThat(SelfIntersections.count(foldedSheet(-0.5f))).isPositive().isEqualTo(bruteForce(foldedSheet(-0.5f)));
        assertThat(SelfIntersections.count(foldedSheet(0.5f))).isZero();
    }

    /** A 4 x 4 sheet in z = 0 with a strip attached at its edge x = 4 that rises and folds back to height zEnd. */
    private static TriangleMesh foldedSheet(float zEnd) {
        int g = 5;
        float[] v = new float[3 * (g * g + 4)];
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                v[3 * (i * g + j)] = i;
                v[3 * (i * g + j) + 1] = j;
            }
        }
        int u0 = g * g, u1 = u0 + 1, w0 = u0 + 2, w1 = u0 + 3;
        float[] extra = {5, 0, 1, 5, 1, 1, 2.5f, 0.2f, zEnd, 2.5f, 0.8f, zEnd};
        System.arraycopy(extra, 0, v, 3 * u0, 12);
        int[] f = new int[3 * (2 * 16 + 4)];
        int at = 0;
        for (int i = 0; i < g - 1; i++) {
            for (int j = 0; j < g - 1; j++) {
                int a = i * g + j, b = (i + 1) * g + j, c = (i + 1) * g + j + 1, d = i * g + j + 1;
                f[at++] = a; f[at++] = b; f[at++] = c;
                f[at++] = a; f[at++] = c; f[at++] = d;
            }
        }
        int ea = 4 * g, eb = 4 * g + 1; // sheet vertices (4, 0, 0) and (4, 1, 0)
        int[] strip = {ea, u0, u1, ea, u1, eb, u0, w0, w1, u0, w1, u1};
        System.arraycopy(strip, 0, f, at, strip.length);
        return TriangleMesh.of(v, f);
    }

    static Stream<Arguments> soups() {
        return RandomCases.of(7404, 25, r -> new Object[] {r.nextLong()});
    }

    @ParameterizedTest
    @MethodSource("soups")
    void countMatchesAnIndependentEdgeCrossingReferenceOnRandomSoups(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 150;
        float[] v = new float[9 * n];
        int[] f = new int[3 * n];
        for (int t = 0; t < n; t++) {
            double cx = r.nextDouble(), cy = r.nextDouble(), cz = r.nextDouble();
            for (int k = 0; k < 9; k++) {
                v[9 * t + k] = (float) ((k % 3 == 0 ? cx : k % 3 == 1 ? cy : cz) + 0.3 * (r.nextDouble() - 0.5));
            }
            for (int k = 0; k < 3; k++) {
                f[3 * t + k] = 3 * t + k;
            }
        }
        TriangleMesh soup = TriangleMesh.of(v, f);
        assertThat(SelfIntersections.count(soup)).isEqualTo(bruteForce(soup));
    }

    @Test
    void seventyThousandFacesFinishQuickly() {
        TriangleMesh torus = new Torus(0.3, 0.12).toMesh(132);
        assertThat(torus.faceCount()).isBetween(60_000, 90_000);
        long start = System.nanoTime();
        assertThat(SelfIntersections.count(torus)).isZero();
        double seconds = (System.nanoTime() - start) * 1e-9;
        assertThat(seconds).isLessThan(10);
    }

    // ---------------------------------------------------------------- independent reference

    /** All pairs, with an edge-crossing narrow phase and the same vertex rule (exact vertex indices here). */
    private static long bruteForce(TriangleMesh mesh) {
        int[] f = mesh.faces();
        float[] v = mesh.vertices();
        long count = 0;
        for (int i = 0; i < mesh.faceCount(); i++) {
            for (int j = i + 1; j < mesh.faceCount(); j++) {
                if (sharePosition(v, f, i, j)) {
                    continue;
                }
                if (edgesCross(v, f, i, j) || edgesCross(v, f, j, i)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean sharePosition(float[] v, int[] f, int i, int j) {
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                int p = 3 * f[3 * i + a], q = 3 * f[3 * j + b];
                if (v[p] == v[q] && v[p + 1] == v[q + 1] && v[p + 2] == v[q + 2]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an edge of face i crosses face j (generic position: strict sign changes). */
    private static boolean edgesCross(float[] v, int[] f, int i, int j) {
        double[] t = new double[9];
        for (int k = 0; k < 9; k++) {
            t[k] = v[3 * f[3 * j + k / 3] + k % 3];
        }
        double[] n = cross(t[3] - t[0], t[4] - t[1], t[5] - t[2], t[6] - t[0], t[7] - t[1], t[8] - t[2]);
        for (int e = 0; e < 3; e++) {
            int p = 3 * f[3 * i + e], q = 3 * f[3 * i + (e + 1) % 3];
            double dp = n[0] * (v[p] - t[0]) + n[1] * (v[p + 1] - t[1]) + n[2] * (v[p + 2] - t[2]);
            double dq = n[0] * (v[q] - t[0]) + n[1] * (v[q + 1] - t[1]) + n[2] * (v[q + 2] - t[2]);
            if (dp * dq >= 0) {
                continue;
            }
            double s = dp / (dp - dq);
            double[] x = {v[p] + s * (v[q] - v[p]), v[p + 1] + s * (v[q + 1] - v[p + 1]), v[p + 2] + s * (v[q
                    + 2] - v[p + 2])};
            boolean inside = true;
            for (int k = 0; k < 3; k++) {
                int a = 3 * k, b = 3 * ((k + 1) % 3);
                double[] c = cross(t[b] - t[a], t[b + 1] - t[a + 1], t[b + 2] - t[a + 2], x[0] - t[a], x[1] - t[a + 1],
                        x[2] - t[a + 2]);
                if (c[0] * n[0] + c[1] * n[1] + c[2] * n[2] < 0) {
                    inside = false;
                }
            }
            if (inside) {
                return true;
            }
        }
        return false;
    }

    private static double[] cross(double ax, double ay, double az, double bx, double by, double bz) {
        return new double[] {ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx};
    }

    private static TriangleMesh shift(TriangleMesh m, float dx, float dy, float dz) {
        float[] v = m.vertices().clone();
        for (int i = 0; i < v.length; i += 3) {
            v[i] += dx;
            v[i + 1] += dy;
            v[i + 2] += dz;
        }
        return TriangleMesh.of(v, m.faces());
    }

    private static TriangleMesh merge(TriangleMesh a, TriangleMesh b) {
        float[] v = Arrays.copyOf(a.vertices(), a.vertices().length + b.vertices().length);
        System.arraycopy(b.vertices(), 0, v, a.vertices().length, b.vertices().length);
        int[] f = Arrays.copyOf(a.faces(), a.faces().length + b.faces().length);
        for (int i = 0; i < b.faces().length; i++) {
            f[a.faces().length + i] = b.faces()[i] + a.vertexCount();
        }
        return TriangleMesh.of(v, f);
    }
}
