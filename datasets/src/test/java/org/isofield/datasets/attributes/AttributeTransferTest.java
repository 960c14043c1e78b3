package org.isofield.datasets.attributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.geom.VertexAttributes;
import org.junit.jupiter.api.Test;

class AttributeTransferTest {
    /** A plane z = 0 sampled on a grid, red on x < 0 and blue on x > 0, intensity = 10 x. */
    private static PointCloud plane(Vec3d origin) {
        int n = 41;
        float[] p = new float[3 * n * n];
        float[] c = new float[3 * n * n];
        float[] in = new float[n * n];
        for (int i = 0, k = 0; i < n; i++) {
            for (int j = 0; j < n; j++, k++) {
                float x = -1 + 2f * i / (n - 1);
                p[3 * k] = x;
                p[3 * k + 1] = -1 + 2f * j / (n - 1);
                c[3 * k] = x < 0 ? 1 : 0;
                c[3 * k + 2] = x > 0 ? 1 : 0;
                in[k] = 10 * x;
            }
        }
        return PointCloud.of(p, null, c, origin).withScalars(Map.of("intensity", in));
    }

    @Test
    void verticesOnPointsTakeTheirValuesAndQualityIsTheDistance() {
        PointCloud cloud = plane(Vec3d.ZERO);
        float[] q = {-1, -1, 0, 0.5f, 0.5f, 0, -0.5f, 0.25f, 0.3f};
        VertexAttributes a = AttributeTransfer.transfer(q, cloud, 4);
        assertThat(a.colors()[0]).isCloseTo(1f, within(1e-5f));
        assertThat(a.colors()[3 + 2]).isCloseTo(1f, within(1e-5f));
        assertThat(a.scalars().get("intensity")[0]).isCloseTo(-10f, within(1e-4f));
        assertThat(a.scalars().get("intensity")[1]).isCloseTo(5f, within(1e-4f));
        assertThat(a.scalars().get("quality")[0]).isCloseTo(0f, within(1e-6f));
        assertThat(a.scalars().get("quality")[2]).isCloseTo(0.3f, within(1e-6f));
        assertThat(a.scalars().keySet()).containsExactly("intensity", "quality");
    }

    @Test
    void betweenPointsTheWeightsInterpolateAndStayInRange() {
        PointCloud cloud = plane(Vec3d.ZERO);
        SplittableRandom r = new SplittableRandom(3);
        float[] q = new float[300];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) r.nextDouble(-0.95, 0.95);
        }
        VertexAttributes a = AttributeTransfer.transfer(q, cloud, 4);
        float[] in = a.scalars().get("intensity");
        for (int v = 0; v < 100; v++) {
            assertThat(in[v]).isCloseTo(10 * q[3 * v], within(0.26f));
            float red = a.colors()[3 * v];
            assertThat(red).isBetween(0f, 1f);
            if (q[3 * v] < -0.1f) {
                assertThat(red).isCloseTo(1f, within(1e-5f));
            }
        }
    }

    @Test
    void meshOriginIsRespected() {
        Vec3d origin = new Vec3d(5e5, -2e5, 10);
        PointCloud cloud = plane(origin);
        TriangleMesh mesh = TriangleMesh.of(new float[] {-1e-3f, 1, 0, 1, 1, 0, 1, 1, 1}, new int[] {0, 1, 2}, null,
                origin.plus(new Vec3d(-1, -1, 0)));
        VertexAttributes a = AttributeTransfer.transfer(mesh, cloud);
        assertThat(a.scalars().get("quality")[0]).isCloseTo(1e-3f, within(1e-5f));
        assertThat(a.scalars().get("quality")[2]).isCloseTo(1f, within(1e-3f));
        assertThat(a.colors()[0]).isCloseTo(1f, within(1e-5f));
    }

    @Test
    void cloudWithoutAttributesStillGetsQualityAndInputQualityIsRenamed() {
        PointCloud bare = PointCloud.of(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0});
        VertexAttributes a = AttributeTransfer.transfer(new float[] {0, 0, 2}, bare, 4);
        assertThat(a.colors()).isNull();
        assertThat(a.scalars().get("quality")).containsExactly(2f);
        VertexAttributes b = AttributeTransfer.transfer(new float[] {0, 0, 2},
                bare.withScalars(Map.of("quality", new float[] {7, 8, 9})), 2);
        assertThat(b.scalars().keySet()).containsExactly("input_quality", "quality");
        assertThatThrownBy(() -> AttributeTransfer.transfer(new float[3], PointCloud.of(new float[0]), 4))
                .hasMessageContaining("empty cloud");
    }
}
