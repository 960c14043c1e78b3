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
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.Shapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliReconstructTest {
    @TempDir
    Path dir;

    private Path sphereCloud(String name) {
        Path p = dir.resolve(name);
        PointCloud cloud = SurfaceSampler.sample(Shapes.byName("sphere").toMesh(48), 2000, 3L);
        PointClouds.write(cloud, p);
        return p;
    }

    @Test
    void reconstructsOneCloudAndWritesAReport() throws IOException {
        Path in = sphereCloud("ball.ply");
        Path out = dir.resolve("ball-mesh.ply");
        Path report = dir.resolve("report.json");
        CliTest.Result r = CliTest.run("reconstruct", in.toString(), "-o", out.toString(), "--grid-resolution", "32",
                "--set", "steps=40", "--report", report.toString(), "--progress", "never");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote", "watertight");
        TriangleMesh mesh = Meshes.read(out);
        assertThat(MeshChecks.check(mesh).watertight()).isTrue();
        JsonNode doc = Json.read(report);
        JsonNode entry = doc.get("inputs").get(0);
        assertThat(entry.get("method").asText()).isEqualTo("GridPull");
        assertThat(entry.get("config").get("grid_resolution").asInt()).isEqualTo(32);
        assertThat(entry.get("config").get("steps").asInt()).isEqualTo(40);
        assertThat(entry.get("input_points").asInt()).isEqualTo(2000);
        assertThat(entry.get("output_faces").asInt()).isEqualTo(mesh.faceCount());
        assertThat(entry.get("watertight").asBoolean()).isTrue();
        assertThat(entry.get("peak_heap_bytes").asLong()).isPositive();
        assertThat(entry.get("phases_seconds").has("gridpull.optimize")).isTrue();
        assertThat(entry.get("phases_seconds").has("extract")).isTrue();
        assertThat(doc.get("succeeded").asInt()).isEqualTo(1);
    }

    @Test
    void batchGoesOnPastABadInputAndExitsSix() throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("in"));
        Files.copy(sphereCloud("a.ply"), inputs.resolve("a.ply"));
        Files.writeString(inputs.resolve("b.xyz"), "0 0 0\n1 0 0\n0 1 0\n");
        Files.writeString(inputs.resolve("c.xyz"), "0 0 0\nnot a number\n");
        Files.writeString(inputs.resolve("notes.md"), "ignored: not a geometry file\n");
        Path outDir = dir.resolve("out");
        Path report = dir.resolve("batch.json");
        CliTest.Result r = CliTest.run("reconstruct", inputs.toString(), "--out-dir", outDir.toString(),
                "--grid-resolution", "32", "--set", "steps=20", "--report", report.toString(), "--progress", "never");
        assertThat(r.code()).as(r.err()).isEqualTo(6);
        assertThat(outDir.resolve("a.ply")).exists();
        assertThat(outDir.resolve("b.ply")).doesNotExist();
        assertThat(outDir.resolve("c.ply")).doesNotExist();
        assertThat(r.err()).contains("b.xyz", "3 distinct points", "c.xyz", "reconstructed 1 of 3 inputs");
        JsonNode doc = Json.read(report);
        assertThat(doc.get("succeeded").asInt()).isEqualTo(1);
        assertThat(doc.get("failed")).hasSize(2);
        assertThat(doc.get("inputs").get(1).get("error").asText()).contains("3 distinct points");
    }

    @Test
    void singleBadInputIsAnInputErrorNamingTheFile() throws IOException {
        Path in = dir.resolve("flat.xyz");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sb.append(i % 7).append(' ').append(i / 7).append(" 0\n");
        }
        Files.writeString(in, sb.toString());
        Path out = dir.resolve("flat.ply");
        CliTest.Result r = CliTest.run("reconstruct", in.toString(), "-o", out.toString(), "--progress", "never");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("flat.xyz", "one plane");
        assertThat(out).doesNotExist();
    }

    @Test
    void usageErrorsComeBeforeAnyWork() throws IOException {
        Path a = sphereCloud("a.ply");
        Path b = sphereCloud("b.ply");
        assertThat(CliTest.run("reconstruct", a.toString(), b.toString(), "-o", dir.resolve("x.ply").toString()).code())
                .isEqualTo(2);
        assertThat(CliTest.run("reconstruct", a.toString()).code()).isEqualTo(2);
        CliTest.Result unknown = CliTest.run("reconstruct", a.toString(), "-o", dir.resolve("x.ply").toString(),
                "--method", "marching-ants");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("known: auto, GridPull");
        assertThat(CliTest.run("reconstruct", a.toString(), "-o", dir.resolve("x.ply").toString(), "--resolution",
                "3").code()).isEqualTo(2);
        Path existing = Files.writeString(dir.resolve("existing.ply"), "keep");
        assertThat(CliTest.run("reconstruct", a.toString(), "-o", existing.toString()).code()).isNotZero();
        assertThat(Files.readString(existing)).isEqualTo("keep");
    }

    @Test
    void defaultsArePrintedAsJson() {
        CliTest.Result r = CliTest.run("config", "defaults", "reconstructor", "GridPull");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"otype\" : \"GridPull\"", "\"grid_resolution\" : \"auto\"",
                "\"band_width\" : 3");
    }
}
