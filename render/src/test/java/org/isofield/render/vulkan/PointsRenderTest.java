package org.isofield.render.vulkan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.sample.SurfaceSampler;
import org.isofield.datasets.shapes.Sphere;
import org.isofield.render.scene.DrawStyle;
import org.isofield.render.scene.RenderItem;
import org.isofield.render.scene.RenderMode;
import org.isofield.render.scene.Rgb;
import org.isofield.render.testing.Pictures;
import org.isofield.render.testing.VulkanTesting;
import org.junit.jupiter.api.Test;

/**
 * Point splats: 20k seeded samples of the unit sphere cover its silhouette almost without gaps and stay inside it,
 * with and without normals. Validation layer on.
 */
class PointsRenderTest {
    private static final int W = SphereRenderTest.W;
    private static final int H = SphereRenderTest.H;

    @Test
    void splatsCoverTheSilhouetteWithAndWithoutNormals() {
        VulkanTesting.assumeVulkanWithValidation();
        PointCloud bare = SurfaceSampler.sample(new Sphere(1).toMesh(32), 20_000, 7L);
        float[] p = bare.positions();
        float[] n = new float[p.length];
        for (int i = 0; i < p.length; i += 3) {
            double len = Math.sqrt(p[i] * p[i] + p[i + 1] * p[i + 1] + p[i + 2] * p[i + 2]);
            for (int a = 0; a < 3; a++) {
                n[i + a] = (float) (p[i + a] / len);
            }
        }
        PointCloud withNormals = bare.withNormals(n);
        try (OffscreenRenderer r = OffscreenRenderer.open(true)) {
            for (PointCloud cloud : new PointCloud[] {withNormals, bare}) {
                BufferedImage img;
                try (GpuGeometry g = r.upload(RenderItem.of("points", cloud))) {
                    assertThat(g.spacing()).isBetween(0.02, 0.035);
                    img = r.render(g, SphereRenderTest.CAMERA, DrawStyle.of(RenderMode.SHADED, Rgb.BLACK), W, H);
                }
                Pictures.keep(img, cloud.hasNormals() ? "points-normals" : "points-bare");
                int inside = 0;
                int covered = 0;
                int outside = 0;
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        boolean drawn = Pictures.differs(img, x, y, 0);
                        if (SphereRenderTest.hit(x, y) != null) {
                            inside++;
                            covered += drawn ? 1 : 0;
                        } else {
                            outside += drawn ? 1 : 0;
                        }
                    }
                }
                assertThat((double) covered / inside).as("covered fraction of the silhouette").isGreaterThan(0.95);
                assertThat((double) outside / inside).as("drawn pixels outside, relative to inside").isLessThan(0.1);
            }
            assertThat(r.context().validationMessages()).as("validation messages").isEmpty();
        }
    }

    @Test
    void meshInPointsModeDrawsItsVertices() {
        VulkanTesting.assumeVulkanWithValidation();
        try (OffscreenRenderer r = OffscreenRenderer.open(true)) {
            BufferedImage img;
            try (GpuGeometry g = r.upload(RenderItem.of("sphere", new Sphere(1).toMesh(16)))) {
                img = r.render(g, SphereRenderTest.CAMERA, DrawStyle.of(RenderMode.POINTS, Rgb.BLACK), W, H);
            }
            Pictures.keep(img, "mesh-points");
            int drawn = 0;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    drawn += Pictures.differs(img, x, y, 0) ? 1 : 0;
                }
            }
            assertThat(drawn).isGreaterThan(W * H / 20);
            assertThat(r.context().validationMessages()).as("validation messages").isEmpty();
        }
    }
}
