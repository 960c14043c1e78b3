package org.isofield.datasets.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.isofield.core.ConfigException;
import org.isofield.core.Parallel;
import org.isofield.core.config.Configs;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.sample.Normalization;
import org.isofield.datasets.testing.TestMeshes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SurfaceMetricsTest {
    private static TriangleMesh sphere;
    private static SurfaceReport self;

    @BeforeAll
    static void evaluateSphereAgainstItself() {
        sphere = TestMeshes.icosphere(4, 2.0);
        self = SurfaceMetrics.evaluate(sphere, sphere);
    }

    /** Expected nearest-sample distance between independent uniform samplings: 0.5 sqrt(area / samples). */
    private static double samplingDistance(TriangleMesh m, int samples) {
        double normalisedArea = TestMeshes.area(m) / (4 * 4);   // the sphere's diameter 4 becomes 1
        return 0.5 * Math.sqrt(normalisedArea / samples);
    }

    @Test
    void sphereAgainstItselfIsWithinTheSamplingDistance() {
        double expected = samplingDistance(sphere, 100_000);
        assertThat(self.reconSamples()).isEqualTo(100_000);
        assertThat(self.accuracy()).isCloseTo(expected, within(0.03 * expected));
        assertThat(self.completeness()).isCloseTo(expected, within(0.03 * expected));
        assertThat(self.chamferL1()).isEqualTo(0.5 * (self.accuracy() + self.completeness()));
        double area = TestMeshes.area(sphere) / 16;
        assertThat(self.chamferL2()).as("mean d^2 = area / (pi N)").isCloseTo(area / (Math.PI * 100_000), within(1e-6));
        assertThat(self.chamferL2()).isEqualTo(0.5 * (self.accuracyL2() + self.completenessL2()));
        assertThat(self.fscore(0.01)).isGreaterThan(0.999);
        assertThat(self.normalConsistency()).isGreaterThan(0.99).isLessThanOrEqualTo(1.0);
        assertThat(self.hausdorff()).isLessThan(0.02).isGreaterThan(self.chamferL1());
        assertThat(self.thresholds()).containsExactly(0.01, 0.005);
    }

    @Test
    void shiftedCopyIsFartherAway() {
        Normalization frame = SurfaceMetrics.frame(sphere);
        TriangleMesh shifted = frame.then(Normalization.translation(0.01, 0, 0)).then(frame.inverse()).apply(sphere);
        SurfaceReport r = SurfaceMetrics.evaluate(shifted, sphere);
        assertThat(r.chamferL1()).isGreaterThan(0.005).isGreaterThan(1.8 * self.chamferL1());
        assertThat(r.chamferL2()).isGreaterThan(3 * self.chamferL2());
        assertThat(r.fscore(0.005)).isLessThan(self.fscore(0.005) - 0.2);
        assertThat(r.hausdorff()).isGreaterThan(0.01);
    }

    @Test
    void reportDoesNotDependOnThreadCount() {
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            SurfaceReport one = SurfaceMetrics.evaluate(sphere, sphere, Configs.with(EvalConfig.DEFAULT, "samples",
                    60_000));
            Parallel.setThreads(2);
            SurfaceReport two = SurfaceMetrics.evaluate(sphere, sphere, Configs.with(EvalConfig.DEFAULT, "samples",
                    60_000));
            assertThat(two).isEqualTo(one);
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void reportDoesNotDependOnWhereOrHowLargeTheShapesAre() {
        TriangleMesh torus = TestMeshes.torus(48, 24, 1.0, 0.4);
        Normalization far = new Normalization(1000, new Vec3d(3e6, -1e6, 5e5));
        EvalConfig cfg = Configs.with(EvalConfig.DEFAULT, "samples", 20_000);
        SurfaceReport near = SurfaceMetrics.evaluate(torus, sphere, cfg);
        SurfaceReport moved = SurfaceMetrics.evaluate(far.apply(torus), far.apply(sphere), cfg);
        assertThat(far.apply(sphere).origin().x()).as("stored relative to a far origin").isGreaterThan(2.99e6);
        assertThat(moved.chamferL1()).isCloseTo(near.chamferL1(), within(1e-6 * near.chamferL1() + 1e-9));
        assertThat(moved.hausdorff()).isCloseTo(near.hausdorff(), within(1e-5));
    }

    @Test
    void seedChangesTheSamples() {
        SurfaceReport other = SurfaceMetrics.evaluate(sphere, sphere, Configs.with(EvalConfig.DEFAULT, "seed", 1));
        assertThat(other.chamferL1()).isNotEqualTo(self.chamferL1()).isCloseTo(self.chamferL1(), within(1e-4));
    }

    @Test
    void comparesCloudsDirectly() {
        PointCloud a = PointCloud.of(new float[] {0, 0, 0, 1, 0, 0});
        PointCloud b = PointCloud.of(new float[] {0, 0, 0.5f}, new Vec3d(0, 0, -0.5));   // the point (0, 0, 0)
        SurfaceReport r = SurfaceMetrics.compare(a, b, List.of(0.5, 2.0, 1e-9));
        assertThat(r.accuracy()).isEqualTo(0.5);
        assertThat(r.completeness()).isZero();
        assertThat(r.chamferL1()).isEqualTo(0.25);
        assertThat(r.accuracyL2()).isEqualTo(0.5);
        assertThat(r.hausdorff()).isEqualTo(1.0);
        assertThat(r.precision()).containsExactly(0.5, 1.0, 0.5);
        assertThat(r.recall()).containsExactly(1.0, 1.0, 1.0);
        assertThat(r.fscore(0.5)).isCloseTo(2 * 0.5 / 1.5, within(1e-15));
        assertThat(r.normalConsistency()).isNaN();
        SurfaceReport none = SurfaceMetrics.compare(PointCloud.of(new float[] {0, 0, 0}), PointCloud.of(new float[] {1,
                0, 0}), List.of(0.5));
        assertThat(none.fscore(0.5)).isZero();
        assertThatThrownBy(() -> none.fscore(0.25)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyReconstructionIsAnError() {
        TriangleMesh empty = TriangleMesh.of(new float[3], new int[0]);
        assertThatThrownBy(() -> SurfaceMetrics.evaluate(empty, sphere))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("reconstruction: ");
        assertThatThrownBy(() -> SurfaceMetrics.evaluate(sphere, empty))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ground truth");
    }

    @Test
    void configRejectsBadValuesNamingTheKey() {
        assertThatThrownBy(() -> new EvalConfig(0, 0, List.of(0.01)))
                .isInstanceOf(ConfigException.class).extracting(e
                -> ((ConfigException) e).jsonPath()).isEqualTo("samples");
        assertThatThrownBy(() -> new EvalConfig(10, 0, List.of()))
                .isInstanceOf(ConfigException.class).extracting(e -> ((ConfigException) e).jsonPath())
                .isEqualTo("fscore_thresholds");
        assertThatThrownBy(() -> new EvalConfig(10, 0, List.of(0.01, -1.0)))
                .isInstanceOf(ConfigException.class).extracting(e -> ((ConfigException) e).jsonPath())
                .isEqualTo("fscore_thresholds[1]");
        assertThat(EvalConfig.DEFAULT.otype()).isEqualTo("Surface");
    }
}
