package org.isofield.reconstruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.assertj.core.data.Offset;
import org.isofield.core.IsofieldException;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.SymmetricEigen;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.Shapes;
import org.junit.jupiter.api.Test;

class CloudChecksTest {
    static PointCloud sphere(int n) {
        return SurfaceSampler.sample(Shapes.byName("sphere").toMesh(32), n, 5L);
    }

    @Test
    void emptyCloudIsAnInputError() {
        assertThatThrownBy(() -> CloudChecks.check(PointCloud.of(new float[0])))
                .isInstanceOf(InvalidCloudException.class)
                .hasMessageContaining("empty")
                .hasMessageContaining("at least 10")
                .satisfies(e -> assertThat(((IsofieldException) e).exitCode())
                .isEqualTo(IsofieldException.EXIT_FORMAT));
    }

    @Test
    void fewerThanTenPointsIsAnInputError() {
        float[] p = Arrays.copyOf(sphere(9).positions(), 27);
        assertThatThrownBy(() -> CloudChecks.check(PointCloud.of(p)))
                .isInstanceOf(InvalidCloudException.class).hasMessageContaining("9 distinct points");
    }

    @Test
    void identicalPointsAreNamed() {
        float[] p = new float[300];
        for (int i = 0; i < 100; i++) {
            p[3 * i] = 1;
            p[3 * i + 1] = 2;
            p[3 * i + 2] = 3;
        }
        assertThatThrownBy(() -> CloudChecks.check(PointCloud.of(p)))
                .isInstanceOf(InvalidCloudException.class).hasMessageContaining("all 100 points are the same point");
    }

    @Test
    void collinearAndCoplanarCloudsAreRejected() {
        float[] line = new float[300];
        float[] plane = new float[300];
        for (int i = 0; i < 100; i++) {
            line[3 * i] = i;
            line[3 * i + 1] = 2 * i;
            line[3 * i + 2] = -i;
            plane[3 * i] = i % 10;
            plane[3 * i + 1] = i / 10;
            plane[3 * i + 2] = 0.5f * (i % 10) + 0.25f * (i / 10);
        }
        assertThatThrownBy(() -> CloudChecks.check(PointCloud.of(line)))
                .isInstanceOf(InvalidCloudException.class).hasMessageContaining("one line");
        assertThatThrownBy(() -> CloudChecks.check(PointCloud.of(plane)))
                .isInstanceOf(InvalidCloudException.class).hasMessageContaining("one plane");
    }

    @Test
    void nonFiniteCoordinatesAreNamed() {
        float[] p = sphere(50).positions().clone();
        p[3 * 17 + 1] = Float.NaN;
        assertThatThrownBy(() -> CloudChecks.check(PointCloud.of(p)))
                .isInstanceOf(InvalidCloudException.class).hasMessageContaining("point 17").hasMessageContaining("NaN");
        p[3 * 17 + 1] = Float.POSITIVE_INFINITY;
        assertThatThrownBy(() -> CloudChecks.check(PointCloud.of(p)))
                .isInstanceOf(InvalidCloudException.class).hasMessageContaining("Infinity");
    }

    @Test
    void smallestEigenvectorIsThePlaneNormal() {
        double[][] c = {{4, 0, 0}, {0, 1, 0}, {0, 0, 0.01}};
        double[] n = new double[3];
        SymmetricEigen.smallestVector(c, n);
        assertThat(Math.abs(n[2])).isCloseTo(1.0, Offset.offset(1e-9));
        double[][] tilted = {{2, 1, 0}, {1, 2, 0}, {0, 0, 5}};
        SymmetricEigen.smallestVector(tilted, n);
        assertThat(Math.abs(n[0] - n[1])).isGreaterThan(1.0);
        assertThat(n[2]).isCloseTo(0.0, Offset.offset(1e-9));
    }

    @Test
    void exactDuplicatesAreDroppedKeepingFirstCopies() {
        float[] base = sphere(100).positions();
        float[] p = new float[base.length * 3];
        for (int copy = 0; copy < 3; copy++) {
            System.arraycopy(base, 0, p, copy * base.length, base.length);
        }
        CloudChecks.Checked c = CloudChecks.check(PointCloud.of(p));
        assertThat(c.duplicatesRemoved()).isEqualTo(200);
        assertThat(c.cloud().positions()).containsExactly(base);
    }
}
