package org.isofield.render.vulkan;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.image.BufferedImage;
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
 * Measurement, not a check (run with {@code -Pslow}): the time of one sphere-traced 1280x960 frame of the field file
 * named by the system property {@code field.isf} (default {@code /tmp/f/spot.isf}; make it with {@code ./isofield fit
 * ../shared/datasets/meshes/spot-lowres.obj -o /tmp/f/spot.isf --steps 20}), after one warm-up frame (which
 * includes the driver's shader compile), over {@code field.frames} frames (default 2; 0 reports the first frame
 * only); size {@code field.width} x {@code field.height} (default 1280 x 960); printed, never asserted.
 * Skipped when the file is missing.
 */
@Tag("slow")
class FieldFrameTimeSlowTest {
    @Test
    void measureFieldFrame() {
        Path file = Path.of(System.getProperty("field.isf", "/tmp/f/spot.isf"));
        assumeThat(Files.isRegularFile(file)).as("field file " + file + " (see the class comment)").isTrue();
        VulkanTesting.assumeVulkanWithValidation();
        int w = Integer.getInteger("field.width", 1280);
        int h = Integer.getInteger("field.height", 960);
        int frames = Integer.getInteger("field.frames", 2);
        FieldSurface field = FieldSurface.read(file);
        try (VulkanContext ctx = VulkanContext.create(false); FieldTracer tracer = new FieldTracer(ctx, field)) {
            Camera cam = Camera.framing(field.bounds(), View.ISO, (double) w / h);
            DrawStyle style = DrawStyle.of(RenderMode.SHADED, Rgb.fromRgb24(0x26262e));
            long t0 = System.nanoTime();
            BufferedImage img = tracer.render(cam, style, w, h);
            double first = (System.nanoTime() - t0) * 1e-9;
            Pictures.keep(img, "field-frame-" + file.getFileName().toString().replace(".isf", ""));
            long t1 = System.nanoTime();
            for (int i = 0; i < frames; i++) {
                tracer.render(cam, style, w, h);
            }
            double per = frames > 0 ? (System.nanoTime() - t1) * 1e-9 / frames : Double.NaN;
            System.out.printf(Locale.ROOT, "field %s (%d parameters) %dx%d on %s: %.0f ms/frame over %d frames "
                            + "(first frame with the shader compile %.0f ms; load average %.1f)%n", file,
                    field.field().paramCount(), w, h, ctx.physical().name(), 1e3 * per, frames, 1e3 * first,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
