package org.isofield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.isofield.core.config.Json;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.Shapes;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.io.FieldFiles;
import org.isofield.render.testing.VulkanTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reconstruct --save-field}, then {@code extract}, {@code info} and {@code render} of the saved grid. */
class CliSaveFieldTest {
    @TempDir
    Path dir;

    private Path torusCloud() {
        Path p = dir.resolve("torus.ply");
        PointCloud cloud = SurfaceSampler.sample(Shapes.byName("torus").toMesh(48), 3000, 4L);
        PointClouds.write(cloud, p);
        return p;
    }

    /** Reconstructs the torus cloud at grid resolution 32 with the field saved to {@code torus.isf}. */
    private Path reconstructWithField(Path mesh, String... extra) {
        Path field = dir.resolve("torus.isf");
        String[] base = {"reconstruct", torusCloud().toString(), "-o", mesh.toString(), "--grid-resolution", "32",
            "--set", "steps=40", "--save-field", field.toString(), "--progress", "never"};
        String[] args = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliTest.Result r = CliTest.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + field, "gridpull-sparse");
        return field;
    }

    private static void assertSameMesh(TriangleMesh a, TriangleMesh b) {
        assertThat(a.vertexCount()).isEqualTo(b.vertexCount());
        assertThat(a.faceCount()).isEqualTo(b.faceCount());
        assertThat(a.faces()).isEqualTo(b.faces());
        float[] va = a.vertices();
        float[] vb = b.vertices();
        double worst = 0;
        for (int i = 0; i < va.length; i++) {
            double wa = va[i] + (i % 3 == 0 ? a.origin().x() : i % 3 == 1 ? a.origin().y() : a.origin().z());
            double wb = vb[i] + (i % 3 == 0 ? b.origin().x() : i % 3 == 1 ? b.origin().y() : b.origin().z());
            worst = Math.max(worst, Math.abs(wa - wb));
        }
        assertThat(worst).as("largest vertex difference").isLessThan(1e-6);
    }

    @Test
    void extractOfTheSavedFieldGivesTheReconstructedMesh() throws IOException {
        Path mesh = dir.resolve("torus-mesh.ply");
        Path field = reconstructWithField(mesh, "--resolution", "40");
        FieldFile f = FieldFiles.read(field);
        assertThat(f.kind()).isEqualTo("gridpull-sparse");
        assertThat(Json.parse(f.configJson(), "config").get("grid_resolution").asInt()).isEqualTo(32);
        Path again = dir.resolve("again.ply");
        CliTest.Result r = CliTest.run("extract", field.toString(), "-o", again.toString(), "--resolution", "40",
                "--progress", "never");
        assertThat(r.code()).as(r.err()).isZero();
        assertSameMesh(Meshes.read(again), Meshes.read(mesh));
        Path coarse = dir.resolve("coarse.ply");
        r = CliTest.run("extract", field.toString(), "-o", coarse.toString(), "--progress", "never");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Meshes.read(coarse).faceCount()).as("the stored resolution 32 gives fewer faces than 40")
                .isLessThan(Meshes.read(mesh).faceCount());
        r = CliTest.run("extract", field.toString(), "-o", dir.resolve("tiny.ply").toString(), "--resolution", "4");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--resolution 4: expected 8 to 2048", "gridpull-sparse");
        CliTest.Result info = CliTest.run("info", field.toString());
        assertThat(info.code()).as(info.err()).isZero();
        assertThat(info.out()).contains("gridpull-sparse", "grid_resolution", "32", "stored_bricks");
    }

    @Test
    void saveFieldRefusesABatchAndAnExistingFile() throws IOException {
        Path cloud = torusCloud();
        Path other = Files.copy(cloud, dir.resolve("other.ply"));
        CliTest.Result r = CliTest.run("reconstruct", cloud.toString(), other.toString(), "--out-dir",
                dir.resolve("out").toString(), "--save-field", dir.resolve("f.isf").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--save-field takes one input, found 2");
        Path existing = Files.writeString(dir.resolve("old.isf"), "keep");
        Path mesh = dir.resolve("m.ply");
        r = CliTest.run("reconstruct", cloud.toString(), "-o", mesh.toString(), "--save-field", existing.toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("old.isf");
        assertThat(mesh).as("refused before any work").doesNotExist();
        assertThat(Files.readString(existing)).isEqualTo("keep");
    }

    @Test
    void rendersASavedGridAsItsExtractedMesh() throws Exception {
        VulkanTesting.assumeVulkanWithValidation();
        Path field = reconstructWithField(dir.resolve("torus-mesh.ply"));
        Path png = dir.resolve("grid.png");
        CliTest.Result r = CliTest.run("render", field.toString(), "-o", png.toString(), "--width", "160", "--height",
                "120", "--view", "front", "--background", "white", "--vulkan-validation", "--progress", "never");
        assertThat(r.code()).as(r.err()).isZero();
        BufferedImage img = ImageIO.read(png.toFile());
        int drawn = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                drawn += (img.getRGB(x, y) & 0xffffff) != 0xffffff ? 1 : 0;
            }
        }
        assertThat(drawn).as("pixels of the torus").isGreaterThan(1000);
        int cx = img.getWidth() / 2;
        int cy = img.getHeight() / 2;
        assertThat(img.getRGB(cx,
                cy) & 0xffffff).as("the hole of the torus (axis z), seen from the front").isEqualTo(0xffffff);
    }
}
