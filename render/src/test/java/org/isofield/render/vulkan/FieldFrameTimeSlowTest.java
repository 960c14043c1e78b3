package org.isofield.render.vulkan;

import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.isofield.render.scene.Camera;
import org.isofield.render.scene.DrawStyle;
import org.isofield.render.scene.FieldSurface;
import org.isofield.render.scene.RenderMode;
import org.isofield.render.scene.Rgb;
import org.isofield.render.scene.View;
import org.isofield.render.testing.Pictures;
import org.isofield.render.testing.VulkanTesting;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measurement, not a check (run with {@code -Pslow}): the sphere-traced frame time of the field file named by the
 * system property {@code field.isf} (make one with {@code ./isofield fit ../shared/datasets/meshes/spot-lowres.obj -o
 * DIR/spot.isf --steps 200}), iso view, size {@code field.width} x {@code field.height} (default 320 x 240), in three
 * variants one after the other in one process: the plain tracer (whole cube marched, normals from 4 extra
 * evaluations), analytic normals only, and analytic normals with empty-space skipping (the default). Each variant is
 * timed over {@code field.frames} frames (default 1) after one warm-up frame of the default variant (shader compile
 * and the empty-space lattice, timed apart). Wall time and process CPU time are printed, never asserted. Skipped
 * without the property or the file.
 */
@Tag("slow")
class FieldFrameTimeSlowTest {
    @Test
    void measureFieldFrame() {
        String name = System.getProperty("field.isf");
        assumeThat(name).as("-Dfield.isf=FILE (see the class comment)").isNotNull();
        Path file = Path.of(name);
        assumeThat(Files.isRegularFile(file)).as("field file " + file).isTrue();
        VulkanTesting.assumeVulkanWithValidation();
        int w = Integer.getInteger("field.width", 320);
        int h = Integer.getInteger("field.height", 240);
        int frames = Integer.getInteger("field.frames", 1);
        FieldSurface field = FieldSurface.read(file);
        OperatingSystemMXBean os =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (VulkanContext ctx = VulkanContext.create(false); FieldTracer tracer = new FieldTracer(ctx, field)) {
            Camera cam = Camera.framing(field.bounds(), View.ISO, (double) w / h);
            DrawStyle style = DrawStyle.of(RenderMode.SHADED, Rgb.fromRgb24(0x26262e));
            long t0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            double occupied = tracer.occupiedFraction();
            System.out.printf(Locale.ROOT, "field %s (%d parameters) %dx%d on %s, %d dispatches per frame: "
                            + "empty-space lattice %d^3 cells, %.1f%% occupied, %.0f ms (%.0f ms CPU)%n", file,
                    field.field().paramCount(), w, h, ctx.physical().name(), tracer.passesPerFrame(),
                    FieldTracer.OCCUPANCY_RES, 100 * occupied, (System.nanoTime() - t0) * 1e-6,
                    (os.getProcessCpuTime() - c0) * 1e-6);
            t0 = System.nanoTime();
            Pictures.keep(tracer.render(cam, style, w, h), "field-frame-" + file.getFileName().toString()
                    .replace(".isf", ""));
            System.out.printf(Locale.ROOT, "  warm-up frame (shader compile) %.0f ms%n",
                    (System.nanoTime() - t0) * 1e-6);
            String[] names = {"plain (march the cube, 4-sample normals)", "analytic normals", "analytic normals + "
                + "empty-space skipping"};
            for (int v = 0; v < 3; v++) {
                tracer.setAnalyticNormals(v >= 1);
                tracer.setEmptySpaceSkipping(v == 2);
                long t1 = System.nanoTime();
                long c1 = os.getProcessCpuTime();
                for (int i = 0; i < frames; i++) {
                    Pictures.keep(tracer.render(cam, style, w, h), "field-frame-variant-" + v);
                }
                System.out.printf(Locale.ROOT, "  %s: %.0f ms/frame wall, %.0f ms/frame process CPU, over %d frames "
                                + "(load average %.1f)%n", names[v], (System.nanoTime() - t1) * 1e-6 / frames,
                        (os.getProcessCpuTime() - c1) * 1e-6 / frames, frames, os.getSystemLoadAverage());
            }
        }
    }
}
