package org.isofield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.isofield.core.config.Json;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryIO;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.Sphere;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colours and scalars of the input carried to {@code reconstruct}'s output vertices, and {@code render --color}. */
class CliVertexAttributesTest {
    @TempDir
    Path dir;

    /** A sphere sampled at 8,000 points, red on x < 0 and blue on x > 0, with intensity 100 (x + 1). */
    private Path colouredSphere() {
        PointCloud c = SurfaceSampler.sample(new Sphere(1).toMesh(48), 8000, 3);
        float[] p = c.positions();
        float[] rgb = new float[p.length];
        float[] intensity = new float[c.size()];
        for (int i = 0; i < c.size(); i++) {
            rgb[3 * i + (p[3 * i] < 0 ? 0 : 2)] = 1;
            intensity[i] = 100 * (p[3 * i] + 1);
        }
        Path file = dir.resolve("sphere.ply");
        PointClouds.write(PointCloud.of(p, null, rgb, c.origin()).withScalars(Map.of("intensity", intensity)), file);
        return file;
    }

    @Test
    void reconstructCarriesColoursIntensityAndQuality() throws IOException {
        Path in = colouredSphere();
        Path out = dir.resolve("mesh.ply");
        Path report = dir.resolve("r.json");
        CliTest.Result r = CliTest.run("reconstruct", in.toString(), "-o", out.toString(), "--resolution", "48",
                "--grid-resolution", "48", "--report", report.toString());
        assertThat(r.code()).as(r.err()).isZero();
        GeometryData mesh = GeometryIO.read(out);
        assertThat(mesh.colors()).isNotNull();
        assertThat(mesh.scalars().keySet()).containsExactly("intensity", "quality");
        float[] v = mesh.positions();
        float[] q = mesh.scalars().get("quality");
        float[] in1 = mesh.scalars().get("intensity");
        int wrong = 0;
        for (int i = 0; i < mesh.vertexCount(); i++) {
            double x = mesh.origin().x() + v[3 * i];
            if (Math.abs(x) > 0.1) {
                wrong += mesh.colors()[3 * i + (x < 0 ? 0 : 2)] > 0.99f ? 0 : 1;
                wrong += Math.abs(in1[i] - 100 * (x + 1)) < 5 ? 0 : 1;
            }
            assertThat(q[i]).as("distance of vertex " + i + " to the input").isBetween(0f, 0.1f);
        }
        assertThat(wrong).as("vertices off their side's colour or intensity").isZero();
        JsonNode entry = Json.mapper().readTree(report.toFile()).get("inputs").get(0);
        assertThat(entry.get("vertex_attributes").toString()).isEqualTo("[\"red green blue\",\"intensity\","
                + "\"quality\"]");
        assertThat(entry.get("phases_seconds").has("attributes")).isTrue();
    }

    @Test
    void noVertexAttributesWritesGeometryOnly() {
        Path out = dir.resolve("bare.ply");
        CliTest.Result r = CliTest.run("reconstruct", colouredSphere().toString(), "-o", out.toString(),
                "--resolution", "32", "--grid-resolution", "32", "--no-vertex-attributes");
        assertThat(r.code()).as(r.err()).isZero();
        GeometryData mesh = GeometryIO.read(out);
        assertThat(mesh.colors()).isNull();
        assertThat(mesh.scalars()).isEmpty();
    }

    @Test
    void renderRejectsAnUnknownColouring() {
        CliTest.Result r = CliTest.run("render", colouredSphere().toString(), "-o", dir.resolve("x.png").toString(),
                "--color", "rainbow");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--color").contains("rainbow").contains("attribute or shading");
    }
}
