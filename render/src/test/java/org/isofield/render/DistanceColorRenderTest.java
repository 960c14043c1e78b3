package org.isofield.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.assertj.core.data.Offset;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.Sphere;
import org.isofield.render.scene.ClipPlane;
import org.isofield.render.scene.ColorMap;
import org.isofield.render.scene.DistanceColoring;
import org.isofield.render.scene.Framing;
import org.isofield.render.scene.RenderItem;
import org.isofield.render.scene.RenderMode;
import org.isofield.render.scene.Rgb;
import org.isofield.render.scene.View;
import org.isofield.render.testing.Pictures;
import org.isofield.render.testing.VulkanTesting;
import org.junit.jupiter.api.Test;

/**
 * A unit sphere coloured by its distance to a sphere of radius 1.1 (0.1 everywhere, up to the ground truth's chord
 * sag of about 1e-4): every drawn pixel has the colour-map colour of 0.1, the legend band holds the map's gradient and
 * its tick labels, and the ground truth drawn beside it keeps the plain colour. Validation layer on.
 */
class DistanceColorRenderTest {
    static final int W = 256;
    static final int H = 192;
    static final TriangleMesh SPHERE = new Sphere(1).toMesh(48);
    static final TriangleMesh TRUTH = new Sphere(1.1).toMesh(64);

    private static RenderOptions options(DistanceColoring.Result r) {
        return RenderOptions.DEFAULT.withSize(W, H).withValidation(true).withBackground(Rgb.BLACK)
                .withView(View.parse("front")).withFraming(Framing.SHARED).withColorBar(r.bar());
    }

    @Test
    void everyDrawnPixelHasTheColourOfTheDistance() {
        VulkanTesting.assumeVulkanWithValidation();
        DistanceColoring.Result r = DistanceColoring.apply(List.of(RenderItem.of("sphere.ply", SPHERE)),
                new boolean[] {true}, TRUTH, "truth.ply", 0.2);
        assertThat(r.mean()).isCloseTo(0.1, Offset.offset(5e-4));
        assertThat(r.max()).isLessThanOrEqualTo(0.1 + 1e-6);
        BufferedImage img = Renderings.render(r.items(), options(r));
        Pictures.keep(img, "distance-sphere");
        int band = ColorBarPainter.bandHeight(H);
        int expected = ColorMap.VIRIDIS.at(0.5).toRgb24();
        int drawn = 0;
        int off = 0;
        for (int y = 0; y < H - band; y++) {
            for (int x = 0; x < W; x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                if (rgb == 0) {
                    continue;
                }
                drawn++;
                off += maxChannelDifference(rgb, expected) > 3 ? 1 : 0;
            }
        }
        assertThat(drawn).as("pixels of the sphere").isGreaterThan(W * (H - band) / 10);
        assertThat(off).as("pixels off the colour of distance 0.1 (of " + drawn + ")").isZero();
    }

