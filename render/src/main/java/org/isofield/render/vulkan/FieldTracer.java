package org.isofield.render.vulkan;

import static org.isofield.render.vulkan.VkCheck.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.function.Consumer;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.render.scene.Camera;
import org.isofield.render.scene.DrawStyle;
import org.isofield.render.scene.FieldSurface;
import org.isofield.render.scene.RenderMode;
import org.isofield.render.scene.Rgb;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.*;

/**
 * A neural field on the device, sphere-traced by {@code field_trace.comp} into an image, or evaluated at points by
 * {@code field_eval.comp} (the same encoding and MLP includes; the parity check against the CPU field). The config
 * is a uniform block and the grid and MLP parameters are fp32 storage buffers ({@link FieldLayout}); a frame is one
 * dispatch, one submit and one wait. Uses, but does not own, a {@link VulkanContext}; not thread-safe.
 */
public final class FieldTracer implements AutoCloseable {
    /** The most sphere-tracing steps per ray. */
    public static final int MAX_STEPS = 160;
    /** Each step goes this fraction of the field value (a learned SDF over- or underestimates the distance). */
    public static final float SAFETY = 0.8f;
    /** The smallest hit tolerance, in unit-cube units. */
    public static final float MIN_EPS = 1e-4f;
    static final int TRACE_PUSH_BYTES = 128;
    private static final int U = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER;
    private static final int S = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;

    private final VulkanContext ctx;
    private final FieldSurface surface;
    private final GpuBuffer config;
    private final GpuBuffer grid;
    private final GpuBuffer mlp;
    private final VkCommandBuffer cmd;
    private final long fence;
    private ComputeKernel trace;

    /** Checks that the field is supported ({@link FieldLayout}) and uploads it. */
    public FieldTracer(VulkanContext ctx, FieldSurface surface) {
        this.ctx = ctx;
        this.surface = surface;
        FieldLayout layout = FieldLayout.of(surface.field());
        config = GpuBuffer.uniform(ctx, layout.config());
        grid = GpuBuffer.storage(ctx, layout.grid());
        mlp = GpuBuffer.storage(ctx, layout.mlp());
        try (MemoryStack s = stackPush()) {
            PointerBuffer p = s.mallocPointer(1);
            check(vkAllocateCommandBuffers(ctx.device(), VkCommandBufferAllocateInfo.calloc(s).sType$Default()
                    .commandPool(ctx.commandPool()).level(VK_COMMAND_BUFFER_LEVEL_PRIMARY).commandBufferCount(1), p),
                    "vkAllocateCommandBuffers");
            cmd = new VkCommandBuffer(p.get(0), ctx.device());
            java.nio.LongBuffer lp = s.mallocLong(1);
            check(vkCreateFence(ctx.device(), VkFenceCreateInfo.calloc(s).sType$Default(), null, lp), "vkCreateFence");
            fence = lp.get(0);
        }
    }

    /** The field at {@code n} unit-cube points ({@code 3n} coordinates), computed by the shader. */
    public float[] evaluate(float[] xyz, int n) {
        if (n < 1 || xyz.length < 3L * n) {
            throw new IllegalArgumentException(n + " points in " + xyz.length + " coordinates; expected 1 or more");
        }
        float[] pts = xyz.length == 3 * n ? xyz : java.util.Arrays.copyOf(xyz, 3 * n);
        try (ComputeKernel eval = new ComputeKernel(ctx, "field_eval.comp", new int[] {U, S, S, S, S}, 4);
             GpuBuffer in = GpuBuffer.storage(ctx, pts);
             GpuBuffer out = GpuBuffer.storageReadback(ctx, 4L * n)) {
            eval.bind(config, grid, mlp, in, out);
            ByteBuffer push = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putInt(0, n);
            submit(c -> eval.record(c, push, (n + 63) / 64, 1));
            float[] values = new float[n];
            out.read().order(ByteOrder.nativeOrder()).asFloatBuffer().get(values);
            return values;
        }
    }

