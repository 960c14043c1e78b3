package org.isofield.datasets.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.assertj.core.data.Offset;
import org.isofield.core.Progress;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Real data: bun000 and bun045 of the Stanford bunny range scans with their {@code bun.conf} poses; skipped when
 * the shared folder is missing (unless {@code ISOFIELD_REQUIRE} names {@code shared}).
 */
class IcpBunnyScansTest {
    private static final String DIR = "datasets/scans/stanford-bunny-range/";

    @Test
    void confPosesOverlapAndIcpBringsTheRmsDownToTheScannerNoise() {
        Path confPath = SharedData.file(DIR + "bun.conf");
        ConfFile conf = ConfFile.read(confPath);
        PointCloud a = PointClouds.read(conf.resolve(conf.scan("bun000.ply").orElseThrow()));
        PointCloud b = PointClouds.read(conf.resolve(conf.scan("bun045.ply").orElseThrow()));
        List<RigidTransform> poses = List.of(conf.scan("bun000.ply").orElseThrow().transform(),
                conf.scan("bun045.ply").orElseThrow().transform());
        long t0 = System.nanoTime();
        ScanMerge.Result r = new ScanMerge(IcpConfig.DEFAULT, true).merge(List.of(a, b), poses, Progress.NONE);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        ScanMerge.ScanReport s = r.scans().get(1);
        System.out.printf(Locale.ROOT, "bun045 onto bun000: distance %.3g mm; before rms %.4f mm plane %.4f mm share "
                + "%.3f; after rms %.4f mm plane %.4f mm share %.3f; %d updates, converged %s; %.2f s%n",
                s.before().distance() * 1e3, s.before().rms() * 1e3, s.before().planeRms() * 1e3,
                s.before().share(), s.after().rms() * 1e3, s.after().planeRms() * 1e3, s.after().share(),
                s.icp().updates(), s.icp().converged(), seconds);
        // the conf convention: most of bun045 lies on bun000 already
        assertThat(s.before().share()).isGreaterThan(0.8);
        assertThat(s.before().rms()).isLessThan(0.6e-3);
        assertThat(s.after().rms()).isLessThanOrEqualTo(s.before().rms());
        assertThat(s.after().planeRms()).isLessThanOrEqualTo(s.before().planeRms());
        // scanner noise level: the point-to-plane RMS after ICP
        assertThat(s.after().planeRms()).isLessThan(0.2e-3);
        assertThat(s.icp().converged()).isTrue();
        assertThat(r.cloud().size()).isEqualTo(a.size() + b.size());
        // from a pose 2 degrees and 2.3 mm off, ICP comes back to the same pose
        RigidTransform off = RigidTransform.fromRotationVector(0.02, Math.toRadians(2), -0.01,
                new Vec3d(0.002, -0.001, 0.0005)).compose(poses.get(1));
        ScanMerge.ScanReport p = ScanMerge.merge(List.of(a, b), List.of(poses.get(0), off)).scans().get(1);
        assertThat(p.before().share()).isLessThan(0.5);
        assertThat(p.pose().distanceTo(s.pose())).isLessThan(1e-6);
        assertThat(p.after().planeRms()).isCloseTo(s.after().planeRms(), Offset.offset(1e-7));
    }

    @Test
    void onlyTheConjugateRotationFollowedByTheTranslationMakesTheScansOverlap() {
        ConfFile conf = ConfFile.read(SharedData.file(DIR + "bun.conf"));
        PointCloud a = PointClouds.read(conf.resolve(conf.scan("bun000.ply").orElseThrow()));
        PointCloud b = PointClouds.read(conf.resolve(conf.scan("bun045.ply").orElseThrow()));
        double[] v = {-0.0520211, -0.000383981, -0.0109223, 0.00548449, -0.294635, -0.0038555, 0.955586};
        Vec3d t = new Vec3d(v[0], v[1], v[2]);
        double norm = Math.sqrt(v[3] * v[3] + v[4] * v[4] + v[5] * v[5] + v[6] * v[6]);
        RigidTransform rq = RigidTransform.fromQuaternion(v[3] / norm, v[4] / norm, v[5] / norm, v[6] / norm,
                Vec3d.ZERO);
        RigidTransform conj = rq.inverse();
        RigidTransform scalarFirst = RigidTransform.fromQuaternion(v[4] / norm, v[5] / norm, v[6] / norm,
                v[3] / norm, Vec3d.ZERO);
        double d = 0.002;
        assertThat(conf.scan("bun045.ply").orElseThrow().transform().distanceTo(
                RigidTransform.translation(t).compose(conj))).isLessThan(1e-12);
        assertThat(Overlap.measure(a, RigidTransform.translation(t).compose(conj).apply(b), d).share())
                .isGreaterThan(0.9);
        for (RigidTransform wrong : List.of(RigidTransform.translation(t).compose(rq),
                conj.compose(RigidTransform.translation(t)), RigidTransform.translation(t.times(-1)).compose(conj),
                RigidTransform.translation(t).compose(scalarFirst))) {
            assertThat(Overlap.measure(a, wrong.apply(b), d).share()).as(wrong.toString()).isLessThan(0.1);
        }
    }
}
