package org.isofield.render.vulkan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.assertj.core.data.Offset;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.render.scene.DrawStyle;
import org.isofield.render.scene.FieldSlice;
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
 * most 1% of pixels differ) and the normals of {@code normals} mode (mean error at most 2 degrees, analytic gradient),
 * the same with empty-space skipping and finite-difference normals off, and the distance slice through the centre
 * against the analytic distance. Validation layer on; any warning or error fails.
 */
class FieldRenderTest {
    static final int W = SphereRenderTest.W;
    static final int H = SphereRenderTest.H;
    private static VulkanContext ctx;
    private static FieldTracer tracer;

    @BeforeAll
    static void open() {
        ctx = VulkanTesting.openWithValidation();
        FieldSurface sphere = TestFields.sphere(0.3, 48, 0.3, new Vec3d(0.5, 0.5, 0.5));
        tracer = new FieldTracer(ctx, sphere);
    }

    @AfterAll
    static void close() {
        if (tracer != null) {
            tracer.close();
        }
        VulkanTesting.closeWithoutMessages(ctx);
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
        assertThat(out[0]).isCloseTo(-0.3f, Offset.offset(2e-3f));
        assertThat(out[1]).isCloseTo(0f, Offset.offset(2e-3f));
        assertThat(out[2]).isCloseTo((float) (Math.sqrt(3 * 0.16) - 0.3), Offset.offset(2e-3f));
    }

    @Test
    void skippingAndFiniteDifferencesChangeNoPixelsThatMatter() {
        DrawStyle normals = DrawStyle.of(RenderMode.NORMALS, Rgb.BLACK);
        BufferedImage fast = tracer.render(SphereRenderTest.CAMERA, normals, W, H);
        double occupied = tracer.occupiedFraction();
        assertThat(occupied).as("occupied fraction of the lattice (a thin shell)").isBetween(0.02, 0.4);
        BufferedImage slow;
        try {
            tracer.setEmptySpaceSkipping(false);
            tracer.setAnalyticNormals(false);
            slow = tracer.render(SphereRenderTest.CAMERA, normals, W, H);
        } finally {
            tracer.setEmptySpaceSkipping(true);
            tracer.setAnalyticNormals(true);
        }
        int covered = 0;
        int coverageDiffers = 0;
        int colourDiffers = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean a = Pictures.differs(fast, x, y, 0);
                boolean b = Pictures.differs(slow, x, y, 0);
                covered += a ? 1 : 0;
                coverageDiffers += a != b ? 1 : 0;
                colourDiffers += a && b && apart(fast.getRGB(x, y), slow.getRGB(x, y), 6) ? 1 : 0;
            }
        }
        assertThat(covered).isGreaterThan(W * H / 10);
        assertThat(coverageDiffers).as("pixels covered in one image only").isLessThanOrEqualTo(W * H / 500);
        assertThat(colourDiffers).as("normal colours more than 6 levels apart").isLessThanOrEqualTo(covered / 100);
    }

    /** Whether two colours differ by more than {@code tol} levels in some channel. */
    private static boolean apart(int a, int b, int tol) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((a >> shift & 255) - (b >> shift & 255)) > tol) {
                return true;
            }
        }
        return false;
    }

    /** The world point where the ray through pixel (x, y) meets the plane z = 0, or null. */
    private static double[] planeHit(int x, int y) {
        double[] e = {SphereRenderTest.CAMERA.eye().x(), SphereRenderTest.CAMERA.eye().y(),
            SphereRenderTest.CAMERA.eye().z()};
        double[] f = SphereRenderTest.normalize(new double[] {-e[0], -e[1], -e[2]});
        double[] r = SphereRenderTest.normalize(SphereRenderTest.cross(f, new double[] {0, 1, 0}));
        double[] u = SphereRenderTest.cross(r, f);
        double ty = Math.tan(Math.toRadians(SphereRenderTest.CAMERA.fovYDegrees()) / 2);
        double sx = (2 * (x + 0.5) / W - 1) * ty * W / H;
        double sy = -(2 * (y + 0.5) / H - 1) * ty;
        double[] d = SphereRenderTest.normalize(new double[] {f[0] + sx * r[0] + sy * u[0], f[1] + sx * r[1]
                + sy * u[1],
            f[2] + sx * r[2] + sy * u[2]});
        double t = -e[2] / d[2];
        return t > 0 ? new double[] {e[0] + t * d[0], e[1] + t * d[1], t, d[2]} : null;
    }

    /** The slice z = 0.5 (world z = 0, through the centre) seen from the front: colours follow the analytic distance.
     * */
    @Test
    void distanceSliceShowsTheAnalyticDistance() {
        BufferedImage img;
        try {
            tracer.setSlice(new FieldSlice(2, 0.5));
            img = tracer.render(SphereRenderTest.CAMERA, DrawStyle.of(RenderMode.SHADED, Rgb.BLACK), W, H);
        } finally {
            tracer.setSlice(null);
        }
        Pictures.keep(img, "field-sphere-slice");
        double ty = Math.tan(Math.toRadians(SphereRenderTest.CAMERA.fovYDegrees()) / 2);
        double centre = 0.3 * Math.sqrt(1.2 * 1.2 + 0.9 * 0.9 + 3.6 * 3.6);   // eye to the cube's middle, unit cube
        float spacing = FieldSlice.isoSpacing(centre * 2 * ty / H);
        assertThat(spacing).as("iso-line spacing at 256x192").isEqualTo(0.05f);
        int signed = 0;
        int signedRight = 0;
        int zero = 0;
        int zeroBlack = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double[] p = planeHit(x, y);
                if (p == null || Math.abs(p[0]) > 1.6 || Math.abs(p[1]) > 1.6) {
                    continue;
                }
                double d = 0.3 * (Math.hypot(p[0], p[1]) - 1);           // unit-cube distance
                double pixel = 0.3 * 2 * p[2] * ty / H / Math.abs(p[3]);   // unit-cube size of the pixel on the plane
                int rgb = img.getRGB(x, y);
                int red = (rgb >> 16) & 255;
                int blue = rgb & 255;
                double line = Math.abs(d - spacing * Math.round(d / spacing));
                if (Math.abs(d) > 0.02 && line > 1.5 * pixel) {
                    signed++;
                    signedRight += d > 0 ? (red > blue + 20 ? 1 : 0) : (blue > red + 20 ? 1 : 0);
                } else if (Math.abs(d) < 0.4 * pixel) {
                    zero++;
                    zeroBlack += (rgb & 0xffffff) == 0 ? 1 : 0;
                }
            }
        }
        assertThat(signed).as("pixels off the lines").isGreaterThan(W * H / 4);
        assertThat(signedRight).as("of %d, those coloured by the sign",
                signed).isGreaterThanOrEqualTo(signed * 99 / 100);
        assertThat(zero).as("pixels on the zero line").isGreaterThan(100);
        assertThat(zeroBlack).as("of %d, the black ones", zero).isGreaterThanOrEqualTo(zero * 95 / 100);
    }
}
