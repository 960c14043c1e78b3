package org.isofield.datasets.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.index.bvh.TriangleBvh;
import org.isofield.datasets.testing.MeshChecks;
import org.isofield.datasets.testing.RandomMeshes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@link AnalyticShape} contract, for every shape {@link Shapes} knows. */
class AnalyticShapeContractTest {
    private static final Map<String, Integer> EULER = Map.of(
            "sphere", 2, "torus", 0, "rounded-box", 2, "capsule", 2, "csg-part", 0);

    static Stream<String> names() {
        return Shapes.names().stream();
    }

    /** Exact volumes of the default shapes. */
    private static double volume(AnalyticShape s) {
        if (s instanceof Sphere p) {
            return 4.0 / 3 * Math.PI * Math.pow(p.radius(), 3);
        } else if (s instanceof Torus t) {
            return 2 * Math.PI * Math.PI * t.major() * t.minor() * t.minor();
        } else if (s instanceof Capsule c) {
            return Math.PI * c.radius() * c.radius() * (4.0 / 3 * c.radius() + 2 * c.halfLength());
        } else if (s instanceof RoundedBox b) {
            double r = b.radius(), x = 2 * (b.halfX() - r), y = 2 * (b.halfY() - r), z = 2 * (b.halfZ() - r);
            return x * y * z + 2 * r * (x * y + y * z + z * x) + Math.PI * r * r * (x + y + z)
                    + 4.0 / 3 * Math.PI * r * r * r;
        } else if (s instanceof CsgPart p) {
            return 2 * p.halfHeight() * (4 * p.halfSide() * p.halfSide() - Math.PI * p.holeRadius() * p.holeRadius());
        }
        throw new AssertionError("no volume for " + s);
    }

    @ParameterizedTest
    @MethodSource("names")
    void meshIsWatertightConsistentlyOrientedWithTheRightGenus(String name) {
        AnalyticShape shape = Shapes.byName(name);
        for (int resolution : new int[] {1, 2, 7, 40}) {
            TriangleMesh mesh = shape.toMesh(resolution);
            assertThat(MeshChecks.nonManifoldOrBoundaryEdges(mesh)).as("resolution %d", resolution).isZero();
            assertThat(MeshChecks.repeatedDirectedEdges(mesh)).as("resolution %d", resolution).isZero();
            assertThat(MeshChecks.eulerCharacteristic(mesh)).as("resolution %d", resolution).isEqualTo(EULER.get(name));
            assertThat(MeshChecks.signedVolume(mesh)).as("resolution %d", resolution).isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void meshVolumeConvergesToTheExactVolume(String name) {
        AnalyticShape shape = Shapes.byName(name);
        double exact = volume(shape);
        assertThat(MeshChecks.signedVolume(shape.toMesh(60))).isCloseTo(exact, within(0.01 * exact));
    }

    @ParameterizedTest
    @MethodSource("names")
    void verticesLieOnTheSurfaceAndInsideTheBounds(String name) {
        AnalyticShape shape = Shapes.byName(name);
        TriangleMesh mesh = shape.toMesh(50);
        float[] v = mesh.vertices();
        Aabb b = shape.bounds().expand(1e-6);
        for (int i = 0; i < v.length; i += 3) {
            assertThat(Math.abs(shape.signedDistance(v[i], v[i + 1], v[i + 2]))).isLessThan(1e-6);
            assertThat(b.contains(v[i], v[i + 1], v[i + 2])).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void signedDistanceMatchesTheDistanceToAFineMesh(String name) {
        AnalyticShape shape = Shapes.byName(name);
        TriangleBvh fine = TriangleBvh.build(shape.toMesh(160));
        float[] q = RandomMeshes.points(name.hashCode(), 1500, -0.6, 0.6);
        for (int i = 0; i < q.length; i += 3) {
            double sdf = shape.signedDistance(q[i], q[i + 1], q[i + 2]);
            // Chords of the fine mesh cut curved parts by at most edge^2 / (8 radius), about 4e-5 here.
            assertThat(Math.abs(sdf)).isCloseTo(fine.distance(q[i], q[i + 1], q[i + 2]), within(2e-4));
        }
        // Near the surface too: points pushed off mesh vertices along the gradient.
        SplittableRandom r = new SplittableRandom(1);
        float[] v = shape.toMesh(37).vertices();
        for (int i = 0; i < v.length; i += 3) {
            double off = r.nextDouble(-0.01, 0.01);
            Vec3d g = shape.gradient(v[i], v[i + 1], v[i + 2]);
            double x = v[i] + off * g.x(), y = v[i + 1] + off * g.y(), z = v[i + 2] + off * g.z();
            assertThat(Math.abs(shape.signedDistance(x, y, z))).isCloseTo(fine.distance(x, y, z), within(2e-4));
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void signAgreesWithTheWindingNumberOfItsOwnMesh(String name) {
        AnalyticShape shape = Shapes.byName(name);
        TriangleBvh bvh = TriangleBvh.build(shape.toMesh(48));
        float[] q = RandomMeshes.points(name.length(), 3000, -0.55, 0.55);
        float[] w = bvh.windingNumbers(q);
        float[] sdf = new float[w.length];
        shape.signedDistances(q, sdf);
        for (int i = 0; i < w.length; i++) {
            assertThat(sdf[i]).isEqualTo((float) shape.signedDistance(q[3 * i], q[3 * i + 1], q[3 * i + 2]));
            if (Math.abs(sdf[i]) > 0.005) {
                assertThat(w[i] >= 0.5).as("point %d, sdf %s, w %s", i, sdf[i], w[i]).isEqualTo(sdf[i] < 0);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void distanceIsOneLipschitzWithUnitGradient(String name) {
        AnalyticShape shape = Shapes.byName(name);
        SplittableRandom r = new SplittableRandom(name.hashCode());
        int unit = 0;
        for (int i = 0; i < 2000; i++) {
            double x = r.nextDouble(-0.6, 0.6), y = r.nextDouble(-0.6, 0.6), z = r.nextDouble(-0.6, 0.6);
            double dx = r.nextDouble(-0.05, 0.05), dy = r.nextDouble(-0.05, 0.05), dz = r.nextDouble(-0.05, 0.05);
            double diff = Math.abs(shape.signedDistance(x + dx, y + dy, z + dz) - shape.signedDistance(x, y, z));
            assertThat(diff).isLessThanOrEqualTo(Math.sqrt(dx * dx + dy * dy + dz * dz) + 1e-12);
            Vec3d g = shape.gradient(x, y, z);
            if (Math.abs(g.length() - 1) < 1e-4) {
                unit++;
            }
        }
        assertThat(unit).isGreaterThan(1990);
    }

    @ParameterizedTest
    @MethodSource("names")
    void defaultShapeFitsTheUnitCubeAndKeepsItsName(String name) {
        AnalyticShape shape = Shapes.byName(name);
        assertThat(shape.name()).isEqualTo(name);
        Aabb b = shape.bounds();
        assertThat(Math.min(b.minX(), Math.min(b.minY(), b.minZ()))).isGreaterThanOrEqualTo(-0.5);
        assertThat(Math.max(b.maxX(), Math.max(b.maxY(), b.maxZ()))).isLessThanOrEqualTo(0.5);
        assertThat(Shapes.byName(name.toUpperCase())).isEqualTo(shape);
    }
}
