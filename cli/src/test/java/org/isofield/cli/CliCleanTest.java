package org.isofield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isofield.core.config.Json;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import org.isofield.datasets.shapes.Shapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isofield clean} and the clean-up options of {@code reconstruct}. */
class CliCleanTest {
    @TempDir
    Path dir;

    /** A sphere (radius 0.4) with a small hole at +x, and a small sphere beside it. */
    private Path holedSphereAndFloater() {
        TriangleMesh sphere = Shapes.byName("sphere").toMesh(30);
        float[] v = sphere.vertices();
        int[] f = sphere.faces();
        int n = 0;
        int[] kept = new int[f.length];
        for (int t = 0; t < f.length; t += 3) {
            double x = (v[3 * f[t]] + v[3 * f[t + 1]] + v[3 * f[t + 2]]) / 3;
            if (x < 0.39) {
                System.arraycopy(f, t, kept, n, 3);
                n += 3;
            }
        }
        TriangleMesh small = Shapes.byName("sphere").toMesh(6);
        float[] all = new float[v.length + small.vertices().length];
        System.arraycopy(v, 0, all, 0, v.length);
        for (int i = 0; i < small.vertices().length; i++) {
            all[v.length + i] = small.vertices()[i] * 0.2f + (i % 3 == 0 ? 1 : 0);
        }
        int[] faces = new int[n + small.faces().length];
        System.arraycopy(kept, 0, faces, 0, n);
        for (int i = 0; i < small.faces().length; i++) {
            faces[n + i] = small.faces()[i] + v.length / 3;
        }
        Path p = dir.resolve("in.ply");
        Meshes.write(TriangleMesh.of(all, faces), p);
        return p;
    }

    @Test
    void cleanKeepsTheLargestFillsSmoothsDecimatesAndReports() {
        Path in = holedSphereAndFloater();
        Path out = dir.resolve("out.ply");
        Path report = dir.resolve("clean.json");
        CliTest.Result r = CliTest.run("clean", in.toString(), "-o", out.toString(), "--keep-largest", "1",
                "--fill-holes", "--taubin", "3", "--decimate", "600", "--report", report.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Components: ").contains("2 -> 1 components").contains("HoleFill: ")
                .contains("Taubin: ").contains("Decimate: ").contains("-> 600 faces").contains("watertight");
        assertThat(r.out().indexOf("Components")).isLessThan(r.out().indexOf("HoleFill"));
        MeshReport checks = MeshChecks.check(Meshes.read(out));
        assertThat(checks.watertight()).isTrue();
        assertThat(checks.components()).isEqualTo(1);
        assertThat(checks.faces()).isEqualTo(600);
        JsonNode json = Json.read(report);
        assertThat(json.get("input_components").asInt()).isEqualTo(2);
        assertThat(json.get("output_faces").asInt()).isEqualTo(600);
        assertThat(json.get("steps").get(1).get("holes_filled").asInt()).isEqualTo(1);
        assertThat(json.get("steps").get(3).get("step").asText()).isEqualTo("Decimate");
    }

    @Test
    void farFacesNeedThePointsAndConfigFilesAreChecked() throws IOException {
        Path in = holedSphereAndFloater();
        CliTest.Result none = CliTest.run("clean", in.toString(), "-o", dir.resolve("a.ply").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no clean-up step asked for");
        CliTest.Result noPoints = CliTest.run("clean", in.toString(), "-o", dir.resolve("b.ply").toString(),
                "--max-distance", "0.01");
        assertThat(noPoints.code()).isEqualTo(2);
        assertThat(noPoints.err()).contains("--points CLOUD");
        // the points of the big sphere only: the floater is far from them
        Path cloud = dir.resolve("points.ply");
        PointClouds.write(PointCloud.of(Shapes.byName("sphere").toMesh(30).vertices()), cloud);
        Path far = dir.resolve("c.ply");
        CliTest.Result trimmed = CliTest.run("clean", in.toString(), "-o", far.toString(), "--max-distance", "0.01",
                "--points", cloud.toString());
        assertThat(trimmed.code()).as(trimmed.err()).isZero();
        assertThat(trimmed.out()).contains("FarFaces: ").contains("2 -> 1 components");
        assertThat(Meshes.read(far).bounds().maxX()).isLessThan(0.5);
        Path steps = dir.resolve("steps.json");
        Files.writeString(steps, "[{\"otype\": \"Taubin\", \"iterations\": 2}, {\"otype\": \"Decimate\", "
                + "\"target_fraction\": 0.5}]");
        CliTest.Result fromFile = CliTest.run("clean", in.toString(), "-o", dir.resolve("d.ply").toString(),
                "--clean-config", steps.toString());
        assertThat(fromFile.code()).as(fromFile.err()).isZero();
        assertThat(fromFile.out().indexOf("Taubin")).isLessThan(fromFile.out().indexOf("Decimate"));
        Files.writeString(steps, "[{\"otype\": \"Decimate\", \"target\": 10}]");
        CliTest.Result bad = CliTest.run("clean", in.toString(), "-o", dir.resolve("e.ply").toString(),
                "--clean-config", steps.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("$[0]").contains("target");
        CliTest.Result defaults = CliTest.run("config", "defaults", "clean_step", "Taubin");
        assertThat(defaults.code()).as(defaults.err()).isZero();
        assertThat(defaults.out()).contains("\"lambda\"").contains("-0.53");
    }

    @Test
    void reconstructCleansTheMeshAndReportsIt() {
        Path cloud = dir.resolve("cloud.ply");
        PointClouds.write(PointCloud.of(Shapes.byName("sphere").toMesh(40).vertices()), cloud);
        Path mesh = dir.resolve("mesh.ply");
        Path report = dir.resolve("r.json");
        CliTest.Result r = CliTest.run("reconstruct", cloud.toString(), "-o", mesh.toString(), "--keep-largest", "1",
                "--decimate", "2000", "--report", report.toString(), "--set", "steps=50");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode item = Json.read(report).get("inputs").get(0);
        assertThat(item.get("clean").get(1).get("step").asText()).isEqualTo("Decimate");
        assertThat(item.get("output_faces").asInt()).isBetween(1999, 2000);
        assertThat(item.get("phases_seconds").has("clean.decimate")).isTrue();
        assertThat(Meshes.read(mesh).faceCount()).isEqualTo(item.get("output_faces").asInt());
    }
}
