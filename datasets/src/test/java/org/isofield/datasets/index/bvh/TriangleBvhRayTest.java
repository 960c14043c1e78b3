package org.isofield.datasets.index.bvh;

import org.isofield.datasets.testing.RandomCases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import java.util.SplittableRandom;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.shapes.Sphere;
import org.isofield.datasets.testing.RandomMeshes;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TriangleBvhRayTest {

    static Stream<Arguments> seeds() {
        return RandomCases.of(7202, 30, r -> new Object[] {r.nextLong()});
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void firstHitMatchesBruteForce(long seed) {
        TriangleMesh mesh = RandomMeshes.soup(seed, 300, 0.25);
        TriangleBvh bvh = TriangleBvh.build(mesh);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 60; i++) {
            double[] o = {r.nextDouble(-0.5, 1.5), r.nextDouble(-0.5, 1.5), r.nextDouble(-0.5, 1.5)};
            double[] d = {r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1)};
            if (i % 10 == 0) {
                d[i % 3] = 0; // axis-parallel components exercise the slab test's zero handling
            }
            double tMax = i % 4 == 0 ? 0.5 : 100;
            double[] expected = Reference.raycast(mesh, o, d, tMax);
            Optional<RayHit> hit = bvh.raycast(o[0], o[1], o[2], d[0], d[1], d[2], tMax);
            assertThat(bvh.anyHit(o[0], o[1], o[2], d[0], d[1], d[2], tMax)).isEqualTo(hit.isPresent());
            if (expected[1] < 0) {
                assertThat(hit).isEmpty();
                continue;
            }
            assertThat(hit).isPresent();
            assertThat(hit.get().t()).isCloseTo(expected[0], within(1e-9));
            double[] c = Reference.corners(mesh, hit.get().triangle());
            for (int a = 0; a < 3; a++) {
                double p = hit.get().b0() * c[a] + hit.get().b1() * c[3 + a] + hit.get().b2() * c[6 + a];
                assertThat(p).isCloseTo(o[a] + hit.get().t() * d[a], within(1e-9));
            }
        }
    }

    @Test
    void raysFromInsideAClosedMeshAlwaysHitEvenThroughVerticesAndEdges() {
        TriangleMesh mesh = new Sphere(0.4).toMesh(16);
        TriangleBvh bvh = TriangleBvh.build(mesh);
        float[] v = mesh.vertices();
        int[] f = mesh.faces();
        int n = 0;
        for (int i = 0; i < v.length; i += 3) {
            assertThat(bvh.raycast(0, 0, 0, v[i], v[i + 1], v[i + 2], 2)).hasValueSatisfying(h ->
                    assertThat(h.t()).isCloseTo(1.0, within(1e-6)));
            n++;
        }
        for (int t = 0; t < f.length; t += 3) {
            int a = 3 * f[t], b = 3 * f[t + 1];
            double mx = 0.5 * (v[a] + v[b]), my = 0.5 * (v[a + 1] + v[b + 1]), mz = 0.5 * (v[a + 2] + v[b + 2]);
            assertThat(bvh.anyHit(0.01, -0.02, 0.015, mx - 0.01, my + 0.02, mz - 0.015, 2)).isTrue();
            assertThat(bvh.raycast(0, 0, 0, mx, my, mz, 2)).isPresent();
            n++;
        }
        assertThat(n).isGreaterThan(1000);
    }

    @Test
    void batchMatchesSingleRays() {
        TriangleMesh mesh = new Sphere(0.4).toMesh(20);
        TriangleBvh bvh = TriangleBvh.build(mesh);
        int n = 2000;
        float[] o = RandomMeshes.points(5, n, -0.6, 0.6);
        float[] d = RandomMeshes.points(6, n, -1, 1);
        float[] t = new float[n];
        int[] tri = new int[n];
        float[] bary = new float[3 * n];
        boolean[] any = new boolean[n];
        bvh.raycasts(o, Vec3d.ZERO, d, 0.3, t, tri, bary);
        bvh.anyHits(o, Vec3d.ZERO, d, 0.3, any);
        int hits = 0;
        for (int i = 0; i < n; i++) {
            Optional<RayHit> h = bvh.raycast(o[3 * i], o[3 * i + 1], o[3 * i + 2], d[3 * i], d[3 * i + 1], d[3 * i
                    + 2], 0.3);
            assertThat(any[i]).isEqualTo(h.isPresent());
            assertThat(tri[i]).isEqualTo(h.map(RayHit::triangle).orElse(-1));
            if (h.isPresent()) {
                hits++;
                assertThat(t[i]).isEqualTo((float) h.get().t());
                assertThat(bary[3 * i + 1]).isEqualTo((float) h.get().b1());
            } else {
                assertThat(t[i]).isEqualTo(Float.POSITIVE_INFINITY);
            }
        }
        assertThat(hits).isBetween(n / 10, n - n / 10);
    }

    @Test
    void zeroDirectionHitsNothing() {
        TriangleBvh bvh = TriangleBvh.build(new Sphere(0.4).toMesh(8));
        assertThat(bvh.raycast(0, 0, 0, 0, 0, 0, 10)).isEmpty();
        assertThat(bvh.anyHit(0, 0, 0, 0, 0, 0, 10)).isFalse();
    }
}
