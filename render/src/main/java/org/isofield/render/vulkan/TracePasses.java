package org.isofield.render.vulkan;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.isofield.core.ConfigException;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.render.scene.Camera;
import org.isofield.render.scene.DrawStyle;
import org.isofield.render.scene.FieldSlice;
import org.isofield.render.scene.FieldSurface;
import org.isofield.render.scene.Rgb;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkCommandBuffer;
import org.lwjgl.vulkan.VkMemoryBarrier;

/**
 * The push constants of {@code field_trace.comp} ({@link #push}) and how it is dispatched for one frame: on a
 * device without a loop budget one pass marches every ray to its end and shades it; on llvmpipe
 * ({@link LoopBudget}) the march is split into passes of at most {@link #evaluationsPerPass()} field evaluations
 * per ray, the rays kept in a buffer between them, and a last pass shades. Every ray ends within {@link
 * #MARCH_EVALUATIONS} evaluations, so the passes are a fixed number (passes
 * after a ray's end cost it only the load and store of its state).
 */
final class TracePasses {
    /** The most field evaluations of one ray's march: the steps, then the 10 halvings of a crossing. */
    static final int MARCH_EVALUATIONS = FieldTracer.MAX_STEPS + 10;
    /** Bytes of the push constants (the Vulkan minimum of {@code maxPushConstantsSize}; all in use). */
    static final int PUSH_BYTES = 128;
    /** Offset of the flags word ({@code image.z}) in the push constants. */
    static final int FLAGS_AT = 120;
    static final int FLAG_NORMALS = 1;
    static final int FLAG_RGBA = 2;
    static final int FLAG_SKIP = 4;
    static final int FLAG_ANALYTIC = 8;
    static final int FLAG_FIRST = 64;
    static final int FLAG_SHADE = 128;
    /** The flags word holds the pass's evaluations from this bit. */
    static final int EVALUATIONS_SHIFT = 16;

    private final boolean separateShading;
    private final boolean finiteDifferences;
    private final int evaluationsPerPass;
    private final int count;

    /**
     * The passes for {@code field} under {@code budget}; a field that does not fit is refused
     * ({@link LoopBudget#check}).
     */
    TracePasses(LoopBudget budget, FieldLayout field) {
        int maxJumps = FieldTracer.MAX_STEPS + 4 * FieldTracer.OCCUPANCY_RES;
        budget.check(field, maxJumps);
        separateShading = budget.limited();
        finiteDifferences = budget.fitsFiniteDifferences(field);
        evaluationsPerPass = (int) Math.min(budget.evaluationsPerPass(field, maxJumps), MARCH_EVALUATIONS);
        int march = (MARCH_EVALUATIONS + evaluationsPerPass - 1) / evaluationsPerPass;
        count = separateShading ? march + 1 : march;
    }

    /** Field evaluations per ray in a march pass. */
    int evaluationsPerPass() {
        return evaluationsPerPass;
    }

    /** Whether the shading pass may take normals from 4 evaluations instead of the analytic gradient. */
    boolean finiteDifferencesFit() {
        return finiteDifferences;
    }

    /** Refuses normals from 4 evaluations where they do not fit the device's loop budget. */
    void requireFiniteDifferences() {
        if (!finiteDifferences) {
            throw new ConfigException("network", "normals from 4 field evaluations exceed this device's shader loop "
                    + "limit (llvmpipe, " + LoopBudget.LLVMPIPE + " loop iterations per invocation) for this network; "
                    + "keep the analytic normals");
        }
    }

    /** Dispatches per frame. */
    int count() {
        return count;
    }

    /**
     * Bytes of the rays' buffer for {@code pixels}: 16 per pixel between passes; a single pass starts and shades
     * every ray in one dispatch and never touches it, so the binding gets a placeholder.
     */
    long rayBytes(long pixels) {
        return count > 1 ? 16 * pixels : 16;
    }

