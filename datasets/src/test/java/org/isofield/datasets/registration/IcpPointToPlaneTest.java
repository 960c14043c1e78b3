package org.isofield.datasets.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.isofield.core.NumericalException;
import org.isofield.core.Parallel;
import org.isofield.core.Progress;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.sample.SamplerConfig;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.Shapes;
import org.junit.jupiter.api.Test;

/** {@link PointToPlaneIcp} and {@link ScanMerge} on sampled analytic shapes (named Icp* to run with the ICP tests). */
class IcpPointToPlaneTest {
    private static final TriangleMesh BOX = Shapes.byName("rounded-box").toMesh(48);
    /** 3 degrees about (1, 2, 3), then 1% of the box's 0.8 width. */
    private static final RigidTransform MOTION = motion();

    private static RigidTransform motion() {
        double s = Math.toRadians(3) / Math.sqrt(14);
        return RigidTransform.fromRotationVector(s, 2 * s, 3 * s, new Vec3d(0.008, -0.004, 0.002));
    }

    /** Samples with the faces' normals. */
    private static PointCloud sampleWithNormals(int n, long seed) {
        return new SurfaceSampler(new SamplerConfig(n, 0, true, seed)).sample(BOX);
    }

    /** How far {@code found} is from {@code MOTION}: {angle error / angle, translation error / translation}. */
    private static double[] relativeError(RigidTransform found) {
        RigidTransform e = found.compose(MOTION.inverse());
        return new double[] {e.angle() / MOTION.angle(),
            found.translation().minus(MOTION.translation()).length() / MOTION.translation().length()};
    }

    @Test
    void recoversASmallRigidMotionOfTheSamePoints() {
        PointCloud target = sampleWithNormals(20_000, 1);
        PointCloud source = MOTION.inverse().apply(target.withNormals(null));
        PointToPlaneIcp.Result r = PointToPlaneIcp.align(source, target, RigidTransform.IDENTITY);
        double[] err = relativeError(r.transform());
        assertThat(err[0]).isLessThan(1e-4);
        assertThat(err[1]).isLessThan(1e-4);
        assertThat(r.converged()).isTrue();
        assertThat(r.updates()).isLessThan(20);
        assertThat(r.iterations().get(0).rms()).isGreaterThan(1e-3);
        assertThat(r.last().rms()).isLessThan(1e-6);
        assertThat(r.last().inliers()).isEqualTo(20_000);
        // the rejection distance: 5 median spacings of the target
        assertThat(r.maxDistance()).isEqualTo(5 * new PointToPlaneIcp(target).spacing());
    }

    @Test
    void recoversItFromAnotherSamplingWithEstimatedNormalsToTheSamplingLimit() {
        PointCloud target = SurfaceSampler.sample(BOX, 40_000, 2);
        assertThat(target.hasNormals()).isFalse();
        PointCloud source = MOTION.inverse().apply(SurfaceSampler.sample(BOX, 20_000, 3));
        PointToPlaneIcp.Result r = PointToPlaneIcp.align(source, target, RigidTransform.IDENTITY);
        double[] err = relativeError(r.transform());
        assertThat(err[0]).isLessThan(0.01);
        assertThat(err[1]).isLessThan(0.01);
    }

    @Test
    void givesTheSameResultForAnyThreadCount() {
        PointCloud target = SurfaceSampler.sample(BOX, 20_000, 4);
        PointCloud source = MOTION.inverse().apply(SurfaceSampler.sample(BOX, 10_000, 5));
        int threads = Parallel.threads();
        try {
            Parallel.setThreads(1);
            PointToPlaneIcp.Result one = PointToPlaneIcp.align(source, target, RigidTransform.IDENTITY);
            Parallel.setThreads(3);
            PointToPlaneIcp.Result three = PointToPlaneIcp.align(source, target, RigidTransform.IDENTITY);
            assertThat(three.transform().distanceTo(one.transform())).isEqualTo(0);
            assertThat(three.iterations()).isEqualTo(one.iterations());
        } finally {
            Parallel.setThreads(threads);
        }
    }

