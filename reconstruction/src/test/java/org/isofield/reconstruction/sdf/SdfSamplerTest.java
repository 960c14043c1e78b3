package org.isofield.reconstruction.sdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.isofield.core.ConfigException;
import org.isofield.core.Parallel;
import org.isofield.core.config.Configs;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.sample.Normalization;
import org.isofield.datasets.shapes.AnalyticShape;
import org.isofield.datasets.shapes.Shapes;
import org.isofield.reconstruction.InvalidMeshException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SdfSamplerTest {
    private static final SdfSamplingConfig SMALL = Configs.with(SdfSamplingConfig.DEFAULT, "batch_size", 4096,
            "pool_batches", 4, "refresh_steps", 2);

    /** Largest |exact SDF| over face centroids and vertices: how far the mesh is from the true surface. */
    static double meshTolerance(AnalyticShape shape, TriangleMesh mesh) {
        float[] v = mesh.vertices();
        int[] f = mesh.faces();
        Vec3d o = mesh.origin();
        double worst = 0;
        for (int t = 0; t < f.length; t += 3) {
            double x = 0, y = 0, z = 0;
            for (int c = 0; c < 3; c++) {
                x += v[3 * f[t + c]] / 3.0;
                y += v[3 * f[t + c] + 1] / 3.0;
                z += v[3 * f[t + c] + 2] / 3.0;
            }
            worst = Math.max(worst, Math.abs(shape.signedDistance(o.x() + x, o.y() + y, o.z() + z)));
        }
        return worst;
    }

    /** skipTo(s) then next() gives the batch an uninterrupted sampler draws at step s (pool of 3, refresh 2). */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 5, 8, 13, 14})
    void skipToLandsOnTheSameBatchAsDrawing(long target) {
        TriangleMesh mesh = Shapes.byName("torus").toMesh(24);
        SdfSamplingConfig config = Configs.with(SdfSamplingConfig.DEFAULT, "batch_size", 256, "pool_batches", 3,
                "refresh_steps", 2, "seed", 7);
        SdfSampler drawn = new SdfSampler(mesh, config);
        for (long s = 0; s < target; s++) {
            drawn.next();
        }
        SdfSampler skipped = new SdfSampler(mesh, config);
        skipped.next(); // from a step other than 0, too
        skipped.skipTo(target == 0 ? 1 : target);
        if (target == 0) {
            drawn.next();
        }
        for (int i = 0; i < 7; i++) {
            SdfBatch a = drawn.next();
            SdfBatch b = skipped.next();
            assertThat(b.positions()).as("step " + drawn.step()).isEqualTo(a.positions());
            assertThat(b.targets()).as("step " + drawn.step()).isEqualTo(a.targets());
        }
        assertThatThrownBy(() -> skipped.skipTo(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only moves forward");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sphere", "torus", "capsule"})
    void targetsMatchTheExactSdfWithinMeshTolerance(String name) {
        AnalyticShape shape = Shapes.byName(name);
        TriangleMesh mesh = shape.toMesh(96);
        SdfSampler sampler = new SdfSampler(mesh, SMALL);
        Normalization toWorld = sampler.normalization().inverse();
        double scale = sampler.normalization().scale();
        double tol = 1.5 * meshTolerance(shape, mesh) * scale + 1e-5;
        for (int s = 0; s < 3; s++) {
            SdfBatch b = sampler.next();
            float[] p = b.positions();
            for (int i = 0; i < b.size(); i++) {
                assertThat(p[3 * i]).isBetween(0f, 1f);
                Vec3d w = toWorld.apply(new Vec3d(p[3 * i], p[3 * i + 1], p[3 * i + 2]));
                double exact = shape.signedDistance(w.x(), w.y(), w.z()) * scale;
                assertThat(Math.abs(b.targets()[i] - exact)).as("sample %d", i).isLessThan(tol + 1e-6);
            }
        }
    }

    @Test
    void batchHasTheInstantNgpMix() {
        AnalyticShape sphere = Shapes.byName("sphere");
        SdfSampler sampler = new SdfSampler(sphere.toMesh(64), Configs.with(SMALL, "pool_batches", 0, "refresh_steps",
                1));
        SdfBatch b = sampler.next();
        int n = b.size();
        double jitter = SMALL.jitterScale();
        for (int i = 0; i < n / 2; i++) {
            assertThat(b.targets()[i]).isZero();
        }
        double meanAbsNear = 0;
        for (int i = n / 2; i < n / 2 + 3 * n / 8; i++) {
            meanAbsNear += Math.abs(b.targets()[i]) / (3 * n / 8);
        }
        // per-coordinate logistic noise of scale s moves a point about 1.5 s along the normal on average
        assertThat(meanAbsNear).isBetween(0.8 * jitter, 3 * jitter);
        double mean = 0;
        int inside = 0;
        for (int i = n / 2 + 3 * n / 8; i < n; i++) {
            mean += (b.positions()[3 * i] + b.positions()[3 * i + 1] + b.positions()[3 * i + 2]) / 3.0 / (n / 8);
            inside += b.targets()[i] < 0 ? 1 : 0;
        }
        assertThat(mean).isBetween(0.47, 0.53);
        // sphere of radius 0.4 * scale in the unit cube: volume fraction about 4/3 pi (0.45)^3 = 0.38
        assertThat(inside / (double) (n / 8)).isBetween(0.3, 0.46);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3})
    void batchesDoNotDependOnThreadCount(int poolBatches) {
        TriangleMesh mesh = Shapes.byName("torus").toMesh(48);
        SdfSamplingConfig config = Configs.with(SMALL, "batch_size", 8192, "pool_batches", poolBatches,
                "refresh_steps", 2);
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            SdfSampler one = new SdfSampler(mesh, config);
            Parallel.setThreads(3);
            SdfSampler three = new SdfSampler(mesh, config);
            for (int s = 0; s < 5; s++) {
                SdfBatch a = one.next();
                SdfBatch b = three.next();
                assertThat(b.positions()).containsExactly(a.positions());
                assertThat(b.targets()).containsExactly(a.targets());
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void poolSamplesAreReusedUntilRefreshed() {
        TriangleMesh mesh = Shapes.byName("sphere").toMesh(32);
        SdfSamplingConfig config = Configs.with(SMALL, "batch_size", 1024, "pool_batches", 2, "refresh_steps", 4);
        SdfSampler sampler = new SdfSampler(mesh, config);
        int nj = config.jitterCount();
        Set<Long> firstSlot = new HashSet<>();
        Set<Long> later = new HashSet<>();
        for (int s = 0; s < 12; s++) {
            SdfBatch b = sampler.next();
            for (int i = 512; i < 512 + nj; i++) {
                long key = (long) Float.floatToIntBits(b.positions()[3 * i]) << 32
                        | Float.floatToIntBits(b.positions()[3 * i + 1]);
                (s < 4 ? firstSlot : later).add(key);
            }
        }
        // steps 0-3 draw only from the first slot: at most nj distinct near-surface samples
        assertThat(firstSlot.size()).isLessThanOrEqualTo(nj);
        // later steps see refreshed slots: samples never seen in the first four steps
        later.removeAll(firstSlot);
        assertThat(later).isNotEmpty();
    }

    @Test
    void seedsAndStepsGiveDifferentBatches() {
        TriangleMesh mesh = Shapes.byName("sphere").toMesh(32);
        SdfSampler a = new SdfSampler(mesh, SMALL);
        SdfSampler b = new SdfSampler(mesh, Configs.with(SMALL, "seed", 2));
        float[] a0 = a.next().positions();
        assertThat(a.next().positions()).isNotEqualTo(a0);
        assertThat(b.next().positions()).isNotEqualTo(a0);
        assertThat(a.step()).isEqualTo(2);
    }

    @Test
    void meshWithHolesKeepsTheRightSignAwayFromTheHole() {
        TriangleMesh closed = Shapes.byName("sphere").toMesh(48);
        int[] faces = Arrays.copyOf(closed.faces(), closed.faces().length - 30);
        TriangleMesh holed = TriangleMesh.of(closed.vertices(), faces, null, closed.origin());
        SdfSampler sampler = new SdfSampler(holed, Configs.with(SMALL, "pool_batches", 0, "refresh_steps", 1));
        Normalization toWorld = sampler.normalization().inverse();
        AnalyticShape sphere = Shapes.byName("sphere");
        SdfBatch b = sampler.next();
        int n = b.size();
        int wrong = 0;
        int counted = 0;
        for (int i = n / 2 + 3 * n / 8; i < n; i++) {
            float[] p = b.positions();
            Vec3d w = toWorld.apply(new Vec3d(p[3 * i], p[3 * i + 1], p[3 * i + 2]));
            double exact = sphere.signedDistance(w.x(), w.y(), w.z());
            if (Math.abs(exact) > 0.05) {
                counted++;
                wrong += Math.signum(exact) != Math.signum(b.targets()[i]) ? 1 : 0;
            }
        }
        assertThat(counted).isGreaterThan(300);
        assertThat(wrong).isLessThanOrEqualTo(counted / 100);
    }

    @Test
    void badMeshesAreRejectedClearly() {
        assertThatThrownBy(() -> new SdfSampler(TriangleMesh.of(new float[9], new int[0]), SMALL))
                .isInstanceOf(InvalidMeshException.class).hasMessageContaining("no faces");
        assertThatThrownBy(() -> new SdfSampler(TriangleMesh.of(new float[] {0, 0, 0, 1, 0, 0, 2, 0, 0}, new int[] {0,
                1, 2}), SMALL))
                .isInstanceOf(InvalidMeshException.class).hasMessageContaining("degenerate");
        assertThatThrownBy(() -> new SdfSampler(TriangleMesh.of(new float[] {0, 0, 0, 1, Float.NaN, 0, 0, 1, 0},
                new int[] {0, 1, 2}), SMALL))
                .isInstanceOf(InvalidMeshException.class).hasMessageContaining("vertex 1");
    }

    @Test
    void configRejectsBadValuesWithTheirKey() {
        assertThatThrownBy(() -> Configs.with(SdfSamplingConfig.DEFAULT, "batch_size", 100))
                .isInstanceOf(ConfigException.class).hasMessageContaining("batch_size");
        assertThatThrownBy(() -> Configs.with(SdfSamplingConfig.DEFAULT, "pool_batches", -1, "refresh_steps", 1))
                .isInstanceOf(ConfigException.class).hasMessageContaining("pool_batches");
        assertThat(SdfSamplingConfig.DEFAULT.batchSize()).isEqualTo(1 << 16);
        assertThat(SdfSamplingConfig.DEFAULT.jitterScale()).isCloseTo(8.457e-4, Offset.offset(1e-7));
    }
}
