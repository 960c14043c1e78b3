package org.isofield.render.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.shapes.Sphere;
import org.isofield.render.PngFiles;
import org.isofield.render.scene.RenderItem;
import org.isofield.render.scene.RenderMode;
import org.isofield.render.scene.Rgb;
import org.isofield.render.scene.View;
import org.isofield.render.testing.Pictures;
import org.isofield.render.testing.TestFields;
import org.isofield.render.testing.VulkanTesting;
import org.isofield.render.testing.XvfbDisplay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lwjgl.glfw.GLFW;

/**
 * A field in the viewer (child JVM on an X display, as {@link ViewerTest}), next to a mesh of the same sphere under
 * the same camera: frames with the field sphere-traced into its tile, then the D key's distance slice through the
 * middle (x = 0.5, seen from the front: blue inside, red outside), moved by ], with the validation layer on.
 */
class FieldViewerTest {
    static final int W = 256;
    static final int H = 128;

    @TempDir
    Path dir;

    /** Child JVM: {@code FieldViewerTest SURFACE.png SLICE.png}. */
    public static void main(String[] args) throws Exception {
        List<RenderItem> items = List.of(RenderItem.of("mesh", new Sphere(1).toMesh(32)),
                RenderItem.of("field", TestFields.sphere(0.3, 32, 0.3, new Vec3d(0.5, 0.5, 0.5))));
        ViewerOptions options = new ViewerOptions(W, H, View.SIDE, RenderMode.SHADED, Rgb.BLACK, true, Path.of("."));
        int problems;
        try (Viewer v = Viewer.open(items, options)) {
            PngFiles.write(capture(v), Path.of(args[0]), true);
            v.key(GLFW.GLFW_KEY_D);                // slice x = 0.5 (through the middle)
            v.key(GLFW.GLFW_KEY_RIGHT_BRACKET);    // x = 0.5 + 1/64
            v.key(GLFW.GLFW_KEY_LEFT_BRACKET);     // back to 0.5
            PngFiles.write(capture(v), Path.of(args[1]), true);
            problems = v.validationMessages().size();
            v.validationMessages().forEach(m -> System.out.println("validation " + m));
        }
        System.out.println("closed cleanly, validation problems: " + problems);
        System.exit(problems == 0 ? 0 : 3);
    }

    private static BufferedImage capture(Viewer v) {
        BufferedImage img = null;
        for (int i = 0; i < 5 && img == null; i++) {
            img = v.frame(true);
        }
        return img;
    }

    @Test
    void showsTheFieldBesideTheMeshAndItsSlice() throws Exception {
        VulkanTesting.assumeVulkanWithValidation();
        try (XvfbDisplay display = XvfbDisplay.acquire()) {
            Path surface = dir.resolve("surface.png");
            Path slice = dir.resolve("slice.png");
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Djava.awt.headless=true", "-cp",
                    System.getProperty("java.class.path"), FieldViewerTest.class.getName(), surface.toString(),
                    slice.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("DISPLAY", display.display());
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("child finished").isTrue();
            String text = new String(out, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(text).isZero();
            assertThat(text).contains("closed cleanly, validation problems: 0");
            BufferedImage a = ImageIO.read(surface.toFile());
            BufferedImage b = ImageIO.read(slice.toFile());
            Pictures.keep(a, "viewer-field");
            Pictures.keep(b, "viewer-field-slice");
            int[] covered = new int[2];
            int differ = 0;
            int tile = W / 2;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < tile; x++) {
                    boolean mesh = (a.getRGB(x, y) & 0xffffff) != 0;
                    boolean field = (a.getRGB(x + tile, y) & 0xffffff) != 0;
                    covered[0] += mesh ? 1 : 0;
                    covered[1] += field ? 1 : 0;
                    differ += mesh != field ? 1 : 0;
                }
            }
            assertThat(covered[1]).as("field tile pixels").isGreaterThan(tile * H / 20);
            assertThat(differ).as("pixels where the mesh and field tiles disagree on coverage")
                    .isLessThanOrEqualTo(covered[0] / 10);
            int centre = b.getRGB(tile + tile / 2, H / 2);
            assertThat(centre & 255).as("slice: blue at the centre").isGreaterThan((centre >> 16 & 255) + 40);
            int mesh = b.getRGB(tile / 2, H / 2);
            assertThat(mesh).as("the mesh tile is unchanged by the slice").isEqualTo(a.getRGB(tile / 2, H / 2));
        }
    }
}
