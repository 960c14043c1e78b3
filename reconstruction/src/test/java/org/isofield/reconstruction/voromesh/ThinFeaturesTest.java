package org.isofield.reconstruction.voromesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.isofield.core.Progress;
import org.isofield.core.config.Configs;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import org.isofield.reconstruction.SignedField;
import org.junit.jupiter.api.Test;

/**
 * A square plate 1 x 1 and 0.004 thick, an eighth of a cell at resolution 32: it lies between two lattice planes,
 * so every corner of the cells that hold its points is outside. The plate's exact box distance is the field.
 */
class ThinFeaturesTest {
    private static final double HALF = 0.5;
    private static final double HALF_THICKNESS = 0.002;

    /** The box's signed distance, negative inside. */
    private static final SignedField PLATE = (xyz, n, out) -> {
        for (int i = 0; i < n; i++) {
            out[i] = (float) plate(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
        }
    };

    private static double plate(double x, double y, double z) {
        double qx = Math.abs(x) - HALF;
        double qy = Math.abs(y) - HALF;
        double qz = Math.abs(z) - HALF_THICKNESS;
        double ox = Math.max(qx, 0), oy = Math.max(qy, 0), oz = Math.max(qz, 0);
        return Math.sqrt(ox * ox + oy * oy + oz * oz) + Math.min(Math.max(qx, Math.max(qy, qz)), 0);
    }

    /** Points on the plate's two large faces and its four rims, by area. */
    private static PointCloud plateCloud(int n) {
        SplittableRandom random = new SplittableRandom(7);
        float[] p = new float[3 * n];
        double faces = 2 * (2 * HALF) * (2 * HALF);
        double rims = 4 * (2 * HALF) * (2 * HALF_THICKNESS);
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble(-HALF, HALF);
            double along = random.nextDouble(-1, 1);
            double x;
            double y;
            double z;
            if (random.nextDouble() * (faces + rims) < faces) {
                x = u;
                y = along * HALF;
                z = random.nextBoolean() ? HALF_THICKNESS : -HALF_THICKNESS;
            } else {
                boolean alongX = random.nextBoolean();
                double edge = random.nextBoolean() ? HALF : -HALF;
                x = alongX ? u : edge;
                y = alongX ? edge : u;
                z = along * HALF_THICKNESS;
            }
            p[3 * i] = (float) x;
            p[3 * i + 1] = (float) y;
            p[3 * i + 2] = (float) z;
        }
        return PointCloud.of(p);
    }

    @Test
    void addsOneFixedGeneratorInsideThePlatePerCellThatHoldsIt() {
        Generators lattice = Generators.start(plateCloud(20_000), 32);
        assertThat(ThinFeatures.add(lattice, PLATE, 0).gen()).isSameAs(lattice);
        ThinFeatures.Result thin = ThinFeatures.add(lattice, PLATE, 5);
        Generators gen = thin.gen();
        int added = thin.added();
        assertThat(gen.count()).isEqualTo(lattice.count() + added);
        float[] g = gen.generators();
        double[] xyz = new double[3 * added];
        for (int i = 0; i < 3 * added; i++) {
            xyz[i] = gen.world(g[3 * lattice.count() + i], i % 3);
        }
        float[] f = new float[added];
        PLATE.evaluate(xyz, added, f);
        int inside = 0;
        for (int i = 0; i < added; i++) {
            byte sign = thin.fixed()[lattice.count() + i];
            if (sign == ThinFeatures.INSIDE) {
                inside++;
                assertThat(f[i]).as("generator %d, in the plate", i).isNegative();
            } else {
                assertThat(sign).isEqualTo(ThinFeatures.OUTSIDE);
                assertThat(f[i]).as("generator %d, a mirror", i).isPositive();
            }
        }
        // one in the plate per cell that holds it, and its two mirror images
        assertThat(inside).isPositive().isLessThanOrEqualTo(lattice.occupiedKeys().length);
        assertThat(added).isEqualTo(3 * inside);
        // the corners of those cells keep their outside sign
        int outsideCorners = 0;
        for (int i = 0; i < lattice.count(); i++) {
            outsideCorners += thin.fixed()[i] == ThinFeatures.OUTSIDE ? 1 : 0;
            assertThat(thin.fixed()[i]).isNotEqualTo(ThinFeatures.INSIDE);
        }
        assertThat(outsideCorners).isPositive();
        assertThat(ThinFeatures.add(Generators.start(plateCloud(20_000), 32), (p, n, out) -> {
            for (int i = 0; i < n; i++) {
                out[i] = 1f; // no sign change anywhere: nothing to add
            }
        }, 5).added()).isZero();
    }

    @Test
    void keepsAPlateThinnerThanACellAsOneClosedPiece() {
        PointCloud cloud = plateCloud(20_000);
        VoroMeshConfig config = Configs.with(VoroMeshConfig.DEFAULT, "voronoi_resolution", 32,
                "thin_feature_samples", 5);
        VoronoiStage.Result r = VoronoiStage.run(cloud, PLATE, config, Progress.NONE);
        MeshReport checks = MeshChecks.check(r.mesh(), true);
        assertThat(checks.watertight()).as("%s", checks).isTrue();
        assertThat(checks.orientationConsistent()).isTrue();
        assertThat(checks.selfIntersections()).isZero();
        assertThat(checks.components()).isEqualTo(1);
        assertThat((Integer) r.details().get("thin_feature_generators")).isPositive();
        double cell = 1.0 / 32;
        double[] v = r.mesh().vertices();
        double far = 0;
        double farInside = 0; // more than a cell from the rim
        for (int i = 0; i < v.length / 3; i++) {
            double d = Math.abs(plate(v[3 * i], v[3 * i + 1], v[3 * i + 2]));
            far = Math.max(far, d);
            if (Math.max(Math.abs(v[3 * i]), Math.abs(v[3 * i + 1])) < HALF - cell) {
                farInside = Math.max(farInside, d);
            }
        }
        // the faces follow the plate's sides within a quarter cell; its rim, with few points, may reach out
        // up to two cells
        assertThat(farInside).as("farthest vertex from the plate's sides").isLessThan(cell / 4);
        assertThat(far).as("farthest vertex from the plate").isLessThan(2 * cell);
        // without them the lattice holds no inside cell and the plate is lost
        VoronoiStage.Result none = VoronoiStage.run(cloud, PLATE, Configs.with(config, "thin_feature_samples", 0),
                Progress.NONE);
        assertThat(none.mesh().faceCount()).isZero();
    }
}
