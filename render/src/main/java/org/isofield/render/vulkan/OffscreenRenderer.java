package org.isofield.render.vulkan;

import static org.isofield.render.vulkan.VkCheck.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.awt.image.BufferedImage;
import java.nio.LongBuffer;
import org.isofield.render.scene.Camera;
import org.isofield.render.scene.DrawStyle;
import org.isofield.render.scene.RenderItem;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.*;

/**
 * Draws uploaded geometry into an offscreen image and reads it back: one command buffer per frame (render pass,
 * copy to a mapped buffer, host barrier), submitted and waited for with a fence. Owns its {@link VulkanContext}.
 * The target images are kept between frames of the same size. Not thread-safe.
 */
public final class OffscreenRenderer implements AutoCloseable {

    private final VulkanContext ctx;
    private final Pipelines pipelines;
    private final SceneRecorder recorder;
    private final VkCommandBuffer cmd;
    private final long fence;
    private OffscreenTarget target;

    private OffscreenRenderer(VulkanContext ctx) {
        this.ctx = ctx;
        this.pipelines = new Pipelines(ctx);
        this.recorder = new SceneRecorder(ctx, pipelines);
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

    /** Opens Vulkan (with the Khronos validation layer when {@code validation}) and prepares the pipelines. */
    public static OffscreenRenderer open(boolean validation) {
        VulkanContext ctx = VulkanContext.create(validation);
        try {
            return new OffscreenRenderer(ctx);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    public VulkanContext context() {
        return ctx;
    }

    /** Uploads an item; the caller closes the result before closing this renderer. */
    public GpuGeometry upload(RenderItem item) {
        return GpuGeometry.upload(ctx, item);
    }

    /** Draws {@code geometry} seen by {@code camera} into a {@code width x height} image and returns it. */
    public BufferedImage render(GpuGeometry geometry, Camera camera, DrawStyle style, int width, int height) {
        draw(geometry, camera, style, width, height);
        return target.toImage();
    }

    /**
     * Draws one frame and waits for it, including the copy of the image into host memory, without converting the
     * pixels; {@link #render} is this plus the conversion.
     */
    public void draw(GpuGeometry geometry, Camera camera, DrawStyle style, int width, int height) {
        if (width < 1 || height < 1 || width > 16384 || height > 16384) {
            throw new IllegalArgumentException("image size " + width + "x" + height + "; expected 1 to 16384 per side");
        }
        if (target == null || target.width != width || target.height != height) {
            if (target != null) {
                target.close();
            }
            target = new OffscreenTarget(ctx, pipelines.renderPass(), width, height);
        }
        try (MemoryStack s = stackPush()) {
            check(vkBeginCommandBuffer(cmd, VkCommandBufferBeginInfo.calloc(s).sType$Default()
                    .flags(VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT)), "vkBeginCommandBuffer");
            VkClearValue.Buffer clear = VkClearValue.calloc(2, s);
            clear.get(0).color().float32(0, style.background().r()).float32(1, style.background().g())
                    .float32(2, style.background().b()).float32(3, 1f);
            clear.get(1).depthStencil().depth(1f).stencil(0);
            VkRenderPassBeginInfo rp =
                    VkRenderPassBeginInfo.calloc(s).sType$Default().renderPass(pipelines.renderPass())
                    .framebuffer(target.framebuffer).pClearValues(clear);
            rp.renderArea().extent().set(width, height);
            vkCmdBeginRenderPass(cmd, rp, VK_SUBPASS_CONTENTS_INLINE);
            recorder.record(cmd, geometry, camera, style, 0, 0, width, height);
            vkCmdEndRenderPass(cmd);
            VkBufferImageCopy.Buffer region = VkBufferImageCopy.calloc(1, s).bufferOffset(0);
            region.get(0).imageSubresource().aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).mipLevel(0).baseArrayLayer(0)
                    .layerCount(1);
            region.get(0).imageExtent().set(width, height, 1);
            vkCmdCopyImageToBuffer(cmd, target.colorImage, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                    target.readback.handle(), region);
            vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0,
                    VkMemoryBarrier.calloc(1, s).sType$Default().srcAccessMask(VK_ACCESS_TRANSFER_WRITE_BIT)
                            .dstAccessMask(VK_ACCESS_HOST_READ_BIT), null, null);
            check(vkEndCommandBuffer(cmd), "vkEndCommandBuffer");
            check(vkResetFences(ctx.device(), s.longs(fence)), "vkResetFences");
            check(vkQueueSubmit(ctx.queue(), VkSubmitInfo.calloc(s).sType$Default().pCommandBuffers(s.pointers(cmd)),
                    fence),
                    "vkQueueSubmit");
            check(vkWaitForFences(ctx.device(), s.longs(fence), true, Long.MAX_VALUE), "vkWaitForFences");
        }
    }

    /** Waits for the device and releases the images, pipelines and the Vulkan context. */
    @Override
    public void close() {
        vkDeviceWaitIdle(ctx.device());
        if (target != null) {
            target.close();
        }
        vkDestroyFence(ctx.device(), fence, null);
        vkFreeCommandBuffers(ctx.device(), ctx.commandPool(), cmd);
        pipelines.close();
        ctx.close();
    }
}
