package org.isofield.datasets.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.testing.TestMeshes;
import org.junit.jupiter.api.Test;

class NormalizationTest {
    private static final Aabb BOX = new Aabb(1, 2, 3, 3, 6, 4);

    @Test
    void centeredMapsTheBoxToLongestSideOneAboutTheOrigin() {
        Normalization n = Normalization.centered(BOX);
        assertThat(n.scale()).isEqualTo(0.25);
        assertThat(n.apply(BOX)).isEqualTo(new Aabb(-0.25, -0.5, -0.125, 0.25, 0.5, 0.125));
    }

    @Test
    void unitCubeLeavesTheMargin() {
        Aabb b = Normalization.unitCube(BOX, 0.1).apply(BOX);
        assertThat(b.minY()).isCloseTo(0.1, within(1e-12));
        assertThat(b.maxY()).isCloseTo(0.9, within(1e-12));
        assertThat(b.center().x()).isCloseTo(0.5, within(1e-12));
        assertThat(b.center().z()).isCloseTo(0.5, within(1e-12));
        assertThatThrownBy(() -> Normalization.unitCube(BOX, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inverseAndCompositionUndoEachOther() {
        Normalization n = Normalization.unitCube(BOX, 0.05).then(Normalization.translation(1, 2, 3));
        Vec3d p = new Vec3d(1.5, -2, 7);
        Vec3d back = n.inverse().apply(n.apply(p));
        assertThat(back.minus(p).length()).isLessThan(1e-12);
        Vec3d twice = n.then(n).apply(p);
        assertThat(twice.minus(n.apply(n.apply(p))).length()).isLessThan(1e-12);
    }

    @Test
    void degenerateBoxesCannotBeNormalised() {
        assertThatThrownBy(() -> Normalization.centered(Aabb.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Normalization.centered(new Aabb(1, 1, 1, 1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("side above 0");
        assertThatThrownBy(() -> new Normalization(0, Vec3d.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsPrecisionFarFromTheOrigin() {
        // Two points 1 mm apart near (1e6, 2e6, 0): floats at 1e6 step by 0.0625, so only the origin keeps this.
        Vec3d origin = new Vec3d(1e6, 2e6, 0);
        PointCloud far = PointCloud.of(new float[] {0.25f, 0.5f, 0, 0.251f, 0.5f, 0, 0.75f, 1, 1}, origin);
        Normalization n = Normalization.centered(far.bounds());
        PointCloud near = n.apply(far);
        assertThat(near.origin()).isEqualTo(Vec3d.ZERO);
        double dx = near.positions()[3] - near.positions()[0];
        assertThat(dx / n.scale()).isCloseTo(0.001, within(1e-7));
        PointCloud back = n.inverse().apply(near);
        assertThat(back.origin().x()).isEqualTo(1e6);
        assertThat(back.x(1) - back.x(0)).isCloseTo(0.001, within(1e-7));
        assertThat(back.x(0)).isCloseTo(1e6 + 0.25, within(1e-6));
    }

    @Test
    void meshesShareFacesAndNormals() {
        TriangleMesh cube = TestMeshes.cube();
        TriangleMesh withNormals = cube.withNormals(new float[cube.vertices().length]);
        TriangleMesh moved = Normalization.translation(5, 0, 0).apply(withNormals);
        assertThat(moved.faces()).isSameAs(cube.faces());
        assertThat(moved.normals()).isSameAs(withNormals.normals());
        assertThat(moved.bounds()).isEqualTo(new Aabb(5, 0, 0, 6, 1, 1));
        TriangleMesh explicit = Normalization.IDENTITY.apply(cube, new Vec3d(1, 1, 1));
        assertThat(explicit.origin()).isEqualTo(new Vec3d(1, 1, 1));
        assertThat(explicit.bounds()).isEqualTo(cube.bounds());
    }
}
