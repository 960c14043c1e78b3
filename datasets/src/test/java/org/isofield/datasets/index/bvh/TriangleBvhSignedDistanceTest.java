package org.isofield.datasets.index.bvh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.shapes.AnalyticShape;
import org.isofield.datasets.shapes.Shapes;
import org.isofield.datasets.testing.RandomMeshes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TriangleBvhSignedDistanceTest {

    @ParameterizedTest
    @ValueSource(strings = {"sphere", "torus", "rounded-box", "capsule", "csg-part"})
    void signedDistanceOfShapeMeshApproximatesTheAnalyticSdf(String name) {
        AnalyticShape shape = Shapes.byName(name);
        TriangleMesh mesh = shape.toMesh(64);
        TriangleBvh bvh = TriangleBvh.build(mesh);
        float[] q = RandomMeshes.points(name.length(), 2000, -0.55, 0.55);
        float[] batch = bvh.signedDistances(q);
        for (int i = 0; i < q.length; i += 3) {
            double expected = shape.signedDistance(q[i], q[i + 1], q[i + 2]);
            double single = bvh.signedDistance(q[i], q[i + 1], q[i + 2]);
            assertThat(batch[i / 3]).isEqualTo((float) single);
            // Chords cut inside curved parts by at most edge^2 / (8 radius): about 1e-4 here.
            assertThat(single).isCloseTo(expected, within(2e-3));
            if (Math.abs(expected) > 2e-3) {
                assertThat(Math.signum(single)).isEqualTo(Math.signum(expected));
            }
        }
    }
}
