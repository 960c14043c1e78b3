package org.isofield.datasets.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.Vec3d;
import org.junit.jupiter.api.Test;

class RigidTransformTest {
    private static RigidTransform random(SplittableRandom r) {
        double[] q = {r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1)};
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        return RigidTransform.fromQuaternion(q[0] / n, q[1] / n, q[2] / n, q[3] / n,
                new Vec3d(r.nextDouble(-5, 5), r.nextDouble(-5, 5), r.nextDouble(-5, 5)));
    }

    @Test
    void quaternionAndMatrixRoundTrip() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            RigidTransform a = random(r);
            double[] q = a.quaternion();
            assertThat(q[3]).isGreaterThanOrEqualTo(0);
            RigidTransform b = RigidTransform.fromQuaternion(q[0], q[1], q[2], q[3], a.translation());
            assertThat(b.distanceTo(a)).isLessThan(1e-12);
            assertThat(RigidTransform.of(a.rotation(), a.translation()).distanceTo(a)).isEqualTo(0);
        }
    }

    @Test
    void aQuarterTurnAboutZMapsXToY() {
        RigidTransform a = RigidTransform.fromQuaternion(0, 0, Math.sqrt(0.5), Math.sqrt(0.5), new Vec3d(1, 2, 3));
        Vec3d p = a.apply(new Vec3d(1, 0, 0));
        assertThat(p.minus(new Vec3d(1, 3, 3)).length()).isLessThan(1e-15);
        assertThat(Math.toDegrees(a.angle())).isCloseTo(90, Offset.offset(1e-12));
        RigidTransform v = RigidTransform.fromRotationVector(0, 0, Math.PI / 2, new Vec3d(1, 2, 3));
        assertThat(v.distanceTo(a)).isLessThan(1e-15);
    }

    @Test
    void composeAppliesTheArgumentFirstAndInverseUndoes() {
        SplittableRandom r = new SplittableRandom(4);
        RigidTransform a = random(r);
        RigidTransform b = random(r);
        Vec3d p = new Vec3d(0.3, -1.2, 2.5);
        assertThat(a.compose(b).apply(p).minus(a.apply(b.apply(p))).length()).isLessThan(1e-12);
        assertThat(a.inverse().apply(a.apply(p)).minus(p).length()).isLessThan(1e-12);
        assertThat(a.compose(a.inverse()).distanceTo(RigidTransform.IDENTITY)).isLessThan(1e-12);
    }

    @Test
    void movesACloudInWorldDoublesCarryingItsAttributes() {
        Vec3d origin = new Vec3d(500_000, 4_000_000, 100);
        float[] p = {0, 0, 0, 1, 0, 0, 0, 2, 0};
        float[] n = {0, 0, 1, 1, 0, 0, 0, 1, 0};
        float[] c = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        PointCloud cloud = PointCloud.of(p, n, c, origin).withScalars(Map.of("intensity", new float[] {1, 2, 3}));
        RigidTransform a = RigidTransform.fromRotationVector(0, 0, Math.PI / 2, new Vec3d(10, 0, 0));
        PointCloud moved = a.apply(cloud);
        for (int i = 0; i < 3; i++) {
            Vec3d w = a.apply(new Vec3d(cloud.x(i), cloud.y(i), cloud.z(i)));
            assertThat(moved.x(i)).isCloseTo(w.x(), Offset.offset(1e-3));
            assertThat(moved.y(i)).isCloseTo(w.y(), Offset.offset(1e-3));
            assertThat(moved.z(i)).isCloseTo(w.z(), Offset.offset(1e-3));
        }
        assertThat(moved.origin().length()).as("origin near the data").isGreaterThan(1e6);
        assertThat(Math.abs(moved.positions()[3])).as("small stored offsets").isLessThan(1e4f);
        assertThat(moved.normals()).containsExactly(new float[] {0, 0, 1, 0, 1, 0, -1, 0, 0}, Offset.offset(1e-7f));
        assertThat(moved.colors()).isSameAs(c);
        assertThat(moved.scalars().get("intensity")).containsExactly(1, 2, 3);
    }

    @Test
    void refusesNonRotations() {
        assertThatThrownBy(() -> RigidTransform.of(new double[] {1, 0, 0, 0, 1, 0, 0, 0, -1}, Vec3d.ZERO))
                .hasMessageContaining("reflection");
        assertThatThrownBy(() -> RigidTransform.of(new double[] {2, 0, 0, 0, 1, 0, 0, 0, 1}, Vec3d.ZERO))
                .hasMessageContaining("not orthonormal");
        assertThatThrownBy(() -> RigidTransform.fromQuaternion(0, 0, 0, 2, Vec3d.ZERO))
                .hasMessageContaining("norm 2");
    }
}