    /** Sphere-traces the field seen by {@code camera} into a {@code width x height} image. */
    public BufferedImage render(Camera camera, DrawStyle style, int width, int height) {
        if (width < 1 || height < 1 || width > 16384 || height > 16384) {
            throw new IllegalArgumentException("image size " + width + "x" + height + "; expected 1 to 16384 per side");
        }
        if (trace == null) {
            trace = new ComputeKernel(ctx, "field_trace.comp", new int[] {U, S, S, S}, TRACE_PUSH_BYTES);
        }
        try (GpuBuffer pixels = GpuBuffer.storageReadback(ctx, 4L * width * height)) {
            trace.bind(config, grid, mlp, pixels);
            ByteBuffer push = pushConstants(camera, style, width, height);
            submit(c -> trace.record(c, push, (width + 7) / 8, (height + 7) / 8));
            IntBuffer px = pixels.read().order(ByteOrder.nativeOrder()).asIntBuffer();
            int[] rgb = new int[width * height];
            px.get(rgb);
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            img.setRGB(0, 0, width, height, rgb, 0, width);
            return img;
        }
    }

    /** The trace shader's push constants: the camera in unit-cube coordinates, colours, size, mode and limits. */
    ByteBuffer pushConstants(Camera camera, DrawStyle style, int width, int height) {
        Vec3d eye = surface.toUnit(camera.eye());
        Vec3d f = surface.toUnit(camera.target()).minus(eye);
        f = f.times(1 / f.length());
        Vec3d r = unit(cross(f, camera.up()));
        Vec3d u = cross(r, f);
        double ty = Math.tan(Math.toRadians(camera.fovYDegrees()) / 2);
        double tx = ty * width / height;
        ByteBuffer b = ByteBuffer.allocateDirect(TRACE_PUSH_BYTES).order(ByteOrder.nativeOrder());
        put(b, 0, eye, 0.5 * ty / (0.5 * height));   // half a pixel's footprint per unit of distance
        put(b, 16, f, SAFETY);
        put(b, 32, r.times(tx), MIN_EPS);
        put(b, 48, u.times(ty), 0);
        put(b, 64, camera.viewDirection(), 0);
        Rgb c = style.surface();
        Rgb bg = style.background();
        b.putFloat(80, c.r()).putFloat(84, c.g()).putFloat(88, c.b()).putFloat(92, 1f);
        b.putFloat(96, bg.r()).putFloat(100, bg.g()).putFloat(104, bg.b()).putFloat(108, 1f);
        b.putInt(112, width).putInt(116, height).putInt(120, style.mode() == RenderMode.NORMALS ? 1 : 0)
                .putInt(124, MAX_STEPS);
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

    /** Records with {@code body}, adds a shader-write to host-read barrier, submits and waits. */
    private void submit(Consumer<VkCommandBuffer> body) {
        try (MemoryStack s = stackPush()) {
            check(vkBeginCommandBuffer(cmd, VkCommandBufferBeginInfo.calloc(s).sType$Default()
                    .flags(VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT)), "vkBeginCommandBuffer");
            body.accept(cmd);
            vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0,
                    VkMemoryBarrier.calloc(1, s).sType$Default().srcAccessMask(VK_ACCESS_SHADER_WRITE_BIT)
                            .dstAccessMask(VK_ACCESS_HOST_READ_BIT), null, null);
            check(vkEndCommandBuffer(cmd), "vkEndCommandBuffer");
            check(vkResetFences(ctx.device(), s.longs(fence)), "vkResetFences");
            check(vkQueueSubmit(ctx.queue(), VkSubmitInfo.calloc(s).sType$Default().pCommandBuffers(s.pointers(cmd)),
                    fence), "vkQueueSubmit");
            check(vkWaitForFences(ctx.device(), s.longs(fence), true, Long.MAX_VALUE), "vkWaitForFences");
        }
    }

    @Override
    public void close() {
        vkDeviceWaitIdle(ctx.device());
        if (trace != null) {
            trace.close();
        }
        vkDestroyFence(ctx.device(), fence, null);
        vkFreeCommandBuffers(ctx.device(), ctx.commandPool(), cmd);
        mlp.close();
        grid.close();
        config.close();
    }
}
