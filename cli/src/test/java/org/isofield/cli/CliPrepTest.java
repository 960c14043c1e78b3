package org.isofield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.isofield.core.config.Json;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.io.PointClouds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isofield prep} and the preparation options of {@code reconstruct}. */
class CliPrepTest {
    @TempDir
    Path dir;

    /** 6,000 points on a unit sphere and 300 uniform outliers in its box, at least 0.2 from the sphere. */
    private Path noisySphere() {
        SplittableRandom random = new SplittableRandom(5);
        int surface = 6000;
        int outliers = 300;
        float[] p = new float[3 * (surface + outliers)];
        for (int i = 0; i < surface + outliers; ) {
            double x = random.nextDouble(-1, 1), y = random.nextDouble(-1, 1), z = random.nextDouble(-1, 1);
            double r = Math.sqrt(x * x + y * y + z * z);
            if (i < surface && r > 0.1) {
                x /= r;
                y /= r;
                z /= r;
            } else if (i < surface || Math.abs(r - 1) < 0.2) {
                continue;
            }
            p[3 * i] = (float) x;
            p[3 * i + 1] = (float) y;
            p[3 * i + 2] = (float) z;
            i++;
        }
        Path file = dir.resolve("noisy.ply");
        PointClouds.write(PointCloud.of(p), file);
        return file;
    }

    @Test
    void prepRemovesOutliersCropsAndReportsEachStep() throws IOException {
        Path in = noisySphere();
        Path out = dir.resolve("clean.ply");
        Path report = dir.resolve("prep.json");
        CliTest.Result r = CliTest.run("prep", in.toString(), "-o", out.toString(), "--statistical-outliers",
                "--crop", "-2,-2,0,2,2,2", "--report", report.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Crop: ").contains("StatisticalOutliers: ").contains("points removed");
        PointCloud clean = PointClouds.read(out);
        int off = 0;
        for (int i = 0; i < clean.size(); i++) {
            double d = Math.sqrt(clean.x(i) * clean.x(i) + clean.y(i) * clean.y(i) + clean.z(i) * clean.z(i));
            off += Math.abs(d - 1) > 1e-4 ? 1 : 0;
            assertThat(clean.z(i)).isGreaterThanOrEqualTo(0);
        }
        assertThat(off).as("outliers left").isLessThan(15);
        JsonNode json = Json.read(report);
        assertThat(json.get("steps").get(0).get("step").asText()).isEqualTo("Crop");
        assertThat(json.get("steps").get(1).get("points_in").asInt()).isEqualTo(json.get("steps").get(0)
                .get("points_out").asInt());
        assertThat(json.get("output_points").asInt()).isEqualTo(clean.size());
        // a steps file gives the order; unknown keys are errors naming the step
        Path steps = dir.resolve("steps.json");
        Files.writeString(steps, "[{\"otype\": \"VoxelDownsample\", \"voxel_size\": 0.1}, {\"otype\": "
                + "\"RadiusOutliers\"}]");
        r = CliTest.run("prep", in.toString(), "-o", dir.resolve("v.ply").toString(), "--prep-config",
                steps.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().indexOf("VoxelDownsample")).isLessThan(r.out().indexOf("RadiusOutliers"));
        Files.writeString(steps, "[{\"otype\": \"VoxelDownsample\", \"voxel\": 0.1}]");
        r = CliTest.run("prep", in.toString(), "-o", dir.resolve("w.ply").toString(), "--prep-config",
                steps.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("$[0]").contains("voxel");
    }

    @Test
    void prepRefusesNoStepsAndBadValues() {
        Path in = noisySphere();
        CliTest.Result none = CliTest.run("prep", in.toString(), "-o", dir.resolve("a.ply").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no preparation step asked for");
        CliTest.Result bad = CliTest.run("prep", in.toString(), "-o", dir.resolve("b.ply").toString(),
                "--statistical-outliers=20");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--statistical-outliers is '20'; expected K,RATIO");
        CliTest.Result crop = CliTest.run("prep", in.toString(), "-o", dir.resolve("c.ply").toString(), "--crop",
                "0,0,0,1,1");
        assertThat(crop.code()).isEqualTo(2);
        assertThat(crop.err()).contains("expected six");
        assertThat(Files.exists(dir.resolve("c.ply"))).isFalse();
    }

    @Test
    void reconstructPreparesTheCloudFirstAndReportsIt() throws IOException {
        Path in = noisySphere();
        Path mesh = dir.resolve("mesh.ply");
        Path report = dir.resolve("r.json");
        CliTest.Result r = CliTest.run("reconstruct", in.toString(), "-o", mesh.toString(), "--radius-outliers",
                "--report", report.toString(), "--set", "steps=50");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode item = Json.read(report).get("inputs").get(0);
        assertThat(item.get("prep").get(0).get("step").asText()).isEqualTo("RadiusOutliers");
        assertThat(item.get("input_points").asInt()).isEqualTo(6300);
        assertThat(item.get("prepared_points").asInt()).isEqualTo(item.get("prep").get(0).get("points_out")
                .asInt()).isLessThan(6300);
        assertThat(item.get("phases_seconds").has("prep.radius_outliers")).isTrue();
    }
}
