package org.isofield.render.vulkan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.Sphere;
import org.isofield.render.scene.Camera;
import org.isofield.render.scene.ClipPlane;
import org.isofield.render.scene.DrawStyle;
import org.isofield.render.scene.RenderItem;
import org.isofield.render.scene.RenderMode;
import org.isofield.render.scene.Rgb;
import org.isofield.render.testing.Pictures;
import org.isofield.render.testing.VulkanTesting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The clipping plane on a unit sphere seen from the front: cut at x = 0 the drawn pixels match the analytic half
 * silhouette (a pixel is covered when either of its ray's two sphere hits lies on the kept side), about half the
 * unclipped count; cut at z = 0 (the half facing the camera removed) every drawn pixel is an inside face in the cut
 * colour; a point cloud loses the splats on the removed side. Validation layer on.
 */
class ClipRenderTest {
    static final int W = 256;
    static final int H = 192;
    static final Camera FRONT = new Camera(new Vec3d(0.3, 0.2, 3.6), Vec3d.ZERO, new Vec3d(0, 1, 0), 40, 1, 10);
    static final Rgb BG = Rgb.BLACK;

    private static OffscreenRenderer renderer;
    private static GpuGeometry sphere;

    @BeforeAll
    static void open() {
        VulkanTesting.assumeVulkanWithValidation();
        renderer = OffscreenRenderer.open(true);
        sphere = renderer.upload(RenderItem.of("sphere", new Sphere(1).toMesh(64)));
    }

    @AfterAll
    static void close() {
        if (renderer != null) {
            sphere.close();
            List<String> messages = renderer.context().validationMessages();
            renderer.close();
            assertThat(messages).as("validation messages").isEmpty();
        }
    }

    /** The two hits {@code {near, far}} of the ray through pixel (x, y) with the unit sphere, or null. */
    static double[][] hits(int x, int y) {
        Vec3d e = FRONT.eye();
        double[] f = norm(new double[] {-e.x(), -e.y(), -e.z()});
        double[] r = norm(cross(f, new double[] {0, 1, 0}));
        double[] u = cross(r, f);
        double ty = Math.tan(Math.toRadians(FRONT.fovYDegrees()) / 2);
        double sx = (2 * (x + 0.5) / W - 1) * ty * W / H;
        double sy = -(2 * (y + 0.5) / H - 1) * ty;
        double[] d = norm(new double[] {f[0] + sx * r[0] + sy * u[0], f[1] + sx * r[1] + sy * u[1],
            f[2] + sx * r[2] + sy * u[2]});
        double b = e.x() * d[0] + e.y() * d[1] + e.z() * d[2];
        double c = e.x() * e.x() + e.y() * e.y() + e.z() * e.z() - 1;
        double disc = b * b - c;
        if (disc < 0) {
            return null;
        }
        double[][] out = new double[2][];
        for (int k = 0; k < 2; k++) {
            double t = -b + (k == 0 ? -1 : 1) * Math.sqrt(disc);
            out[k] = new double[] {e.x() + t * d[0], e.y() + t * d[1], e.z() + t * d[2]};
        }
        return out;
    }

    private static int count(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                n += (img.getRGB(x, y) & 0xffffff) != 0 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void cuttingAtTheCentreHalvesTheSilhouette() {
        DrawStyle plain = DrawStyle.of(RenderMode.SHADED, BG);
        BufferedImage full = renderer.render(sphere, FRONT, plain, W, H);
        BufferedImage cut = renderer.render(sphere, FRONT, plain.withClip(ClipPlane.parse("x,0")), W, H);
        Pictures.keep(cut, "clip-x");
        assertThat(offAnalytic(cut, 1)).as("fraction of pixels off the analytic half x <= 0").isLessThanOrEqualTo(0.01);
        assertThat((double) count(cut) / count(full)).as("clipped / full coverage").isBetween(0.4, 0.6);
        BufferedImage other = renderer.render(sphere, FRONT, plain.withClip(ClipPlane.parse("-x,0")), W, H);
        assertThat(offAnalytic(other,
                -1)).as("fraction of pixels off the analytic half x >= 0").isLessThanOrEqualTo(0.01);
    }

    /** The fraction of pixels where the image and the analytic sphere cut by {@code sign * x > 0} disagree. */
    private static double offAnalytic(BufferedImage img, int sign) {
        int differ = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double[][] h = hits(x, y);
                boolean analytic = h != null && (sign * h[0][0] <= 0 || sign * h[1][0] <= 0);
                boolean drawn = (img.getRGB(x, y) & 0xffffff) != 0;
                differ += analytic != drawn ? 1 : 0;
            }
        }
        return (double) differ / (W * H);
    }

    @Test
    void theCutShowsInsideFacesInTheCutColour() {
        DrawStyle plain = DrawStyle.of(RenderMode.SHADED, BG);
        BufferedImage full = renderer.render(sphere, FRONT, plain, W, H);
        BufferedImage cut = renderer.render(sphere, FRONT, plain.withClip(ClipPlane.parse("z,0")), W, H);
        Pictures.keep(cut, "clip-z");
        assertThat(orangeShare(full)).as("unclipped: outside faces in the surface grey").isLessThan(0.01);
        assertThat(orangeShare(cut)).as("cut facing the camera: inside faces in the cut colour").isGreaterThan(0.99);
        assertThat(count(cut)).isGreaterThan(count(full) * 9 / 10);
    }

    @Test
    void pointCloudsLoseTheRemovedSide() {
        try (GpuGeometry cloud = renderer.upload(RenderItem.of("cloud",
                SurfaceSampler.sample(new Sphere(1).toMesh(32), 8000, 5L)))) {
            DrawStyle plain = DrawStyle.of(RenderMode.SHADED, BG);
            BufferedImage full = renderer.render(cloud, FRONT, plain, W, H);
            BufferedImage cut = renderer.render(cloud, FRONT, plain.withClip(ClipPlane.parse("-y,0.5")), W, H);
            Pictures.keep(cut, "clip-cloud");
            int below = 0;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    double[][] h = hits(x, y);
                    if (h != null && h[0][1] < 0.3 && h[1][1] < 0.3 && (cut.getRGB(x, y) & 0xffffff) != 0) {
                        below++;
                    }
                }
            }
            assertThat(below).as("splat pixels where the whole ray is below y = 0.3").isZero();
            assertThat(count(cut)).isBetween(count(full) / 10, count(full) / 2);
        }
    }

    /** Share of drawn pixels whose green is under 0.75 of their red (the cut colour; the surface grey is ~0.95). */
    private static double orangeShare(BufferedImage img) {
        int drawn = 0;
        int orange = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                if (rgb != 0) {
                    drawn++;
                    orange += ((rgb >> 8) & 255) < 0.75 * ((rgb >> 16) & 255) ? 1 : 0;
                }
            }
        }
        return (double) orange / drawn;
    }

    static double[] norm(double[] v) {
        double l = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / l, v[1] / l, v[2] / l};
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
