package org.isofield.render.vulkan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.shapes.Sphere;
import org.isofield.render.scene.Camera;
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
 * A tessellated unit sphere from a fixed camera, against the analytic sphere: the covered pixels match the analytic
 * silhouette (at most 1% of pixels differ) and the colours of {@code normals} mode decode to the analytic normal
 * (mean angular error at most 2 degrees). Validation layer on; any warning or error fails.
 */
class SphereRenderTest {
    static final int W = 256;
    static final int H = 192;
    static final Camera CAMERA = new Camera(new Vec3d(1.2, 0.9, 3.6), Vec3d.ZERO, new Vec3d(0, 1, 0), 40, 1, 10);

    private static OffscreenRenderer renderer;
    private static GpuGeometry sphere;

    @BeforeAll
    static void open() {
        VulkanTesting.assumeVulkanWithValidation();
        renderer = OffscreenRenderer.open(true);
        TriangleMesh mesh = new Sphere(1).toMesh(64);
        sphere = renderer.upload(RenderItem.of("sphere", mesh));
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

    /** The analytic hit point of the ray through the centre of pixel (x, y), or null when it misses. */
    static double[] hit(int x, int y) {
        double[] e = {CAMERA.eye().x(), CAMERA.eye().y(), CAMERA.eye().z()};
        double[] f = normalize(new double[] {-e[0], -e[1], -e[2]});
        double[] r = normalize(cross(f, new double[] {0, 1, 0}));
        double[] u = cross(r, f);
        double ty = Math.tan(Math.toRadians(CAMERA.fovYDegrees()) / 2);
        double tx = ty * W / H;
        double sx = (2 * (x + 0.5) / W - 1) * tx;
        double sy = -(2 * (y + 0.5) / H - 1) * ty;
        double[] d = normalize(new double[] {f[0] + sx * r[0] + sy * u[0], f[1] + sx * r[1] + sy * u[1],
            f[2] + sx * r[2] + sy * u[2]});
        double b = e[0] * d[0] + e[1] * d[1] + e[2] * d[2];
        double c = e[0] * e[0] + e[1] * e[1] + e[2] * e[2] - 1;
        double disc = b * b - c;
        if (disc < 0) {
            return null;
        }
        double t = -b - Math.sqrt(disc);
        return new double[] {e[0] + t * d[0], e[1] + t * d[1], e[2] + t * d[2]};
    }

    @Test
    void silhouetteMatchesTheAnalyticSphere() {
        BufferedImage img = renderer.render(sphere, CAMERA, DrawStyle.of(RenderMode.SHADED, Rgb.BLACK), W, H);
        Pictures.keep(img, "sphere-shaded");
        int differ = 0;
        int inside = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean analytic = hit(x, y) != null;
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
        BufferedImage img = renderer.render(sphere, CAMERA, DrawStyle.of(RenderMode.NORMALS, Rgb.BLACK), W, H);
        Pictures.keep(img, "sphere-normals");
        double sum = 0;
        int n = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double[] p = hit(x, y);
                if (p == null || !Pictures.differs(img, x, y, 0)) {
                    continue;
                }
                int rgb = img.getRGB(x, y);
                double[] c = normalize(new double[] {((rgb >> 16) & 255) / 127.5 - 1, ((rgb >> 8) & 255) / 127.5 - 1,
                    (rgb & 255) / 127.5 - 1});
                double dot = Math.max(-1, Math.min(1, c[0] * p[0] + c[1] * p[1] + c[2] * p[2]));
                sum += Math.toDegrees(Math.acos(dot));
                n++;
            }
        }
        assertThat(n).isGreaterThan(W * H / 10);
        assertThat(sum / n).as("mean angular error in degrees").isLessThanOrEqualTo(2.0);
    }

    @Test
    void wireframeDrawsEdgesOverTheShadedSurface() {
        BufferedImage shaded;
        BufferedImage wire;
        try (GpuGeometry coarse = renderer.upload(RenderItem.of("coarse", new Sphere(1).toMesh(6)))) {
            shaded = renderer.render(coarse, CAMERA, DrawStyle.of(RenderMode.SHADED, Rgb.BLACK), W, H);
            wire = renderer.render(coarse, CAMERA, DrawStyle.of(RenderMode.WIREFRAME, Rgb.BLACK), W, H);
        }
        Pictures.keep(wire, "sphere-wireframe");
        int changed = 0;
        int inside = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (hit(x, y) != null) {
                    inside++;
                    changed += shaded.getRGB(x, y) != wire.getRGB(x, y) ? 1 : 0;
                }
            }
        }
        assertThat((double) changed / inside).as("fraction of the sphere's pixels on an edge").isBetween(0.05, 0.5);
    }

    static double[] normalize(double[] v) {
        double l = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / l, v[1] / l, v[2] / l};
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
