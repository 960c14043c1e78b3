package org.isofield.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.isofield.core.io.OutputExistsException;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.Sphere;
import org.isofield.datasets.shapes.Torus;
import org.isofield.render.scene.Framing;
import org.isofield.render.scene.RenderItem;
import org.isofield.render.scene.RenderMode;
import org.isofield.render.scene.Rgb;
import org.isofield.render.scene.View;
import org.isofield.render.testing.Pictures;
import org.isofield.render.testing.VulkanTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several inputs side by side with labels, and the PNG written atomically. Validation layer on. */
class RenderingsTest {
    @TempDir
    Path dir;

    private static final RenderOptions SMALL = RenderOptions.DEFAULT.withSize(256, 128).withValidation(true)
            .withFraming(Framing.SHARED)
            .withBackground(Rgb.WHITE);

    @Test
    void twoInputsRenderSideBySideWithLabels() throws Exception {
        VulkanTesting.assumeVulkanWithValidation();
        List<RenderItem> items = List.of(RenderItem.of("torus.ply", new Torus(1, 0.3).toMesh(48)),
                RenderItem.of("samples.xyz", SurfaceSampler.sample(new Sphere(1).toMesh(16), 5000, 1L)));
        Path png = dir.resolve("pair.png");
        Renderings.renderToPng(items, SMALL.withView(View.parse("30,40")), png, false);
        BufferedImage img = ImageIO.read(png.toFile());
        Pictures.keep(img, "side-by-side");
        assertThat(img.getWidth()).isEqualTo(256);
        assertThat(img.getHeight()).isEqualTo(128);
        assertThat(drawn(img, 0, 128)).as("left tile").isGreaterThan(500);
        assertThat(drawn(img, 128, 256)).as("right tile").isGreaterThan(500);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("pair.png");
        }
    }

    @Test
    void anExistingImageIsRefusedWithoutOverwrite() throws Exception {
        Path png = dir.resolve("exists.png");
        Files.writeString(png, "keep");
        List<RenderItem> items = List.of(RenderItem.of("s", new Sphere(1).toMesh(4)));
        assertThatThrownBy(() -> Renderings.renderToPng(items, SMALL, png, false))
                .isInstanceOf(OutputExistsException.class);
        assertThat(Files.readString(png)).isEqualTo("keep");
    }

    @Test
    void normalsModeOnAPointCloudWithoutNormalsStillDraws() {
        VulkanTesting.assumeVulkanWithValidation();
        var cloud = SurfaceSampler.sample(new Sphere(1).toMesh(16), 3000, 2L);
        BufferedImage img = Renderings.render(List.of(RenderItem.of("c", cloud)),
                SMALL.withMode(RenderMode.NORMALS).withSize(96, 64));
        assertThat(drawn(img, 0, 96)).isGreaterThan(100);
    }

    private static int drawn(BufferedImage img, int x0, int x1) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = x0; x < x1; x++) {
                n += (img.getRGB(x, y) & 0xffffff) != 0xffffff ? 1 : 0;
            }
        }
        return n;
    }
}