    /**
     * Records the passes of {@code trace} (bound already) with {@code push} (the frame's push constants, flags without
     * the pass bits), with a barrier between passes for the rays' buffer.
     */
    void record(VkCommandBuffer c, ComputeKernel trace, ByteBuffer push, int groupsX, int groupsY) {
        int flags = push.getInt(push.position() + FLAGS_AT);
        for (int p = 0; p < count; p++) {
            boolean last = p == count - 1;
            int evaluations = last && separateShading ? 0 : evaluationsPerPass;
            int passFlags = flags | (p == 0 ? FLAG_FIRST : 0) | (last ? FLAG_SHADE : 0)
                    | evaluations << EVALUATIONS_SHIFT;
            ByteBuffer b = ByteBuffer.allocateDirect(push.remaining()).order(ByteOrder.nativeOrder());
            b.put(push.duplicate()).flip();
            b.putInt(FLAGS_AT, passFlags);
            if (p > 0) {
                try (MemoryStack s = stackPush()) {
                    vkCmdPipelineBarrier(c, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT,
                            0,
                            VkMemoryBarrier.calloc(1, s).sType$Default().srcAccessMask(VK_ACCESS_SHADER_WRITE_BIT)
                                    .dstAccessMask(VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT), null, null);
                }
            }
            trace.record(c, b, groupsX, groupsY);
        }
    }

    /**
     * The push constants of a frame: the camera in the unit-cube coordinates of {@code surface}, colours, size, the
     * slice, {@code flags} ({@code FLAG_NORMALS} ... {@code FLAG_ANALYTIC}; the pass bits are added by {@link #record})
     * and the step limits.
     */
    static ByteBuffer push(FieldSurface surface, FieldSlice slice, Camera camera, DrawStyle style, int width,
                           int height, int flags) {
        Vec3d eye = surface.toUnit(camera.eye());
        Vec3d f = surface.toUnit(camera.target()).minus(eye);
        f = f.times(1 / f.length());
        Vec3d r = unit(cross(f, camera.up()));
        Vec3d u = cross(r, f);
        double ty = Math.tan(Math.toRadians(camera.fovYDegrees()) / 2);
        double tx = ty * width / height;
        ByteBuffer b = ByteBuffer.allocateDirect(PUSH_BYTES).order(ByteOrder.nativeOrder());
        put(b, 0, eye, 0.5 * ty / (0.5 * height));   // half a pixel's footprint per unit of distance
        put(b, 16, f, FieldTracer.SAFETY);
        put(b, 32, r.times(tx), FieldTracer.MIN_EPS);
        double centre = eye.minus(new Vec3d(0.5, 0.5, 0.5)).length();
        put(b, 48, u.times(ty), FieldSlice.isoSpacing(centre * 2 * ty / height));
        put(b, 64, camera.viewDirection(), slice == null ? 0 : slice.offset());
        Rgb c = style.surface();
        Rgb bg = style.background();
        b.putFloat(80, c.r()).putFloat(84, c.g()).putFloat(88, c.b()).putFloat(92, FieldTracer.OCCUPANCY_RES);
        b.putFloat(96, bg.r()).putFloat(100, bg.g()).putFloat(104, bg.b()).putFloat(108, 1f);
        int all = flags | (slice == null ? 0 : (slice.axis() + 1) << 4);
        b.putInt(112, width).putInt(116, height).putInt(FLAGS_AT, all).putInt(124, FieldTracer.MAX_STEPS);
        return b;
    }

    private static void put(ByteBuffer b, int at, Vec3d v, double w) {
        b.putFloat(at, (float) v.x()).putFloat(at + 4, (float) v.y()).putFloat(at + 8, (float) v.z())
                .putFloat(at + 12, (float) w);
    }

    private static Vec3d cross(Vec3d a, Vec3d b) {
        return new Vec3d(a.y() * b.z() - a.z() * b.y(), a.z() * b.x() - a.x() * b.z(), a.x() * b.y() - a.y() * b.x());
    }

    private static Vec3d unit(Vec3d v) {
        return v.times(1 / v.length());
    }
}
