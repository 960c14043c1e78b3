package org.isofield.render.vulkan;

import static org.isofield.render.vulkan.VkCheck.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.function.Consumer;
import org.isofield.render.scene.Camera;
import org.isofield.render.scene.DrawStyle;
import org.isofield.render.scene.FieldSlice;
import org.isofield.render.scene.FieldSurface;
import org.isofield.render.scene.RenderMode;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.*;

/**
 * A neural field on the device, sphere-traced by {@code field_trace.comp} into an image (or into a tile of a window's
 * image, {@link #recordInto}), or evaluated at points by {@code field_eval.comp} (the same encoding and MLP includes;
 * the parity check against the CPU field). The config is a uniform block and the grid and MLP parameters are fp32
 * storage buffers ({@link FieldLayout}); a frame is one dispatch, or on llvmpipe a fixed number of them that continue
 * the rays' march ({@link TracePasses}, {@link LoopBudget}). Before the first frame that skips empty space the field
 * is evaluated once on a {@value #OCCUPANCY_RES}^3-cell lattice ({@link FieldOccupancy}) so that rays jump over cells
 * without surface; normals are the analytic gradient. Both can be switched off (for measurements). The field's
 * {@link FieldSlice}, if any, is drawn ({@link #setSlice}). Uses, but does not own, a {@link VulkanContext}; not
 * thread-safe.
 */
public final class FieldTracer implements AutoCloseable {
    /** The most sphere-tracing steps per ray. */
    public static final int MAX_STEPS = 160;
    /** Each step goes this fraction of the field value (a learned SDF over- or underestimates the distance). */
    public static final float SAFETY = 0.8f;
    /** The smallest hit tolerance, in unit-cube units. */
    public static final float MIN_EPS = 1e-4f;
    /**
     * Cells per side of the empty-space lattice. 64 (margin 0.017 of the cube) rather than 32 (0.034): a briefly
     * trained field is only ~0.03 away from the surface (spot after 200 steps), which a 32^3 lattice cannot skip.
     */
    public static final int OCCUPANCY_RES = 64;
    private static final int U = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER;
    private static final int S = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;

    private final VulkanContext ctx;
    private final FieldSurface surface;
    private final GpuBuffer config;
    private final GpuBuffer grid;
    private final GpuBuffer mlp;
    private final TracePasses passes;
    private final VkCommandBuffer cmd;
    private final long fence;
    private ComputeKernel trace;
    private GpuBuffer occupancy;
    private GpuBuffer noOccupancy;
    private double occupiedFraction = Double.NaN;
    private GpuBuffer tilePixels;
    private GpuBuffer tileRays;
    private boolean skipEmptySpace = true;
    private boolean analyticNormals = true;
    private FieldSlice slice;

    /**
     * Checks that the field is supported ({@link FieldLayout}) and, on llvmpipe, that it fits the device's loop budget
     * ({@link LoopBudget}; a {@link org.isofield.core.ConfigException} naming the limit otherwise), and uploads it.
     */
    public FieldTracer(VulkanContext ctx, FieldSurface surface) {
        this.ctx = ctx;
        this.surface = surface;
        this.slice = surface.slice();
        FieldLayout layout = FieldLayout.of(surface.field());
        passes = new TracePasses(LoopBudget.forDevice(ctx.physical().name()), layout);
        config = GpuBuffer.uniform(ctx, layout.config());
        grid = GpuBuffer.storage(ctx, layout.grid());
        mlp = GpuBuffer.storage(ctx, layout.mlp());
        try (MemoryStack s = stackPush()) {
            PointerBuffer p = s.mallocPointer(1);
            check(vkAllocateCommandBuffers(ctx.device(), VkCommandBufferAllocateInfo.calloc(s).sType$Default()
                    .commandPool(ctx.commandPool()).level(VK_COMMAND_BUFFER_LEVEL_PRIMARY).commandBufferCount(1), p),
                    "vkAllocateCommandBuffers");
            cmd = new VkCommandBuffer(p.get(0), ctx.device());
            LongBuffer lp = s.mallocLong(1);
            check(vkCreateFence(ctx.device(), VkFenceCreateInfo.calloc(s).sType$Default(), null, lp), "vkCreateFence");
            fence = lp.get(0);
        }
    }

    /** The field at {@code n} unit-cube points ({@code 3n} coordinates), computed by the shader. */
    public float[] evaluate(float[] xyz, int n) {
        return run(xyz, n, false);
    }

