package org.isofield.datasets.index.bvh;

import org.isofield.datasets.testing.RandomCases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.shapes.Torus;
import org.isofield.datasets.testing.RandomMeshes;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TriangleBvhClosestPointTest {

    static Stream<Arguments> soups() {
        return RandomCases.of(7101, 40, r -> new Object[] {r.nextLong(), RandomCases.size(r, 1, 400)});
    }

    @ParameterizedTest
    @MethodSource("soups")
    void closestPointMatchesBruteForceOnRandomSoups(long seed, int n) {
        TriangleMesh mesh = RandomMeshes.soup(seed, n, 0.2);
        TriangleBvh bvh = TriangleBvh.build(mesh);
        float[] q = RandomMeshes.points(seed + 1, 40, -0.3, 1.3);
        for (int i = 0; i < q.length; i += 3) {
            double expected = Reference.distance(mesh, q[i], q[i + 1], q[i + 2]);
            ClosestPoint cp = bvh.closestPoint(q[i], q[i + 1], q[i + 2]);
            assertThat(cp.distance()).isCloseTo(expected, within(1e-9 * (1 + expected)));
            assertReportedPointIsConsistent(mesh, cp, q[i], q[i + 1], q[i + 2]);
        }
    }

    private static void assertReportedPointIsConsistent(TriangleMesh mesh, ClosestPoint cp, double x, double y,
            double z) {
        double[] c = Reference.corners(mesh, cp.triangle());
        assertThat(cp.b0()).isBetween(-1e-12, 1 + 1e-12);
        assertThat(cp.b1()).isBetween(-1e-12, 1 + 1e-12);
        assertThat(cp.b2()).isBetween(-1e-12, 1 + 1e-12);
        assertThat(cp.b0() + cp.b1() + cp.b2()).isCloseTo(1.0, within(1e-12));
        double[] p = {cp.x(), cp.y(), cp.z()};
        for (int a = 0; a < 3; a++) {
            double fromBary = cp.b0() * c[a] + cp.b1() * c[3 + a] + cp.b2() * c[6 + a];
            assertThat(p[a]).isCloseTo(fromBary, within(1e-9));
        }
        double d = Math.sqrt((x - p[0]) * (x - p[0]) + (y - p[1]) * (y - p[1]) + (z - p[2]) * (z - p[2]));
        assertThat(d).isCloseTo(cp.distance(), within(1e-9));
    }

    @Test
    void toleratesDegenerateTriangles() {
        // A point-triangle, a collinear triangle and a repeated-vertex triangle.
        float[] v = {0.5f, 0.5f, 0.5f, 0, 0, 0, 1, 0, 0, 2, 0, 0, 0, 1, 0};
        int[] f = {0, 0, 0, 1, 2, 3, 4, 4, 1};
        TriangleMesh mesh = TriangleMesh.of(v, f);
        TriangleBvh bvh = TriangleBvh.build(mesh);
        float[] q = RandomMeshes.points(3, 200, -1, 3);
        for (int i = 0; i < q.length; i += 3) {
            ClosestPoint cp = bvh.closestPoint(q[i], q[i + 1], q[i + 2]);
            assertThat(cp.distance()).isCloseTo(Reference.distance(mesh, q[i], q[i + 1], q[i + 2]), within(1e-9));
            assertReportedPointIsConsistent(mesh, cp, q[i], q[i + 1], q[i + 2]);
        }
        assertThat(bvh.windingNumber(0.2, 0.3, 0.1)).isCloseTo(0.0, within(1e-12));
        assertThat(bvh.raycast(0.5, 0.5, 2, 0, 0, -1, 10)).isEmpty();
    }

    @Test
    void batchMatchesSingleQueries() {
        TriangleMesh mesh = new Torus(0.3, 0.1).toMesh(30);
        TriangleBvh bvh = TriangleBvh.build(mesh);
        float[] q = RandomMeshes.points(11, 1000, -0.5, 0.5);
        float[] dist = new float[1000];
        float[] pts = new float[3000];
        int[] tri = new int[1000];
        float[] bary = new float[3000];
        bvh.closestPoints(q, Vec3d.ZERO, dist, pts, tri, bary);
        for (int i = 0; i < 1000; i++) {
            ClosestPoint cp = bvh.closestPoint(q[3 * i], q[3 * i + 1], q[3 * i + 2]);
            assertThat(dist[i]).isEqualTo((float) cp.distance());
            assertThat(tri[i]).isEqualTo(cp.triangle());
            assertThat(pts[3 * i]).isEqualTo((float) cp.x());
            assertThat(bary[3 * i + 2]).isEqualTo((float) cp.b2());
        }
        assertThat(bvh.distances(q)).containsExactly(dist);
    }

    @Test
    void worksWithFarOriginAndRelativeQueries() {
        TriangleMesh local = new Torus(0.3, 0.1).toMesh(20);
        Vec3d origin = new Vec3d(500_000, -2_000_000, 1_000);
        TriangleMesh far = TriangleMesh.of(local.vertices(), local.faces(), null, origin);
        TriangleBvh a = TriangleBvh.build(local);
        TriangleBvh b = TriangleBvh.build(far);
        // World coordinates near 1e6 keep about 1e-10 of absolute precision in double.
        assertThat(b.distance(origin.x() + 0.1, origin.y() + 0.2, origin.z() + 0.05))
                .isCloseTo(a.distance(0.1, 0.2, 0.05), within(1e-9));
        assertThat(b.windingNumber(origin.x() + 0.3, origin.y(), origin.z())).isCloseTo(1.0, within(0.01));
        float[] q = {0.3f, 0, 0, 0, 0, 0};
        float[] out = new float[2];
        b.signedDistances(q, origin, TriangleBvh.DEFAULT_BETA, out);
        assertThat(out[0]).isLessThan(-0.09f);
        assertThat(out[1]).isCloseTo(0.2f, within(1e-3f));
    }
}
