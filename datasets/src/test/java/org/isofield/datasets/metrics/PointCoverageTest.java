package org.isofield.datasets.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.junit.jupiter.api.Test;

class PointCoverageTest {
    /** The square [0, 4] x [0, 1] at z = 0 as two triangles. */
    private static final TriangleMesh STRIP = TriangleMesh.of(new float[] {0, 0, 0, 4, 0, 0, 4, 1, 0, 0, 1, 0},
            new int[] {0, 1, 2, 0, 2, 3});

    /** A 40 x 10 grid of points of spacing 0.1 over the strip; those with x > 3 lifted by {@code lift}. */
    private static PointCloud grid(float lift) {
        float[] p = new float[3 * 400];
        for (int i = 0, k = 0; i < 40; i++) {
            for (int j = 0; j < 10; j++, k++) {
                p[3 * k] = 0.05f + 0.1f * i;
                p[3 * k + 1] = 0.05f + 0.1f * j;
                p[3 * k + 2] = p[3 * k] > 3 ? lift : 0;
            }
        }
        return PointCloud.of(p);
    }

    @Test
    void pointsOnTheMeshAreCoveredAndLiftedOnesOnlyInTheirQuartile() {
        PointCoverage.Result on = PointCoverage.of(STRIP, grid(0), 3, null);
        assertThat(on.share()).isEqualTo(1.0);
        assertThat(on.by()).isEqualTo("spacing");
        PointCoverage.Result lifted = PointCoverage.of(STRIP, grid(0.5f), 3, new Vec3d(-1, 0.5, 0));
        assertThat(lifted.by()).isEqualTo("depth");
        assertThat(lifted.share()).isCloseTo(0.75, within(1e-9));
        assertThat(lifted.quartileShares()).containsExactly(1.0, 1.0, 1.0, 0.0);
        assertThat(lifted.quartileUpper()[3]).isGreaterThan(lifted.quartileUpper()[2]);
        PointCoverage.Result loose = PointCoverage.of(STRIP, grid(0.2f), 3, null);
        assertThat(loose.share()).as("0.2 is within 3 spacings of 0.1").isEqualTo(1.0);
    }

    @Test
    void badInputsAreRefused() {
        assertThatThrownBy(() -> PointCoverage.of(STRIP, PointCloud.of(new float[6]), 3, null))
                .hasMessageContaining("at least 4 points");
        TriangleMesh noFaces = TriangleMesh.of(new float[] {0, 0, 0}, new int[0]);
        assertThatThrownBy(() -> PointCoverage.of(noFaces, grid(0), 3, null)).hasMessageContaining("no faces");
    }
}
