package org.isofield.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.shapes.Shapes;
import org.isofield.render.testing.VulkanTesting;
import org.isofield.render.testing.XvfbDisplay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isofield view}: scripted frames and a screenshot on an X display; a clear error without one. */
class CliViewTest {
    @TempDir
    Path dir;

    @Test
    void drawsFramesAndWritesAScreenshot() throws Exception {
        VulkanTesting.assumeVulkanWithValidation();
        Path mesh = dir.resolve("torus.ply");
        Meshes.write(Shapes.byName("torus").toMesh(24), mesh);
        Path png = dir.resolve("shot.png");
        try (XvfbDisplay display = XvfbDisplay.acquire()) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-Djava.awt.headless=true", "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "view", mesh.toString(), "--frames",
                    "4",
                    "--width", "240", "--height", "160", "--screenshot", png.toString(), "--vulkan-validation"))
                    .redirectErrorStream(true);
            pb.environment().put("DISPLAY", display.display());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("wrote", "240x160").doesNotContain("validation");
        }
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(240);
        assertThat(img.getHeight()).isEqualTo(160);
    }

    @Test
    void withoutADisplayItExitsWithCode4AndAHint() throws Exception {
        String display = System.getenv("DISPLAY");
        assumeTrue(display == null || display.isBlank(), "DISPLAY is set here");
        Path mesh = dir.resolve("s.ply");
        Meshes.write(Shapes.byName("sphere").toMesh(4), mesh);
        CliTest.Result r = CliTest.run("view", mesh.toString(), "--frames", "1");
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains("DISPLAY is not set", "xvfb-run");
    }
}
