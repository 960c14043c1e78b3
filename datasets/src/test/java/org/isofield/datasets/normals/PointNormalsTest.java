package org.isofield.datasets.normals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.Vec3d;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PointNormalsTest {
    @Test
    void aSphereAwayFromTheOriginGetsOutwardUnitNormals() {
        Vec3d origin = new Vec3d(100, -50, 7);
        PointCloud cloud = PointCloud.of(MstOrientationTest.sphere(2000, 3, 0, 11L), origin);
        PointCloud out = PointNormals.estimate(cloud);
        assertThat(out.hasNormals()).isTrue();
        float[] p = out.positions();
        float[] n = out.normals();
        for (int i = 0; i < out.size(); i++) {
            double len = Math.sqrt(n[3 * i] * n[3 * i] + n[3 * i + 1] * n[3 * i + 1] + n[3 * i + 2] * n[3 * i + 2]);
            assertThat(len).as("length %d", i).isCloseTo(1, Offset.offset(1e-5));
            double dot = p[3 * i] * n[3 * i] + p[3 * i + 1] * n[3 * i + 1] + p[3 * i + 2] * n[3 * i + 2];
            assertThat(dot).as("point %d", i).isPositive();
        }
    }

    @Test
    void aViewpointInsideTurnsThemInward() {
        Vec3d origin = new Vec3d(100, -50, 7);
        PointCloud cloud = PointCloud.of(MstOrientationTest.sphere(2000, 3, 0, 11L), origin);
        PointCloud out = PointNormals.estimate(cloud, PcaNormals.DEFAULT_NEIGHBOURS, origin);
        float[] p = out.positions();
        float[] n = out.normals();
        int inward = 0;
        for (int i = 0; i < out.size(); i++) {
            inward += p[3 * i] * n[3 * i] + p[3 * i + 1] * n[3 * i + 1] + p[3 * i + 2] * n[3 * i + 2] < 0 ? 1 : 0;
        }
        assertThat(inward).isEqualTo(out.size());
    }

    @Test
    void tooFewPointsOrNeighboursAreRefused() {
        assertThatThrownBy(() -> PointNormals.estimate(PointCloud.of(new float[6])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 points");
        PointCloud cloud = PointCloud.of(MstOrientationTest.sphere(50, 1, 0, 1L));
        assertThatThrownBy(() -> PointNormals.estimate(cloud, 2, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neighbours = 2");
    }
}
