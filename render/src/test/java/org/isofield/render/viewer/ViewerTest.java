package org.isofield.render.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.isofield.core.BackendUnavailableException;
import org.isofield.datasets.shapes.Sphere;
import org.isofield.datasets.shapes.Torus;
import org.isofield.render.PngFiles;
import org.isofield.render.scene.RenderItem;
import org.isofield.render.scene.RenderMode;
import org.isofield.render.scene.Rgb;
import org.isofield.render.scene.View;
import org.isofield.render.testing.Pictures;
import org.isofield.render.testing.VulkanTesting;
import org.isofield.render.testing.XvfbDisplay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lwjgl.glfw.GLFW;

/**
 * The viewer in a child JVM (GLFW reads {@code DISPLAY} from the environment, which a running JVM cannot change) on
 * an X display (a private Xvfb when {@code DISPLAY} is unset): draws frames, survives a resize, takes a screenshot by
 * key and one by call, and closes cleanly, with the validation layer on. And without a display: a clear error.
 */
class ViewerTest {
    @TempDir
    Path dir;

    /** Child JVM: {@code ViewerTest OUT.png SHOTDIR} or {@code ViewerTest --no-display}. */
    public static void main(String[] args) throws Exception {
        List<RenderItem> items = List.of(RenderItem.of("torus", new Torus(1, 0.3).toMesh(32)),
                RenderItem.of("sphere", new Sphere(1).toMesh(16)));
        Path shots = args.length > 1 ? Path.of(args[1]) : Path.of(".");
        ViewerOptions options = new ViewerOptions(320, 240, View.ISO, RenderMode.SHADED, Rgb.fromRgb24(0x26262e), true,
                shots);
        if (args[0].equals("--no-display")) {
            try (Viewer v = Viewer.open(items, options)) {
                System.out.println("opened");
            } catch (BackendUnavailableException e) {
                System.out.println("unavailable: " + e.getMessage() + " exit " + e.exitCode());
            }
            return;
        }
        int problems;
        try (Viewer v = Viewer.open(items, options)) {
            for (int i = 0; i < 3; i++) {
                v.frame(false);
            }
            v.setWindowSize(400, 200);
            v.key(GLFW.GLFW_KEY_F3);
            for (int i = 0; i < 3; i++) {
                v.frame(false);
            }
            v.key(GLFW.GLFW_KEY_2);
            v.key(GLFW.GLFW_KEY_C);
            BufferedImage layers = null;
            for (int i = 0; i < 5 && layers == null; i++) {
                layers = v.frame(true);
            }
            PngFiles.write(layers, Path.of(args[0] + ".layers.png"), true);
            v.key(GLFW.GLFW_KEY_2);
            v.key(GLFW.GLFW_KEY_C);
            v.key(GLFW.GLFW_KEY_S);
            v.frame(false);
            BufferedImage img = null;
            for (int i = 0; i < 5 && img == null; i++) {
                img = v.frame(true);
            }
            PngFiles.write(img, Path.of(args[0]), true);
            problems = v.validationMessages().size();
            v.validationMessages().forEach(m -> System.out.println("validation " + m));
        }
        System.out.println("closed cleanly, validation problems: " + problems);
        System.exit(problems == 0 ? 0 : 3);
    }

    private static String runChild(Map<String, String> env, String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), ViewerTest.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }

    @Test
    void drawsResizesTakesScreenshotsAndClosesCleanly() throws Exception {
        VulkanTesting.assumeVulkanWithValidation();
        try (XvfbDisplay display = XvfbDisplay.acquire()) {
            Path png = dir.resolve("frame.png");
            String out = runChild(Map.of("DISPLAY", display.display()), png.toString(), dir.toString());
            assertThat(out).contains("closed cleanly, validation problems: 0");
            BufferedImage img = ImageIO.read(png.toFile());
            Pictures.keep(img, "viewer-frame");
            assertThat(img.getWidth()).isEqualTo(400);
            assertThat(img.getHeight()).isEqualTo(200);
            int drawn = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    drawn += (img.getRGB(x, y) & 0xffffff) != 0x26262e ? 1 : 0;
                }
            }
            assertThat(drawn).as("pixels drawn over the background").isGreaterThan(2000);
            assertThat(dir.resolve("isofield-view-1.png")).exists();
            BufferedImage layers = ImageIO.read(dir.resolve("frame.png.layers.png").toFile());
            Pictures.keep(layers, "viewer-torus-clipped");
            int full = 0;
            int left = 0;
            int right = 0;
            for (int y = 0; y < layers.getHeight(); y++) {
                for (int x = 0; x < layers.getWidth(); x++) {
                    boolean on = (layers.getRGB(x, y) & 0xffffff) != 0x26262e;
                    left += on && x < layers.getWidth() / 2 ? 1 : 0;
                    right += on && x >= layers.getWidth() / 2 ? 1 : 0;
                }
            }
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth() / 2; x++) {
                    full += (img.getRGB(x, y) & 0xffffff) != 0x26262e ? 1 : 0;
                }
            }
            assertThat(left + right).as("the torus alone (sphere hidden by key 2), clipped by key "
                    + "C").isGreaterThan(500);
            assertThat(left + right).as("clipped torus tile vs the unclipped torus tile").isLessThan(full);
        }
    }

    @Test
    void withoutADisplayTheErrorSaysHowToGetOne() throws Exception {
        String out = runChild(Map.of(), "--no-display");
        assertThat(out).contains("unavailable: backend display is unavailable: DISPLAY is not set", "xvfb-run",
                "exit 4");
    }
}
