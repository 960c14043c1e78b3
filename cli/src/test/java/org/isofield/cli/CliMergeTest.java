package org.isofield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isofield.core.config.Json;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.registration.ConfFile;
import org.isofield.datasets.registration.RigidTransform;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.Shapes;
import org.isofield.datasets.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isofield merge}: conf poses, ICP, the per-scan lines and the report. */
class CliMergeTest {
    private static final TriangleMesh BOX = Shapes.byName("rounded-box").toMesh(32);
    /** Where scan b really is: 3 degrees about (1, 2, 3) and 1% of the box's width. */
    private static final RigidTransform TRUE_POSE = RigidTransform.fromRotationVector(0.014, 0.028, 0.042,
            new Vec3d(0.008, -0.004, 0.002));

    @TempDir
    Path dir;

    /** Scans a.ply and b.ply in {@code scans/}, b in its own frame, and a conf there with b's pose 1 degree off. */
    private Path scansAndConf() throws IOException {
        Path scans = Files.createDirectories(dir.resolve("scans"));
        PointClouds.write(SurfaceSampler.sample(BOX, 8000, 1), scans.resolve("a.ply"));
        PointClouds.write(TRUE_POSE.inverse().apply(SurfaceSampler.sample(BOX, 6000, 2)), scans.resolve("b.ply"));
        RigidTransform off = RigidTransform.fromRotationVector(0, 0, Math.toRadians(1), new Vec3d(0.002, 0, 0))
                .compose(TRUE_POSE);
        Path conf = scans.resolve("pair.conf");
        Files.writeString(conf, "camera 0 0 1 0 0 0 1\nbmesh a.ply 0 0 0 0 0 0 1\n" + ConfFile.line("b.ply", off)
                + "\n");
        return conf;
    }

    @Test
    void mergesScansWithConfPosesAndIcpAndReportsEachScan() throws IOException {
        Path conf = scansAndConf();
        Path out = dir.resolve("merged.ply");
        Path report = dir.resolve("merge.json");
        CliTest.Result r = CliTest.run("merge", dir.resolve("scans/a.ply").toString(),
                dir.resolve("scans/b.ply").toString(), "--conf", conf.toString(), "-o", out.toString(), "--report",
                report.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("a.ply: reference, 8000 points").contains("b.ply: 6000 points; before ICP rms ")
                .contains("; after rms ").contains("ICP iterations").contains("wrote " + out);
        PointCloud merged = PointClouds.read(out);
        assertThat(merged.size()).isEqualTo(14_000);
        JsonNode json = Json.read(report);
        JsonNode b = json.get("scans").get(1);
        assertThat(b.get("after").get("rms").asDouble()).isLessThan(b.get("before").get("rms").asDouble());
        assertThat(b.get("after").get("share").asDouble()).isGreaterThanOrEqualTo(b.get("before").get("share")
                .asDouble());
        assertThat(b.get("icp_converged").asBoolean()).isTrue();
        assertThat(b.get("icp_iterations").size()).isEqualTo(b.get("icp_updates").asInt() + 1);
        assertThat(b.get("conf_line").asText()).startsWith("bmesh b.ply ");
        double[] t = {b.get("pose").get("translation").get(0).asDouble(),
            b.get("pose").get("translation").get(1).asDouble(), b.get("pose").get("translation").get(2).asDouble()};
        assertThat(new Vec3d(t[0], t[1], t[2]).minus(TRUE_POSE.translation()).length()).isLessThan(1e-3);
        // --no-icp keeps the conf pose and reports the overlap once
        r = CliTest.run("merge", dir.resolve("scans/a.ply").toString(), dir.resolve("scans/b.ply").toString(),
                "--conf", conf.toString(), "-o", out.toString(), "--no-icp", "--force");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("(no ICP)");
    }

    @Test
    void aScanNotInTheConfIsAUsageErrorNamingTheListedOnes() throws IOException {
        Path conf = scansAndConf();
        Path other = dir.resolve("c.ply");
        PointClouds.write(SurfaceSampler.sample(BOX, 100, 3), other);
        CliTest.Result r = CliTest.run("merge", dir.resolve("scans/a.ply").toString(), other.toString(), "--conf",
                conf.toString(), "-o", dir.resolve("m.ply").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(other + " is not listed in " + conf).contains("listed: a.ply, b.ply");
        Files.writeString(conf, "bmesh a.ply 0 0 0 0 0 0 1\nbmesh b.ply 0 0 0 0 0 0 3\n");
        r = CliTest.run("merge", dir.resolve("scans/a.ply").toString(), "--conf", conf.toString(), "-o",
                dir.resolve("m.ply").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains(conf + ":2: ").contains("expected a unit quaternion");
    }

    @Test
    void withoutConfScansStartFromTheIdentityAndAMissingOverlapIsANumericalError() {
        Path a = dir.resolve("a.ply");
        Path b = dir.resolve("b.ply");
        PointCloud cloud = SurfaceSampler.sample(BOX, 4000, 4);
        PointClouds.write(cloud, a);
        PointClouds.write(RigidTransform.translation(new Vec3d(0.003, 0, 0)).apply(cloud), b);
        CliTest.Result r = CliTest.run("merge", a.toString(), b.toString(), "-o", dir.resolve("m.xyz").toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path c = dir.resolve("c.ply");
        PointClouds.write(RigidTransform.translation(new Vec3d(5, 0, 0)).apply(cloud), c);
        r = CliTest.run("merge", a.toString(), c.toString(), "-o", dir.resolve("n.xyz").toString());
        assertThat(r.code()).isEqualTo(5);
        assertThat(r.err()).contains("do the clouds overlap");
    }

    /** The command on the Stanford bunny's bun000 and bun045 (skipped without the shared folder). */
    @Test
    void mergesTheBunnyScans() {
        Path conf = SharedData.file("datasets/scans/stanford-bunny-range/bun.conf");
        Path out = dir.resolve("merged.ply");
        Path report = dir.resolve("merge.json");
        CliTest.Result r = CliTest.run("merge", conf.resolveSibling("bun000.ply").toString(),
                conf.resolveSibling("bun045.ply").toString(), "--conf", conf.toString(), "-o", out.toString(),
                "--report", report.toString());
        assertThat(r.code()).as(r.err()).isZero();
        System.out.print(r.out());
        JsonNode b = Json.read(report).get("scans").get(1);
        assertThat(b.get("after").get("plane_rms").asDouble()).isLessThanOrEqualTo(b.get("before").get("plane_rms")
                .asDouble()).isLessThan(0.2e-3);
        assertThat(b.get("after").get("share").asDouble()).isGreaterThan(0.9);
    }
}
