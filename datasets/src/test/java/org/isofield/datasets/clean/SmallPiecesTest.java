package org.isofield.datasets.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import org.isofield.datasets.shapes.Shapes;
import org.junit.jupiter.api.Test;

class SmallPiecesTest {
    /** A big sphere and a small torus far from it, as one mesh with separate vertices. */
    private static TriangleMesh sphereAndSmallTorus() {
        TriangleMesh big = Shapes.byName("sphere").toMesh(32);
        TriangleMesh small = Shapes.byName("torus").toMesh(6);
        int nb = big.vertexCount();
        float[] v = new float[big.vertices().length + small.vertices().length];
        System.arraycopy(big.vertices(), 0, v, 0, big.vertices().length);
        for (int i = 0; i < small.vertices().length; i++) {
            v[big.vertices().length + i] = small.vertices()[i] + (i % 3 == 0 ? 2f : 0f);
        }
        int[] f = new int[big.faces().length + small.faces().length];
        System.arraycopy(big.faces(), 0, f, 0, big.faces().length);
        for (int i = 0; i < small.faces().length; i++) {
            f[big.faces().length + i] = small.faces()[i] + nb;
        }
        return TriangleMesh.of(v, f);
    }

    @Test
    void removesThePieceBelowTheThreshold() {
        TriangleMesh both = sphereAndSmallTorus();
        TriangleMesh sphere = Shapes.byName("sphere").toMesh(32);
        double ratio = (double) (both.faceCount() - sphere.faceCount()) / sphere.faceCount();
        SmallPieces.Result r = SmallPieces.remove(both, ratio * 1.01);
        assertThat(r.componentsBefore()).isEqualTo(2);
        assertThat(r.componentsRemoved()).isEqualTo(1);
        assertThat(r.mesh().faceCount()).isEqualTo(sphere.faceCount());
        assertThat(r.mesh().vertices()).isEqualTo(sphere.vertices());
        assertThat(r.mesh().faces()).isEqualTo(sphere.faces());
        MeshReport checks = MeshChecks.check(r.mesh());
        assertThat(checks.watertight()).isTrue();
        assertThat(checks.components()).isEqualTo(1);
    }

    @Test
    void keepsPiecesAtOrAboveTheThreshold() {
        TriangleMesh both = sphereAndSmallTorus();
        SmallPieces.Result r = SmallPieces.remove(both, 0.0);
        assertThat(r.componentsRemoved()).isZero();
        assertThat(r.mesh().faceCount()).isEqualTo(both.faceCount());
        assertThat(MeshChecks.check(r.mesh()).components()).isEqualTo(2);
    }

    @Test
    void aSmallPieceThatEnoughPointsLieOnIsKept() {
        TriangleMesh both = sphereAndSmallTorus();
        TriangleMesh sphere = Shapes.byName("sphere").toMesh(32);
        int torus = both.vertexCount() - sphere.vertexCount();
        // points on the torus's vertices (nudged), then a few more on the sphere
        float[] p = new float[3 * (torus + 5)];
        for (int i = 0; i < torus; i++) {
            for (int a = 0; a < 3; a++) {
                p[3 * i + a] = both.vertices()[3 * (sphere.vertexCount() + i) + a] + 1e-4f;
            }
        }
        for (int i = 0; i < 5; i++) {
            System.arraycopy(sphere.vertices(), 3 * i, p, 3 * (torus + i), 3);
        }
        PointCloud cloud = PointCloud.of(p);
        SmallPieces.Result kept = SmallPieces.remove(both, 0.5, cloud, torus);
        assertThat(kept.componentsRemoved()).isZero();
        assertThat(kept.mesh().faceCount()).isEqualTo(both.faceCount());
        SmallPieces.Result gone = SmallPieces.remove(both, 0.5, cloud, torus + 1);
        assertThat(gone.componentsRemoved()).as("one point short").isEqualTo(1);
        assertThat(gone.mesh().faces()).isEqualTo(sphere.faces());
        assertThat(SmallPieces.remove(both, 0.5, cloud, 0).componentsRemoved()).as("0: by faces only").isEqualTo(1);
        assertThat(SmallPieces.remove(both, 0.5, null, 3).componentsRemoved()).isEqualTo(1);
        assertThatThrownBy(() -> SmallPieces.remove(both, 0.5, cloud, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minPoints");
    }

    @Test
    void emptyMeshStaysEmptyAndBadFractionIsRejected() {
        TriangleMesh empty = TriangleMesh.of(new float[0], new int[0]);
        assertThat(SmallPieces.remove(empty, 0.5).mesh().faceCount()).isZero();
        assertThatThrownBy(() -> SmallPieces.remove(empty, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minPieceFraction");
    }
}
