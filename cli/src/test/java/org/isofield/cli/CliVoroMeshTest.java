package org.isofield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

/** {@code reconstruct --method voromesh} and {@code extract --extractor voronoi}. */
class CliVoroMeshTest {
    @TempDir
    Path dir;

    private Path cloud() {
        Path p = dir.resolve("torus.ply");
        PointCloud cloud = SurfaceSampler.sample(Shapes.byName("torus").toMesh(48), 4000, 4L);
        PointClouds.write(cloud, p);
        return p;
    }

    private static String header(Path ply) throws IOException {
        String head = new String(Files.readAllBytes(ply), 0, 400, StandardCharsets.ISO_8859_1);
        return head.substring(0, head.indexOf("end_header"));
    }

    @Test
    void reconstructWritesADoublePlyThatIsClosedWithAReportOfTheChecks() throws IOException {
        Path mesh = dir.resolve("vm.ply");
        Path report = dir.resolve("vm.json");
        Path field = dir.resolve("vm.isf");
        CliTest.Result r = CliTest.run("reconstruct", cloud().toString(), "-o", mesh.toString(), "--method",
                "voromesh", "--voronoi-resolution", "24", "--grid-resolution", "32", "--set", "steps=60",
                "--set", "field.steps=60", "--save-field", field.toString(), "--report", report.toString(),
                "--progress", "never");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + mesh, "watertight", "0 self-intersecting pairs");
        assertThat(header(mesh)).contains("property double x", "property double z");
        TriangleMesh read = Meshes.read(mesh);
        assertThat(MeshChecks.check(read).watertight()).isTrue();
        JsonNode entry = Json.read(report).get("inputs").get(0);
        assertThat(entry.get("method").asText()).isEqualTo("VoroMesh");
        JsonNode details = entry.get("details");
        assertThat(details.get("self_intersections").asLong()).isZero();
        assertThat(details.get("watertight").asBoolean()).isTrue();
        assertThat(details.get("generators").asInt()).isPositive();
        assertThat(entry.get("phases_seconds").has("voromesh.delaunay")).isTrue();
        assertThat(entry.get("config").get("field").get("grid_resolution").asInt()).isEqualTo(32);

        Path again = dir.resolve("again.ply");
        r = CliTest.run("extract", field.toString(), "-o", again.toString(), "--extractor", "voronoi",
                "--voronoi-resolution", "24", "--float32", "--progress", "never");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("float32", "watertight", "0 self-intersecting pairs");
        assertThat(header(again)).contains("property float x").doesNotContain("double");
        assertThat(MeshChecks.check(Meshes.read(again)).watertight()).isTrue();
    }

    @Test
    void voronoiOptionsNeedTheirMethod() {
        Path c = cloud();
        CliTest.Result r = CliTest.run("reconstruct", c.toString(), "-o", dir.resolve("a.ply").toString(),
                "--voronoi-resolution", "32", "--progress", "never");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("voronoi_resolution", "--method voromesh");
        r = CliTest.run("reconstruct", c.toString(), "-o", dir.resolve("a.ply").toString(), "--method", "voromesh",
                "--resolution", "32", "--progress", "never");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("--voronoi-resolution");
        r = CliTest.run("extract", c.toString(), "-o", dir.resolve("b.ply").toString(), "--extractor", "dual",
                "--progress", "never");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("expected marching-cubes or voronoi");
    }
}
