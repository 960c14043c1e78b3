package org.isofield.datasets.index.bvh;

import org.isofield.datasets.testing.RandomCases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.shapes.AnalyticShape;
import org.isofield.datasets.shapes.Shapes;
import org.isofield.datasets.shapes.Sphere;
import org.isofield.datasets.testing.MeshChecks;
import org.isofield.datasets.testing.RandomMeshes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TriangleBvhWindingNumberTest {

    @Test
    void solidAngleSumAgreesWithIndependentReference() {
        TriangleMesh mesh = RandomMeshes.soup(17, 50, 0.5);
        TriangleBvh bvh = TriangleBvh.build(mesh);
        float[] q = RandomMeshes.points(18, 100, -0.5, 1.5);
        for (int i = 0; i < q.length; i += 3) {
            assertThat(bvh.exactWindingNumber(q[i], q[i + 1], q[i + 2]))
                    .isCloseTo(Reference.windingNumber(mesh, q[i], q[i + 1], q[i + 2]), within(1e-9));
        }
    }

    static Stream<Arguments> soups() {
        return RandomCases.of(7303, 20, r -> new Object[] {r.nextLong(), RandomCases.size(r, 1, 2000)});
    }

    @ParameterizedTest
    @MethodSource("soups")
    void fastWindingNumberIsWithinToleranceOfExactSumOnSoups(long seed, int n) {
        TriangleMesh mesh = RandomMeshes.soup(seed, n, 0.3);
        TriangleBvh bvh = TriangleBvh.build(mesh);
        float[] q = RandomMeshes.points(seed ^ 5, 50, -0.5, 1.5);
        for (int i = 0; i < q.length; i += 3) {
            double exact = bvh.exactWindingNumber(q[i], q[i + 1], q[i + 2]);
            assertThat(bvh.windingNumber(q[i], q[i + 1], q[i + 2])).isCloseTo(exact, within(0.01));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sphere", "torus", "rounded-box", "capsule", "csg-part"})
    void closedShapesGiveOneInsideZeroOutsideAndAgreeWithExactSum(String name) {
        AnalyticShape shape = Shapes.byName(name);
        TriangleMesh mesh = shape.toMesh(40);
        TriangleBvh bvh = TriangleBvh.build(mesh);
        float[] q = RandomMeshes.points(name.hashCode(), 1500, -0.6, 0.6);
        float[] batch = bvh.windingNumbers(q);
        double maxError = 0;
        for (int i = 0; i < q.length; i += 3) {
            double w = bvh.windingNumber(q[i], q[i + 1], q[i + 2]);
            assertThat(batch[i / 3]).isEqualTo((float) w);
            maxError = Math.max(maxError, Math.abs(w - bvh.exactWindingNumber(q[i], q[i + 1], q[i + 2])));
            double sdf = shape.signedDistance(q[i], q[i + 1], q[i + 2]);
            if (Math.abs(sdf) > 0.02) {
                assertThat(w).as("w at sdf %s", sdf).isCloseTo(sdf < 0 ? 1.0 : 0.0, within(0.01));
                assertThat(bvh.isInside(q[i], q[i + 1], q[i + 2])).isEqualTo(sdf < 0);
            }
        }
        assertThat(maxError).isLessThan(0.01);
    }

    @Test
    void largerBetaIsMoreAccurate() {
        TriangleMesh mesh = RandomMeshes.soup(3, 3000, 0.1);
        TriangleBvh bvh = TriangleBvh.build(mesh);
        float[] q = RandomMeshes.points(4, 300, -0.5, 1.5);
        double[] err = new double[3];
        double[] betas = {1.0, 2.0, 4.0};
        for (int i = 0; i < q.length; i += 3) {
            double exact = bvh.exactWindingNumber(q[i], q[i + 1], q[i + 2]);
            for (int b = 0; b < 3; b++) {
                err[b] = Math.max(err[b], Math.abs(bvh.windingNumber(q[i], q[i + 1], q[i + 2], betas[b]) - exact));
            }
        }
        assertThat(err[1]).isLessThan(err[0]);
        assertThat(err[2]).isLessThan(err[1]);
        assertThat(err[2]).isLessThan(2e-4);
    }

    @Test
    void soupOfAClosedMeshBehavesLikeTheMesh() {
        TriangleMesh mesh = new Sphere(0.4).toMesh(24);
        TriangleMesh soup = MeshChecks.soup(mesh);
        TriangleBvh a = TriangleBvh.build(mesh);
        TriangleBvh b = TriangleBvh.build(soup);
        float[] q = RandomMeshes.points(9, 500, -0.6, 0.6);
        float[] wa = a.windingNumbers(q);
        float[] wb = b.windingNumbers(q);
        for (int i = 0; i < wa.length; i++) {
            assertThat(wb[i]).isCloseTo(wa[i], within(1e-5f));
        }
    }

    @Test
    void hemisphereGivesAboutOneHalfAcrossTheHole() {
        TriangleMesh sphere = new Sphere(0.4).toMesh(40);
        float[] v = sphere.vertices();
        int[] f = sphere.faces();
        int[] kept = new int[f.length];
        int n = 0;
        for (int t = 0; t < f.length; t += 3) {
            if (v[3 * f[t] + 2] >= 0 && v[3 * f[t + 1] + 2] >= 0 && v[3 * f[t + 2] + 2] >= 0) {
                System.arraycopy(f, t, kept, n, 3);
                n += 3;
            }
        }
        TriangleMesh hemi = TriangleMesh.of(v, Arrays.copyOf(kept, n));
        assertThat(MeshChecks.nonManifoldOrBoundaryEdges(hemi)).isGreaterThan(0);
        TriangleBvh bvh = TriangleBvh.build(hemi);
        // The open disc z = 0 sees half of the sphere: w is about 1/2 across the hole.
        for (double r : new double[] {0, 0.1, 0.2, 0.3}) {
            assertThat(bvh.windingNumber(r, 0, 0)).isCloseTo(0.5, within(0.02));
        }
        // On the axis, w = 1 - (disc solid angle) / (4 pi) above the hole and (disc solid angle) / (4 pi) below.
        for (double z = -0.35; z < 0.36; z += 0.05) {
            double disc = 0.5 * (1 - Math.abs(z) / Math.sqrt(z * z + 0.4 * 0.4));
            assertThat(bvh.windingNumber(0, 0, z)).as("z = %s", z).isCloseTo(z > 0 ? 1 - disc : disc, within(0.01));
        }
        assertThat(bvh.windingNumber(0, 0, 5)).isCloseTo(0.0, within(0.01));
        assertThat(bvh.windingNumber(0, 0, -5)).isCloseTo(0.0, within(0.01));
        // Moving down the axis, w falls smoothly from inside to outside.
        double previous = 2;
        for (double z = 0.35; z > -0.5; z -= 0.05) {
            double w = bvh.windingNumber(0, 0, z);
            assertThat(w).isLessThan(previous);
            previous = w;
        }
    }

    @Test
    void batchWithOriginMatchesWorldQueries() {
        TriangleBvh bvh = TriangleBvh.build(new Sphere(0.4).toMesh(12));
        Vec3d o = new Vec3d(10, 20, 30);
        float[] q = {-10f, -20f, -30f, -9.5f, -20f, -30f};
        float[] out = new float[2];
        bvh.windingNumbers(q, o, 2.0, out);
        assertThat(out[0]).isEqualTo((float) bvh.windingNumber(0, 0, 0));
        assertThat(out[1]).isEqualTo((float) bvh.windingNumber(0.5, 0, 0));
        assertThat(out[0]).isCloseTo(1f, within(0.01f));
        assertThat(out[1]).isCloseTo(0f, within(0.01f));
    }
}
