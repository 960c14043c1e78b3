package org.isofield.datasets.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.testing.TestMeshes;
import org.junit.jupiter.api.Test;

class MeshChecksTest {

    @Test
    void cubeIsAWatertightOrientedSphereTopology() {
        MeshReport r = MeshChecks.check(TestMeshes.cube());
        assertThat(r.vertices()).isEqualTo(8);
        assertThat(r.faces()).isEqualTo(12);
        assertThat(r.edges()).isEqualTo(18);
        assertThat(r.boundaryEdges()).isZero();
        assertThat(r.nonManifoldEdges()).isZero();
        assertThat(r.degenerateFaces()).isZero();
        assertThat(r.watertight()).isTrue();
        assertThat(r.components()).isEqualTo(1);
        assertThat(r.orientationConsistent()).isTrue();
        assertThat(r.eulerCharacteristic()).isEqualTo(2);
        assertThat(r.genus()).isZero();
        assertThat(r.hasSelfIntersections()).isFalse();
        assertThat(r.selfIntersections()).isEqualTo(-1);
        assertThat(r.isClosedManifold()).isTrue();
    }

    @Test
    void cubeWithoutOneSideHasFourBoundaryEdges() {
        TriangleMesh open = TestMeshes.withoutFace(TestMeshes.withoutFace(TestMeshes.cube(), 0), 0);
        MeshReport r = MeshChecks.check(open);
        assertThat(r.boundaryEdges()).isEqualTo(4);
        assertThat(r.watertight()).isFalse();
        assertThat(r.hasGenus()).isFalse();
        assertThat(r.orientationConsistent()).isTrue();
        assertThat(r.eulerCharacteristic()).isEqualTo(1);
    }

    @Test
    void twoCubesAreTwoComponents() {
        MeshReport r = MeshChecks.check(TestMeshes.join(TestMeshes.cube(), TestMeshes.cube(), 2, 0, 0));
        assertThat(r.components()).isEqualTo(2);
        assertThat(r.watertight()).isTrue();
        assertThat(r.eulerCharacteristic()).isEqualTo(4);
        assertThat(r.genus()).isZero();
    }

    @Test
    void torusHasGenusOne() {
        MeshReport r = MeshChecks.check(TestMeshes.torus(24, 12, 1.0, 0.3));
        assertThat(r.watertight()).isTrue();
        assertThat(r.orientationConsistent()).isTrue();
        assertThat(r.eulerCharacteristic()).isZero();
        assertThat(r.genus()).isEqualTo(1);
    }

    @Test
    void flippedFaceMakesOrientationInconsistent() {
        MeshReport r = MeshChecks.check(TestMeshes.withFlippedFace(TestMeshes.cube(), 5));
        assertThat(r.orientationConsistent()).isFalse();
        assertThat(r.watertight()).isTrue();
        assertThat(r.isClosedManifold()).isFalse();
    }

    @Test
    void finMakesANonManifoldEdge() {
        TriangleMesh fin = TestMeshes.withExtra(TestMeshes.cube(), new float[] {0.5f, -1, -1}, new int[] {0, 1, 8});
        MeshReport r = MeshChecks.check(fin);
        assertThat(r.nonManifoldEdges()).isEqualTo(1);
        assertThat(r.boundaryEdges()).isEqualTo(2);
        assertThat(r.watertight()).isFalse();
        assertThat(r.components()).isEqualTo(1);
    }

    @Test
    void degenerateFacesAreCountedAndIgnored() {
        TriangleMesh m = TestMeshes.withExtra(TestMeshes.cube(), new float[] {0.5f, 0, 0},
                new int[] {0, 0, 1, 0, 1, 8, 3, 3, 3});
        MeshReport r = MeshChecks.check(m);
        assertThat(r.degenerateFaces()).isEqualTo(3);
        assertThat(r.faces()).isEqualTo(12);
        assertThat(r.vertices()).isEqualTo(8);
        assertThat(r.watertight()).isTrue();
        assertThat(r.genus()).isZero();
    }

    @Test
    void triangleSoupIsMergedBeforeChecking() {
        TriangleMesh soup = TestMeshes.soup(TestMeshes.cube());
        assertThat(soup.vertexCount()).isEqualTo(36);
        MeshReport r = MeshChecks.check(soup);
        assertThat(r.mergedVertices()).isEqualTo(28);
        assertThat(r.vertices()).isEqualTo(8);
        assertThat(r.watertight()).isTrue();
        assertThat(r.orientationConsistent()).isTrue();
        assertThat(r.genus()).isZero();
    }

    @Test
    void negativeZeroIsNotBitIdenticalToZero() {
        TriangleMesh cube = TestMeshes.cube();
        float[] v = cube.vertices().clone();
        v = Arrays.copyOf(v, v.length + 3);
        v[24] = -0.0f;
        int[] f = cube.faces().clone();
        f[0] = 8;   // face 0 now uses a copy of vertex 0 at (-0, 0, 0)
        MeshReport r = MeshChecks.check(TriangleMesh.of(v, f));
        assertThat(r.watertight()).isFalse();
        assertThat(r.boundaryEdges()).isEqualTo(4);
    }

    @Test
    void selfIntersectionCounterGetsTheMergedMesh() {
        AtomicReference<TriangleMesh> seen = new AtomicReference<>();
        MeshReport r = MeshChecks.check(TestMeshes.soup(TestMeshes.cube()), m -> {
            seen.set(m);
            return 3;
        });
        assertThat(r.selfIntersections()).isEqualTo(3);
        assertThat(r.isClosedManifold()).isFalse();
        assertThat(seen.get().vertexCount()).isEqualTo(8);
        assertThat(seen.get().faceCount()).isEqualTo(12);
        assertThat(MeshChecks.check(TestMeshes.cube(), m -> 0).isClosedManifold()).isTrue();
    }

    @Test
    void emptyMeshHasNoTopology() {
        MeshReport r = MeshChecks.check(TriangleMesh.of(new float[] {0, 0, 0}, new int[0]));
        assertThat(r.faces()).isZero();
        assertThat(r.components()).isZero();
        assertThat(r.watertight()).isFalse();
        assertThat(r.hasGenus()).isFalse();
    }

    @Test
    void handlesLargeMeshes() {
        TriangleMesh sphere = TestMeshes.icosphere(7, 1.0);
        MeshReport r = MeshChecks.check(sphere);
        assertThat(r.faces()).isEqualTo(20 * (1 << 14));
        assertThat(r.watertight()).isTrue();
        assertThat(r.genus()).isZero();
        MeshReport soup = MeshChecks.check(TestMeshes.soup(sphere));
        assertThat(soup.vertices()).isEqualTo(r.vertices());
        assertThat(soup.genus()).isZero();
    }
}