    @Test
    void worksFarFromTheOriginInTheCloudsOrigin() {
        Vec3d far = new Vec3d(600_000, 5_000_000, 200);
        PointCloud near = sampleWithNormals(20_000, 6);
        PointCloud target = PointCloud.of(near.positions(), near.normals(), null, far);
        RigidTransform there = RigidTransform.translation(far).compose(MOTION)
                .compose(RigidTransform.translation(far.times(-1)));
        PointCloud source = there.inverse().apply(target.withNormals(null));
        RigidTransform found = PointToPlaneIcp.align(source, target, RigidTransform.IDENTITY).transform();
        RigidTransform local = RigidTransform.translation(far.times(-1)).compose(found)
                .compose(RigidTransform.translation(far));
        double[] err = relativeError(local);
        assertThat(err[0]).isLessThan(1e-3);
        assertThat(err[1]).isLessThan(1e-3);
    }

    /** A plane leaves the in-plane rotation and translations free: a clear error, not an arbitrary pose. */
    @Test
    void refusesAPlaneNamingTheUnconstrainedMotion() {
        int side = 60;
        float[] p = new float[3 * side * side];
        for (int i = 0; i < side * side; i++) {
            p[3 * i] = (i % side) * 0.01f;
            p[3 * i + 1] = (i / side) * 0.01f;
        }
        PointCloud plane = PointCloud.of(p);
        RigidTransform shifted = RigidTransform.translation(new Vec3d(0.003, 0.001, 0.004));
        assertThatThrownBy(() -> PointToPlaneIcp.align(plane, plane, shifted))
                .isInstanceOf(NumericalException.class)
                .hasMessageContaining("icp step 0: the point-to-plane equations are singular")
                .hasMessageContaining("does not constrain rotation about z");
    }

    @Test
    void refusesCloudsThatDoNotOverlap() {
        PointCloud target = SurfaceSampler.sample(BOX, 5_000, 7);
        assertThatThrownBy(() -> PointToPlaneIcp.align(target, target, RigidTransform.translation(new Vec3d(5, 0, 0))))
                .isInstanceOf(NumericalException.class)
                .hasMessageContaining("0 of 5000 source points have a target point within max_distance")
                .hasMessageContaining("do the clouds overlap");
    }

    @Test
    void mergeCarriesCommonAttributesAndReportsEachScan() {
        PointCloud a = sampleWithNormals(20_000, 8);
        PointCloud b = MOTION.inverse().apply(sampleWithNormals(10_000, 9));
        ScanMerge.Result r = new ScanMerge(IcpConfig.DEFAULT, true).merge(List.of(a, b.withNormals(null)),
                List.of(RigidTransform.IDENTITY, RigidTransform.IDENTITY), Progress.NONE);
        assertThat(r.cloud().size()).isEqualTo(30_000);
        assertThat(r.cloud().hasNormals()).isFalse();
        assertThat(r.dropped()).containsExactly("normals");
        ScanMerge.ScanReport s = r.scans().get(1);
        assertThat(s.after().rms()).isLessThan(s.before().rms());
        assertThat(s.after().share()).isGreaterThan(s.before().share());
        assertThat(s.after().planeRms()).as("2%% of the 0.01 spacing: facets").isLessThan(2e-4);
        ScanMerge.Result none = new ScanMerge(IcpConfig.DEFAULT, false).merge(List.of(a, b),
                List.of(RigidTransform.IDENTITY, RigidTransform.IDENTITY), Progress.NONE);
        assertThat(none.scans().get(1).icp()).isNull();
        assertThat(none.scans().get(1).after()).isEqualTo(none.scans().get(1).before());
        assertThat(none.cloud().hasNormals()).isTrue();
    }
}
