package org.isofield.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.Sphere;
import org.isofield.render.scene.Framing;
import org.isofield.render.scene.RenderItem;
import org.isofield.render.scene.RenderMode;
import org.isofield.render.scene.Rgb;
import org.isofield.render.scene.View;
import org.isofield.render.testing.Pictures;
import org.isofield.render.testing.VulkanTesting;
import org.junit.jupiter.api.Test;

/**
 * Per-vertex and per-point colours: a sphere coloured red where x < 0 and green where x > 0 (seen from the front) draws
 * red pixels in its left half and green ones in its right, as mesh and as points; without colours, or with
 * {@code withColors(null)}, the same sphere draws in the plain colour (no pure red or green). Validation layer on.
 */
class AttributeColorRenderTest {
    static final int W = 192;
    static final int H = 144;
    static final TriangleMesh SPHERE = new Sphere(1).toMesh(40);

    private static float[] halves(float[] xyz) {
        float[] c = new float[xyz.length];
        for (int i = 0; i < xyz.length; i += 3) {
            c[i + (xyz[i] < 0 ? 0 : 1)] = 1;
        }
        return c;
    }

    private static BufferedImage render(RenderItem item, RenderMode mode) {
        return Renderings.render(List.of(item), RenderOptions.DEFAULT.withSize(W, H).withValidation(true)
                .withBackground(Rgb.BLACK).withView(View.parse("front")).withFraming(Framing.SHARED).withMode(mode));
    }

    /** Pixels whose colour is dominated by red (index 0) or green (1), left and right of the middle. */
    private static int[] dominant(BufferedImage img) {
        int[] n = new int[4];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                boolean red = r > 40 && g < r / 4 && b < r / 4;
                boolean green = g > 40 && r < g / 4 && b < g / 4;
                if (x < W / 2 - 4) {
                    n[0] += red ? 1 : 0;
                    n[1] += green ? 1 : 0;
                } else if (x > W / 2 + 4) {
                    n[2] += red ? 1 : 0;
                    n[3] += green ? 1 : 0;
                }
            }
        }
        return n;
    }

    @Test
    void meshVerticesDrawInTheirColours() {
        VulkanTesting.assumeVulkanWithValidation();
        RenderItem item = RenderItem.of("sphere.ply", SPHERE).withColors(halves(SPHERE.vertices()));
        BufferedImage img = render(item, RenderMode.SHADED);
        Pictures.keep(img, "attribute-colors-mesh");
        int[] n = dominant(img);
        assertThat(n[0]).as("red pixels on the left").isGreaterThan(1000);
        assertThat(n[3]).as("green pixels on the right").isGreaterThan(1000);
        assertThat(n[1] + n[2]).as("pixels of the other half's colour").isZero();
        int[] plain = dominant(render(item.withColors(null), RenderMode.SHADED));
        assertThat(plain[0] + plain[1] + plain[2] + plain[3]).as("pure red or green without colours").isZero();
    }

    @Test
    void cloudPointsDrawInTheirOwnColoursUnlessAskedNotTo() {
        VulkanTesting.assumeVulkanWithValidation();
        PointCloud cloud = SurfaceSampler.sample(SPHERE, 20_000, 5);
        PointCloud coloured = cloud.withColors(halves(cloud.positions()));
        RenderItem item = RenderItem.of("points.ply", coloured);
        assertThat(item.colors()).isSameAs(coloured.colors());
        BufferedImage img = render(item, RenderMode.POINTS);
        Pictures.keep(img, "attribute-colors-points");
        int[] n = dominant(img);
        assertThat(n[0]).as("red pixels on the left").isGreaterThan(300);
        assertThat(n[3]).as("green pixels on the right").isGreaterThan(300);
        assertThat(n[1] + n[2]).as("pixels of the other half's colour").isZero();
        int[] plain = dominant(render(item.withColors(null), RenderMode.POINTS));
        assertThat(plain[0] + plain[1] + plain[2] + plain[3]).as("pure red or green with shading").isZero();
    }
}