    /** The shader's analytic gradient of the field at {@code n} unit-cube points: {@code 3n} values. */
    public float[] gradient(float[] xyz, int n) {
        return run(xyz, n, true);
    }

    private float[] run(float[] xyz, int n, boolean gradient) {
        if (n < 1 || xyz.length < 3L * n) {
            throw new IllegalArgumentException(n + " points in " + xyz.length + " coordinates; expected 1 or more");
        }
        float[] pts = xyz.length == 3 * n ? xyz : Arrays.copyOf(xyz, 3 * n);
        int outs = gradient ? 3 * n : n;
        try (ComputeKernel eval = new ComputeKernel(ctx, "field_eval.comp", new int[] {U, S, S, S, S}, 8);
             GpuBuffer in = GpuBuffer.storage(ctx, pts);
             GpuBuffer out = GpuBuffer.storageReadback(ctx, 4L * outs)) {
            eval.bind(config, grid, mlp, in, out);
            ByteBuffer push = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder()).putInt(0, n)
                    .putInt(4, gradient ? 1 : 0);
            submit(c -> eval.record(c, push, (n + 63) / 64, 1));
            float[] values = new float[outs];
            out.read().order(ByteOrder.nativeOrder()).asFloatBuffer().get(values);
            return values;
        }
    }

    /** Jumping over empty cells (default on); off traces the whole cube, for measurements. */
    public void setEmptySpaceSkipping(boolean on) {
        skipEmptySpace = on;
    }

    /**
     * Analytic normals (default on); off takes a tetrahedron of 4 differences, for measurements (refused with a
     * {@link org.isofield.core.ConfigException} where that does not fit llvmpipe's loop budget, {@link LoopBudget}).
     */
    public void setAnalyticNormals(boolean on) {
        if (!on) {
            passes.requireFiniteDifferences();
        }
        analyticNormals = on;
    }

    /** The distance slice to draw (null: none); starts as the surface's. */
    public void setSlice(FieldSlice slice) {
        this.slice = slice;
    }

    public FieldSlice slice() {
        return slice;
    }

    /** The fraction of the empty-space lattice's cells that may hold the surface (computed on first use). */
    public double occupiedFraction() {
        occupancy();
        return occupiedFraction;
    }

    /** Dispatches of the trace kernel per frame ({@link TracePasses}): 1, or more on llvmpipe. */
    public int passesPerFrame() {
        return passes.count();
    }

    /** The trace kernel, made on first use. */
    private ComputeKernel traceKernel() {
        if (trace == null) {
            trace = new ComputeKernel(ctx, "field_trace.comp", new int[] {U, S, S, S, S, S}, TracePasses.PUSH_BYTES);
        }
        return trace;
    }

    /**
     * The occupancy buffer to bind: with skipping, the empty-space lattice (one evaluation pass on first use, read back
     * once); without, a placeholder the kernel does not read.
     */
    private GpuBuffer occupancy() {
        if (!skipEmptySpace) {
            if (noOccupancy == null) {
                noOccupancy = GpuBuffer.storage(ctx, new float[] {1f});
            }
            return noOccupancy;
        }
        if (occupancy == null) {
            float[] cells = FieldOccupancy.cells(evaluate(FieldOccupancy.lattice(OCCUPANCY_RES),
                    (OCCUPANCY_RES + 1) * (OCCUPANCY_RES + 1) * (OCCUPANCY_RES + 1)), OCCUPANCY_RES, 1 / SAFETY);
            occupiedFraction = FieldOccupancy.occupiedFraction(cells);
            occupancy = GpuBuffer.storage(ctx, cells);
        }
        return occupancy;
    }

    /** Sphere-traces the field seen by {@code camera} into a {@code width x height} image. */
    public BufferedImage render(Camera camera, DrawStyle style, int width, int height) {
        if (width < 1 || height < 1 || width > 16384 || height > 16384) {
            throw new IllegalArgumentException("image size " + width + "x" + height + "; expected 1 to 16384 per side");
        }
        ComputeKernel kernel = traceKernel();
        GpuBuffer cells = occupancy();
        try (GpuBuffer pixels = GpuBuffer.storageReadback(ctx, 4L * width * height);
             GpuBuffer rays = GpuBuffer.storageScratch(ctx, passes.rayBytes((long) width * height))) {
            kernel.bind(config, grid, mlp, pixels, cells, rays);
            ByteBuffer push = pushConstants(camera, style, width, height, false);
            submit(c -> passes.record(c, kernel, push, (width + 7) / 8, (height + 7) / 8));
            IntBuffer px = pixels.read().order(ByteOrder.nativeOrder()).asIntBuffer();
            int[] rgb = new int[width * height];
            px.get(rgb);
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            img.setRGB(0, 0, width, height, rgb, 0, width);
            return img;
        }
    }

    /**
     * Records the tracing of a {@code width x height} tile and its copy into {@code image} (RGBA8, layout
     * TRANSFER_SRC_OPTIMAL before and after) at {@code (x0, y0)}, for a window's frame; call outside a render pass and
     * not while an earlier recording is still executing.
     */
    public void recordInto(VkCommandBuffer c, long image, int x0, int y0, int width, int height, Camera camera,
                           DrawStyle style) {
        ComputeKernel kernel = traceKernel();
        GpuBuffer cells = occupancy();
        long bytes = 4L * width * height;
        if (tilePixels == null || tilePixels.size() < bytes) {
            if (tilePixels != null) {
                tilePixels.close();
                tileRays.close();
            }
            tilePixels = GpuBuffer.storageCopySource(ctx, bytes);
            tileRays = GpuBuffer.storageScratch(ctx, passes.rayBytes((long) width * height));
        }
        kernel.bind(config, grid, mlp, tilePixels, cells, tileRays);
        passes.record(c, kernel, pushConstants(camera, style, width, height, true), (width + 7) / 8, (height + 7) / 8);
        try (MemoryStack s = stackPush()) {
            vkCmdPipelineBarrier(c, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0,
                    VkMemoryBarrier.calloc(1, s).sType$Default().srcAccessMask(VK_ACCESS_SHADER_WRITE_BIT)
                            .dstAccessMask(VK_ACCESS_TRANSFER_READ_BIT), null, null);
            transition(c, s, image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                    VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT, VK_ACCESS_TRANSFER_WRITE_BIT,
                    VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT);
            VkBufferImageCopy.Buffer region = VkBufferImageCopy.calloc(1, s);
            region.get(0).imageSubresource().aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).layerCount(1);
            region.get(0).imageOffset().set(x0, y0, 0);
            region.get(0).imageExtent().set(width, height, 1);
            vkCmdCopyBufferToImage(c, tilePixels.handle(), image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, region);
            transition(c, s, image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                    VK_ACCESS_TRANSFER_WRITE_BIT, VK_ACCESS_TRANSFER_READ_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT);
        }
    }

    private static void transition(VkCommandBuffer c, MemoryStack s, long image, int from, int to, int srcAccess,
                                   int dstAccess, int srcStage) {
        VkImageMemoryBarrier.Buffer b = VkImageMemoryBarrier.calloc(1, s).sType$Default().oldLayout(from).newLayout(to)
                .srcAccessMask(srcAccess).dstAccessMask(dstAccess).srcQueueFamilyIndex(VK_QUEUE_FAMILY_IGNORED)
                .dstQueueFamilyIndex(VK_QUEUE_FAMILY_IGNORED).image(image);
        b.get(0).subresourceRange().aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).levelCount(1).layerCount(1);
        vkCmdPipelineBarrier(c, srcStage, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, null, null, b);
    }

    /** The trace shader's push constants for this field and its settings ({@link TracePasses#push}). */
    private ByteBuffer pushConstants(Camera camera, DrawStyle style, int width, int height, boolean rgba) {
        int flags = (style.mode() == RenderMode.NORMALS ? TracePasses.FLAG_NORMALS : 0)
                | (rgba ? TracePasses.FLAG_RGBA : 0) | (skipEmptySpace ? TracePasses.FLAG_SKIP : 0)
                | (analyticNormals ? TracePasses.FLAG_ANALYTIC : 0);
        return TracePasses.push(surface, slice, camera, style, width, height, flags);
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
        if (occupancy != null) {
            occupancy.close();
        }
        if (noOccupancy != null) {
            noOccupancy.close();
        }
        if (tilePixels != null) {
            tilePixels.close();
            tileRays.close();
        }
        vkDestroyFence(ctx.device(), fence, null);
        vkFreeCommandBuffers(ctx.device(), ctx.commandPool(), cmd);
        mlp.close();
        grid.close();
        config.close();
    }
}
