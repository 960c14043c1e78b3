package org.isofield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.Sphere;
import org.isofield.render.scene.ColorMap;
import org.isofield.render.testing.VulkanTesting;
import org.isofield.render.viewer.Viewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render --error-to GT} (colours, colour bar, statistics), {@code --clip}, and their usage errors. */
class CliErrorToTest {
    @TempDir
    Path dir;

    @Test
    void coloursByDistanceWithABarAndStatistics() throws Exception {
        VulkanTesting.assumeVulkanWithValidation();
        Path mesh = dir.resolve("recon.ply");
        Meshes.write(new Sphere(1).toMesh(24), mesh);
        Path gt = dir.resolve("gt.ply");
        Meshes.write(new Sphere(1.1).toMesh(32), gt);
        Path png = dir.resolve("err.png");
        CliTest.Result r = CliTest.run("render", mesh.toString(), gt.toString(), "-o", png.toString(), "--error-to",
                gt.toString(), "--error-scale", "0.2", "--clip", "x", "--width", "240", "--height", "160",
                "--view", "front", "--background", "black", "--vulkan-validation");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("distance to gt.ply over", "mean 0.09", "colour scale 0 to 0.2", "wrote");
        BufferedImage img = ImageIO.read(png.toFile());
        int mid = ColorMap.VIRIDIS.at(0.5).toRgb24();
        int yellow = ColorMap.VIRIDIS.at(1).toRgb24();
        int atMid = 0;
        int atEnd = 0;
        int cutAway = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                atMid += x < 120 && y < 100 && close(rgb, mid) ? 1 : 0;
                atEnd += y >= 100 && close(rgb, yellow) ? 1 : 0;
                cutAway += x > 63 && x < 120 && y < 100 && rgb != 0 ? 1 : 0;
            }
        }
        assertThat(atMid).as("reconstruction pixels at the colour of 0.1 / 0.2").isGreaterThan(600);
        assertThat(cutAway).as("pixels right of the reconstruction tile's centre, cut away by --clip x").isLessThan(20);
        assertThat(atEnd).as("the bright end of the colour bar").isGreaterThan(3);
    }

    @Test
    void badGroundTruthAndOptionsAreClearUsageErrors() throws Exception {
        Path mesh = dir.resolve("s.ply");
        Meshes.write(new Sphere(1).toMesh(4), mesh);
        Path cloud = dir.resolve("pts.xyz");
        PointClouds.write(SurfaceSampler.sample(new Sphere(1).toMesh(8), 200, 1L), cloud);
        String out = dir.resolve("x.png").toString();
        CliTest.Result missing = CliTest.run("render", mesh.toString(), "-o", out, "--error-to",
                dir.resolve("nope.obj").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.obj: no such file");
        CliTest.Result points = CliTest.run("render", mesh.toString(), "-o", out, "--error-to", cloud.toString());
        assertThat(points.code()).isEqualTo(2);
        assertThat(points.err()).contains("--error-to", "pts.xyz", "no faces (200 points); expected a triangle mesh");
        Path broken = dir.resolve("broken.ply");
        Files.writeString(broken, "ply\nformat ascii 1.0\nelement vertex 3\nend_header\n1 2\n");
        CliTest.Result bad = CliTest.run("render", mesh.toString(), "-o", out, "--error-to", broken.toString());
        assertThat(bad.code()).as(bad.err()).isEqualTo(3);
        assertThat(bad.err()).contains("broken.ply");
        CliTest.Result onlyGt = CliTest.run("render", mesh.toString(), "-o", out, "--error-to", mesh.toString());
        assertThat(onlyGt.code()).isEqualTo(2);
        assertThat(onlyGt.err()).contains("no input to colour");
        CliTest.Result scale = CliTest.run("render", mesh.toString(), "-o", out, "--error-to", mesh.toString(),
                "--error-scale", "-1");
        assertThat(scale.code()).isEqualTo(2);
        assertThat(scale.err()).contains("--error-scale -1: expected a distance above 0");
        CliTest.Result lone = CliTest.run("render", mesh.toString(), "-o", out, "--error-scale", "1%");
        assertThat(lone.code()).isEqualTo(2);
        assertThat(lone.err()).contains("--error-scale 1% needs --error-to GT");
        CliTest.Result clip = CliTest.run("render", mesh.toString(), "-o", out, "--clip", "w,1");
        assertThat(clip.code()).isEqualTo(2);
        assertThat(clip.err()).contains("--clip", "AXIS[,POSITION]");
        assertThat(Files.exists(Path.of(out))).isFalse();
    }

    @Test
    void helpListsTheOptionsAndEveryViewerKey() {
        CliTest.Result render = CliTest.run("render", "--help");
        assertThat(render.out()).contains("--error-to", "--error-scale", "--clip");
        CliTest.Result view = CliTest.run("view", "--help");
        assertThat(view.out()).contains("--error-to", "--clip");
        for (String line : Viewer.keyHelp().split("\n")) {
            assertThat(view.out().replaceAll("\\s+", " ")).as("view --help lists: " + line)
                    .contains(line.replaceAll("\\s+", " "));
        }
    }

    private static boolean close(int a, int b) {
        for (int s = 0; s < 24; s += 8) {
            if (Math.abs(((a >> s) & 255) - ((b >> s) & 255)) > 3) {
                return false;
            }
        }
        return true;
    }
}
