package org.isofield.render.vulkan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.render.scene.DrawStyle;
import org.isofield.render.scene.FieldSurface;
import org.isofield.render.scene.RenderMode;
import org.isofield.render.scene.Rgb;
import org.isofield.render.testing.Pictures;
import org.isofield.render.testing.TestFields;
import org.isofield.render.testing.VulkanTesting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A neural field set analytically to the unit sphere (radius 0.3 around the unit cube's centre, world scale 0.3),
 * sphere-traced from {@link SphereRenderTest}'s camera at its size: the silhouette against the analytic sphere (at
 * most 1% of pixels differ) and the normals of {@code normals} mode (mean error at most 2 degrees). Validation layer
 * on; any warning or error fails.
 */
class FieldRenderTest {
    static final int W = SphereRenderTest.W;
    static final int H = SphereRenderTest.H;
    private static VulkanContext ctx;
    private static FieldTracer tracer;

    @BeforeAll
    static void open() {
        VulkanTesting.assumeVulkanWithValidation();
        ctx = VulkanContext.create(true);
        FieldSurface sphere = TestFields.sphere(0.3, 48, 0.3, new Vec3d(0.5, 0.5, 0.5));
        tracer = new FieldTracer(ctx, sphere);
    }

    @AfterAll
    static void close() {
        if (ctx != null) {
            if (tracer != null) {
                tracer.close();
            }
            java.util.List<String> messages = ctx.validationMessages();
            ctx.close();
            assertThat(messages).as("validation messages").isEmpty();
        }
    }

    @Test
    void silhouetteMatchesTheAnalyticSphere() {
        BufferedImage img = tracer.render(SphereRenderTest.CAMERA, DrawStyle.of(RenderMode.SHADED, Rgb.BLACK), W, H);
        Pictures.keep(img, "field-sphere-shaded");
        int differ = 0;
        int inside = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean analytic = SphereRenderTest.hit(x, y) != null;
                boolean drawn = Pictures.differs(img, x, y, 0);
                inside += analytic ? 1 : 0;
                differ += analytic != drawn ? 1 : 0;
            }
        }
        assertThat(inside).as("pixels the sphere covers").isGreaterThan(W * H / 10);
        assertThat((double) differ / (W * H)).as("fraction of pixels that differ").isLessThanOrEqualTo(0.01);
    }

    @Test
    void normalsModeEncodesTheAnalyticNormals() {
        BufferedImage img = tracer.render(SphereRenderTest.CAMERA, DrawStyle.of(RenderMode.NORMALS, Rgb.BLACK), W, H);
        Pictures.keep(img, "field-sphere-normals");
        double sum = 0;
        int n = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double[] p = SphereRenderTest.hit(x, y);
                if (p == null || !Pictures.differs(img, x, y, 0)) {
                    continue;
                }
                int rgb = img.getRGB(x, y);
                double[] c = SphereRenderTest.normalize(new double[] {((rgb >> 16) & 255) / 127.5 - 1,
                    ((rgb >> 8) & 255) / 127.5 - 1, (rgb & 255) / 127.5 - 1});
                double dot = Math.max(-1, Math.min(1, c[0] * p[0] + c[1] * p[1] + c[2] * p[2]));
                sum += Math.toDegrees(Math.acos(dot));
                n++;
            }
        }
        assertThat(n).isGreaterThan(W * H / 10);
        assertThat(sum / n).as("mean angular error in degrees").isLessThanOrEqualTo(2.0);
    }

    @Test
    void cpuFieldIsTheSphereDistance() {
        float[] xyz = {0.5f, 0.5f, 0.5f, 0.8f, 0.5f, 0.5f, 0.9f, 0.9f, 0.9f};
        float[] out = new float[3];
        tracer.evaluate(xyz, 3);
        TestFields.sphere(0.3, 48, 0.3, Vec3d.ZERO).field().evaluate(xyz, 3, out);
        assertThat(out[0]).isCloseTo(-0.3f, org.assertj.core.data.Offset.offset(2e-3f));
        assertThat(out[1]).isCloseTo(0f, org.assertj.core.data.Offset.offset(2e-3f));
        assertThat(out[2]).isCloseTo((float) (Math.sqrt(3 * 0.16) - 0.3), org.assertj.core.data.Offset.offset(2e-3f));
    }
}
