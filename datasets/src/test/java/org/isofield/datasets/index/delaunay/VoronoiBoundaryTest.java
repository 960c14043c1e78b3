package org.isofield.datasets.index.delaunay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.isofield.datasets.geom.DoubleMesh;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VoronoiBoundaryTest {
    /** A ball of radius 0.3 about the box centre labelled inside, among generators with the box's corners. */
    static Stream<Arguments> sets() {
        return Stream.of(
                Arguments.of("uniform 3000", withCorners(Delaunay3dTest.uniform(3000, 7L))),
                Arguments.of("grid 12^3 (co-spherical)", withCorners(grid(12))),
                Arguments.of("grid 10^3 near 1e6", shift(withCorners(grid(10)), 1e6)),
                Arguments.of("jittered grid 10^3", withCorners(jittered(grid(10), 1e-9, 3L))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void theBoundaryOfABallIsClosedOrientedAndFreeOfSelfIntersections(String name, double[] p) {
        double[] c = centre(p);
        boolean[] inside = new boolean[p.length / 3];
        for (int i = 0; i < inside.length; i++) {
            double dx = p[3 * i] - c[0], dy = p[3 * i + 1] - c[1], dz = p[3 * i + 2] - c[2];
            inside[i] = dx * dx + dy * dy + dz * dz < 0.09;
        }
        VoronoiVertices vv = VoronoiVertices.of(Delaunay3d.build(p));
        VoronoiBoundary.Result r = VoronoiBoundary.extract(vv, inside);
        DoubleMesh mesh = r.mesh();
        MeshReport report = MeshChecks.check(mesh, true);
        assertThat(report.watertight()).as("watertight: %s", report).isTrue();
        assertThat(report.orientationConsistent()).isTrue();
        assertThat(report.degenerateFaces()).isZero();
        assertThat(report.selfIntersections()).isZero();
        assertThat(report.components()).isEqualTo(1);
        assertThat(report.genus()).isZero();
        assertThat(r.hullInside()).isZero();
        // outward: the enclosed volume is positive and close to the cells' ball
        assertThat(signedVolume(mesh, c)).isPositive();
    }

    @Test
    void aGridGivesAxisAlignedSquaresWithoutZeroLengthEdges() {
        double[] p = withCorners(grid(6));
        boolean[] inside = new boolean[p.length / 3];
        inside[index(6, 2, 2, 2)] = true;
        VoronoiVertices vv = VoronoiVertices.of(Delaunay3d.build(p));
        VoronoiBoundary.Result r = VoronoiBoundary.extract(vv, inside);
        // one grid cell's Voronoi cell is a cube: 6 square faces, 8 corners, 12 triangles, no matter the perturbation
        assertThat(r.polygons()).isEqualTo(6);
        assertThat(r.mesh().vertexCount()).isEqualTo(8);
        assertThat(r.mesh().faceCount()).isEqualTo(12);
        assertThat(r.degenerate()).isPositive(); // diagonal neighbours touch at an edge or corner only
        double h = 1.0 / 5;
        assertThat(signedVolume(r.mesh(), new double[3])).isCloseTo(h * h * h, offset(1e-12));
    }

    @Test
    void hullPointsCountAsOutside() {
        double[] p = Delaunay3dTest.uniform(50, 9L);
        boolean[] inside = new boolean[50];
        Arrays.fill(inside, true);
        VoronoiBoundary.Result r = VoronoiBoundary.extract(VoronoiVertices.of(Delaunay3d.build(p)), inside);
        assertThat(r.hullInside()).isPositive();
        MeshReport report = MeshChecks.check(r.mesh(), true);
        assertThat(report.watertight()).isTrue();
        assertThat(report.selfIntersections()).isZero();
    }

    @Test
    void labelsMustMatchThePoints() {
        VoronoiVertices vv = VoronoiVertices.of(Delaunay3d.build(Delaunay3dTest.uniform(10, 1L)));
        assertThatThrownBy(() -> VoronoiBoundary.extract(vv, new boolean[9]))
                .hasMessageContaining("expected 10 labels");
    }

    @Test
    void barycentresOfBoundedCellsLieInsideTheHullAndHullCellsAreNaN() {
        double[] p = withCorners(grid(5));
        double[] b = VoronoiVertices.of(Delaunay3d.build(p)).cellBarycentres();
        int centre = index(5, 2, 2, 2);
        // a grid cell's Voronoi cell is the cube about it: its vertex mean is the point itself
        for (int a = 0; a < 3; a++) {
            assertThat(b[3 * centre + a]).isCloseTo(p[3 * centre + a], offset(1e-12));
        }
        int corner = p.length / 3 - 1;
        assertThat(b[3 * corner]).isNaN();
    }

    @Test
    void ringsTurnTheSameWayAsTheirOrientation() {
        assertThat(VoronoiBoundary.even(0, 1, 2, 3)).isTrue();
        assertThat(VoronoiBoundary.even(1, 0, 2, 3)).isFalse();
        assertThat(VoronoiBoundary.even(2, 3, 0, 1)).isTrue();
        assertThat(VoronoiBoundary.even(3, 1, 2, 0)).isFalse();
    }

    static double signedVolume(DoubleMesh m, double[] about) {
        double[] v = m.vertices();
        int[] f = m.faces();
        double vol = 0;
        for (int t = 0; t < f.length; t += 3) {
            double ax = v[3 * f[t]] - about[0], ay = v[3 * f[t] + 1] - about[1], az = v[3 * f[t] + 2] - about[2];
            double bx = v[3 * f[t + 1]] - about[0], by = v[3 * f[t + 1] + 1] - about[1],
                    bz = v[3 * f[t + 1] + 2] - about[2];
            double cx = v[3 * f[t + 2]] - about[0], cy = v[3 * f[t + 2] + 1] - about[1],
                    cz = v[3 * f[t + 2] + 2] - about[2];
            vol += ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
        }
        return vol / 6;
    }

    static int index(int n, int i, int j, int k) {
        return i + n * (j + n * k);
    }

    /** n^3 points on [0, 1]^3, x fastest. */
    static double[] grid(int n) {
        double[] p = new double[3 * n * n * n];
        int at = 0;
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    p[at++] = i / (n - 1.0);
                    p[at++] = j / (n - 1.0);
                    p[at++] = k / (n - 1.0);
                }
            }
        }
        return p;
    }

    /** The points plus the corners of their box grown by a quarter on each side. */
    static double[] withCorners(double[] p) {
        double[] q = Arrays.copyOf(p, p.length + 24);
        int at = p.length;
        for (int c = 0; c < 8; c++) {
            q[at++] = (c & 1) == 0 ? -0.25 : 1.25;
            q[at++] = (c & 2) == 0 ? -0.25 : 1.25;
            q[at++] = (c & 4) == 0 ? -0.25 : 1.25;
        }
        return q;
    }

    static double[] shift(double[] p, double by) {
        double[] q = p.clone();
        for (int i = 0; i < q.length; i++) {
            q[i] += by;
        }
        return q;
    }

    static double[] jittered(double[] p, double by, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] q = p.clone();
        for (int i = 0; i < q.length; i++) {
            q[i] += by * (2 * r.nextDouble() - 1);
        }
        return q;
    }

    /** The centre of the box of the points (that of the added corners). */
    static double[] centre(double[] p) {
        double[] c = new double[3];
        for (int a = 0; a < 3; a++) {
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            for (int i = a; i < p.length; i += 3) {
                lo = Math.min(lo, p[i]);
                hi = Math.max(hi, p[i]);
            }
            c[a] = (lo + hi) / 2;
        }
        return c;
    }
}
