package org.isofield.reconstruction.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.junit.jupiter.api.Test;

class TrimTest {
    /** A strip of four unit squares along x (two triangles each), in a frame shifted by {@code origin}. */
    static TriangleMesh strip(Vec3d origin) {
        float[] v = new float[3 * 10];
        for (int i = 0; i <= 4; i++) {
            v[6 * i] = i;
            v[6 * i + 3] = i;
            v[6 * i + 4] = 1;
        }
        int[] f = new int[3 * 8];
        for (int i = 0; i < 4; i++) {
            int a = 2 * i;
            f[6 * i] = a;
            f[6 * i + 1] = a + 2;
            f[6 * i + 2] = a + 3;
            f[6 * i + 3] = a;
            f[6 * i + 4] = a + 3;
            f[6 * i + 5] = a + 1;
        }
        return TriangleMesh.of(v, f, null, origin);
    }

    @Test
    void removesFacesWithAVertexFartherThanTheDistanceAndTheirUnusedVertices() {
        Vec3d origin = new Vec3d(100, -50, 7);
        PointCloud points = PointCloud.of(new float[] {0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0, 2, 0.5f, 0}, origin);
        Trim.Result r = Trim.byDistance(strip(origin), points, 0.75);
        // x = 0, 1 are on points; x = 2 is 0.5 from (2, 0.5); x = 3 is 1.03 away; x = 4 farther
        assertThat(r.facesRemoved()).isEqualTo(4);
        assertThat(r.mesh().faceCount()).isEqualTo(4);
        assertThat(r.mesh().vertexCount()).isEqualTo(6);
        assertThat(r.maxKeptDistance()).isCloseTo(0.5, Offset.offset(1e-6));
        assertThat(r.mesh().bounds().max().x()).isEqualTo(102.0);
        for (int i : r.mesh().faces()) {
            assertThat(i).isBetween(0, 5);
        }
    }

    @Test
    void aPointsOwnAllowanceKeepsTheSheetAroundItOnly() {
        Vec3d origin = new Vec3d(100, -50, 7);
        // the same points; the one at (2, 0.5) allows 1.6, which reaches x = 3 (1.03 away) but not x = 4 (2.06)
        PointCloud points = PointCloud.of(new float[] {0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0, 2, 0.5f, 0}, origin);
        float[] allowance = {0.1f, 0.1f, 0.1f, 0.1f, 1.6f};
        Trim.Result r = Trim.byDistance(strip(origin), points, 0.75, allowance);
        assertThat(r.facesRemoved()).isEqualTo(2);
        assertThat(r.mesh().vertexCount()).isEqualTo(8);
        assertThat(r.maxKeptDistance()).isCloseTo(Math.hypot(1, 0.5), Offset.offset(1e-6));
        assertThat(Trim.byDistance(strip(origin), points, 0.75, new float[5]).facesRemoved())
                .as("allowances below the distance change nothing").isEqualTo(4);
        assertThatThrownBy(() -> Trim.byDistance(strip(origin), points, 0.75, new float[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pointDistance")
                .hasMessageContaining("5 points");
    }

    @Test
    void keepsEverythingWithinAndWorksAcrossFrames() {
        PointCloud far = PointCloud.of(new float[] {0, 0, 0, 4, 1, 0}, new Vec3d(0, 0, 0));
        Trim.Result r = Trim.byDistance(strip(Vec3d.ZERO), far, 10);
        assertThat(r.facesRemoved()).isZero();
        assertThat(r.mesh().faces()).containsExactly(strip(Vec3d.ZERO).faces());
        PointCloud shifted = PointCloud.of(new float[] {-1000, 0, 0}, new Vec3d(1000, 0, 0));
        assertThat(Trim.distances(strip(Vec3d.ZERO), shifted)[0]).isCloseTo(0.0, Offset.offset(1e-9));
        assertThatThrownBy(() -> Trim.byDistance(strip(Vec3d.ZERO), far,
                0)).isInstanceOf(IllegalArgumentException.class);
    }
}
