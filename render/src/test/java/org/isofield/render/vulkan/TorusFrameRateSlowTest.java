package org.isofield.render.vulkan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.shapes.Torus;
import org.isofield.render.scene.Camera;
import org.isofield.render.scene.ClipPlane;
import org.isofield.render.scene.DrawStyle;
import org.isofield.render.scene.RenderItem;
import org.isofield.render.scene.RenderMode;
import org.isofield.render.scene.Rgb;
import org.isofield.render.scene.View;
import org.isofield.render.testing.Pictures;
import org.isofield.render.testing.VulkanTesting;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measurement, not a check (run with {@code -Pslow}): frames per second of a 1280x960 offscreen frame (render pass
 * plus copy into host memory) of a tessellated torus of about one million triangles, after upload and three warm-up
 * frames, averaged over ten frames; printed, never asserted. Also the shaded frame of the colour-mapped variant
 * (per-vertex colour-map values, as {@code --error-to} draws) and of the clipping-plane variant (cut at the centre).
 */
@Tag("slow")
class TorusFrameRateSlowTest {
    @Test
    void measureOneMillionTriangleFrame() {
        VulkanTesting.assumeVulkanWithValidation();
        TriangleMesh torus = new Torus(1, 0.35).toMesh(Integer.getInteger("torus.res", 514));
        try (OffscreenRenderer r = OffscreenRenderer.open(false)) {
            float[] scalars = new float[torus.vertexCount()];
            for (int i = 0; i < scalars.length; i++) {
                scalars[i] = (i % 1000) / 1000f;
            }
            try (GpuGeometry plain = r.upload(RenderItem.of("torus", torus));
                 GpuGeometry mapped = r.upload(RenderItem.of("torus", torus).withScalars(scalars))) {
                Camera cam = Camera.framing(torus.bounds(), View.ISO, 1280.0 / 960);
                String[] variants = {"shaded", "normals", "shaded+colour-map", "shaded+clip"};
                for (String variant : variants) {
                    RenderMode mode = variant.equals("normals") ? RenderMode.NORMALS : RenderMode.SHADED;
                    GpuGeometry g = variant.endsWith("colour-map") ? mapped : plain;
                    DrawStyle style = DrawStyle.of(mode, Rgb.fromRgb24(0x26262e))
                            .withClip(variant.endsWith("clip") ? ClipPlane.parse("x").at(torus.bounds()) : null);
                    for (int i = 0; i < 3; i++) {
                        r.draw(g, cam, style, 1280, 960);
                    }
                    int frames = 10;
                    double cpu0 = processCpuSeconds();
                    long t0 = System.nanoTime();
                    for (int i = 0; i < frames; i++) {
                        r.draw(g, cam, style, 1280, 960);
                    }
                    double seconds = (System.nanoTime() - t0) * 1e-9;
                    double cpu = processCpuSeconds() - cpu0;
                    long t1 = System.nanoTime();
                    var img = r.render(g, cam, style, 1280, 960);
                    double withImage = (System.nanoTime() - t1) * 1e-9;
                    Pictures.keep(img, "torus-1m-" + variant);
                    System.out.printf(Locale.ROOT,
                            "torus %d triangles, %s 1280x960 on %s: %.2f frames/s (%.1f ms/frame), "
                                    + "one frame + BufferedImage %.1f ms; process CPU %.2f s per frame (load average "
                                    + "%.1f)%n", torus.faceCount(),
                            variant, r.context().physical().name(), frames / seconds, 1e3 * seconds / frames,
                            1e3 * withImage, cpu / frames,
                            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                }
                printThreadCpu();
            }
        }
        assertThat(torus.faceCount()).isPositive();
    }

    /** CPU seconds of the busiest threads of this process by name (lavapipe's queue and llvmpipe's rasterisers). */
    static void printThreadCpu() {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            Map<String, Double> byName = new TreeMap<>();
            tasks.forEach(t -> {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    byName.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, Double::sum);
                } catch (IOException e) {
                    // thread ended
                }
            });
            byName.entrySet().stream().filter(e -> e.getValue() > 0.2)
                    .forEach(e -> System.out.printf(Locale.ROOT, "thread %-20s %6.2f s%n", e.getKey(), e.getValue()));
        } catch (IOException e) {
            System.out.println("no /proc/self/task: " + e);
        }
    }

    /** User + system CPU time of the whole process (all threads, lavapipe's included), from /proc/self/stat. */
    static double processCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;   // utime, stime in clock ticks
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