    @Test
    void theLegendShowsTheGradientAndTicksAndTheTruthDrawsPlain() {
        VulkanTesting.assumeVulkanWithValidation();
        List<RenderItem> items = List.of(RenderItem.of("sphere.ply", SPHERE), RenderItem.of("truth.ply", TRUTH));
        DistanceColoring.Result r = DistanceColoring.apply(items, new boolean[] {true, false}, TRUTH, "truth.ply",
                Double.NaN);
        assertThat(r.bar().scale()).as("default scale: 95th percentile").isCloseTo(0.1,
                Offset.offset(5e-4));
        assertThat(r.items().get(1).scalars()).as("the ground truth is not coloured").isNull();
        BufferedImage img = Renderings.render(r.items(), options(r));
        Pictures.keep(img, "distance-legend");
        int band = ColorBarPainter.bandHeight(H);
        Rectangle strip = ColorBarPainter.strip(0, H - band, W, band);
        assertThat(strip.width).isGreaterThan(W / 2);
        int y = strip.y + strip.height / 2;
        for (int i = 0; i < strip.width; i++) {
            int want = ColorMap.VIRIDIS.at((i + 0.5) / strip.width).toRgb24();
            assertThat(img.getRGB(strip.x + i, y) & 0xffffff).as("strip column " + i).isEqualTo(want);
        }
        int ink = 0;
        for (int yy = strip.y + strip.height + 1; yy < H; yy++) {
            for (int x = 0; x < W; x++) {
                ink += (img.getRGB(x, yy) & 0xffffff) != 0 ? 1 : 0;
            }
        }
        assertThat(ink).as("tick label pixels under the strip").isGreaterThan(30);
        int title = 0;
        for (int yy = H - band; yy < strip.y; yy++) {
            for (int x = 0; x < W; x++) {
                title += (img.getRGB(x, yy) & 0xffffff) != 0 ? 1 : 0;
            }
        }
        assertThat(title).as("caption pixels above the strip").isGreaterThan(30);
        int yellow = ColorMap.VIRIDIS.at(1).toRgb24();
        int plain = 0;
        int mapped = 0;
        for (int yy = 0; yy < H - band; yy++) {
            for (int x = 0; x < W; x++) {
                int rgb = img.getRGB(x, yy) & 0xffffff;
                if (rgb == 0) {
                    continue;
                }
                if (x < W / 2) {
                    mapped += maxChannelDifference(rgb, yellow) <= 3 ? 1 : 0;
                } else {
                    plain += maxChannelDifference(rgb, yellow) > 40 ? 1 : 0;
                }
            }
        }
        assertThat(mapped).as("left tile at the saturated end of the map").isGreaterThan(1000);
        assertThat(plain).as("right tile (ground truth) in the plain surface colour").isGreaterThan(1000);
    }

    @Test
    void pointCloudsAreColouredToo() {
        VulkanTesting.assumeVulkanWithValidation();
        var cloud = SurfaceSampler.sample(SPHERE, 6000, 4L);
        DistanceColoring.Result r = DistanceColoring.apply(List.of(RenderItem.of("cloud.xyz", cloud)),
                new boolean[] {true}, TRUTH, "truth.ply", 0.4);
        BufferedImage img = Renderings.render(r.items(), options(r));
        Pictures.keep(img, "distance-cloud");
        int band = ColorBarPainter.bandHeight(H);
        int expected = ColorMap.VIRIDIS.at(0.25).toRgb24();
        int drawn = 0;
        int on = 0;
        for (int y = 0; y < H - band; y++) {
            for (int x = 0; x < W; x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                if (rgb != 0) {
                    drawn++;
                    on += maxChannelDifference(rgb, expected) <= 3 ? 1 : 0;
                }
            }
        }
        assertThat(drawn).isGreaterThan(W * H / 20);
        assertThat((double) on / drawn).as("splat pixels at the colour of 0.1 / 0.4").isGreaterThan(0.99);
    }

    @Test
    void everyModeOfAColouredMeshDrawsCleanlyWithAndWithoutAClip() {
        VulkanTesting.assumeVulkanWithValidation();
        DistanceColoring.Result r = DistanceColoring.apply(List.of(RenderItem.of("sphere.ply",
                new Sphere(1).toMesh(12))),
                new boolean[] {true}, TRUTH, "truth.ply", 0.2);
        for (RenderMode mode : RenderMode.values()) {
            for (ClipPlane clip : new ClipPlane[] {null, ClipPlane.parse("y")}) {
                BufferedImage img = Renderings.render(r.items(), options(r).withMode(mode).withClip(clip).withSize(96,
                        96));
                int drawn = 0;
                for (int y = 0; y < 96 - ColorBarPainter.bandHeight(96); y++) {
                    for (int x = 0; x < 96; x++) {
                        drawn += (img.getRGB(x, y) & 0xffffff) != 0 ? 1 : 0;
                    }
                }
                assertThat(drawn).as(mode + " clip " + clip).isGreaterThan(100);
            }
        }
    }

    static int maxChannelDifference(int a, int b) {
        int d = 0;
        for (int s = 0; s < 24; s += 8) {
            d = Math.max(d, Math.abs(((a >> s) & 255) - ((b >> s) & 255)));
        }
        return d;
    }
}
