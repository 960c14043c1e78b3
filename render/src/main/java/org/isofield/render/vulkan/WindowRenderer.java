package org.isofield.render.vulkan;

import static org.isofield.render.vulkan.VkCheck.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.KHRSurface.vkDestroySurfaceKHR;
import static org.lwjgl.vulkan.KHRSwapchain.*;
import static org.lwjgl.vulkan.VK10.*;

import java.awt.image.BufferedImage;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.List;
import java.util.function.DoubleFunction;
import org.isofield.render.scene.Camera;
import org.isofield.render.scene.DrawStyle;
import org.isofield.render.scene.RenderItem;
import org.isofield.render.scene.TileLayout;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.*;

/**
 * Frames for a window: each frame draws the items side by side into an offscreen image (the same pipelines as
 * {@link OffscreenRenderer}), blits it into the acquired swapchain image and presents it; one frame in flight. A
 * screenshot is the offscreen image read back in the same frame. The swapchain is recreated when the window's size
 * changes or presentation reports it out of date; a zero-sized (minimised) window draws nothing.
 */
public final class WindowRenderer implements AutoCloseable {
    /** Creates the window's {@code VkSurfaceKHR} on an instance (e.g. with {@code glfwCreateWindowSurface}). */
    @FunctionalInterface
    public interface SurfaceFactory {
        long create(VkInstance instance);
    }

    private final VulkanContext ctx;
    private final Pipelines pipelines;
    private final SceneRecorder recorder;
    private final long surface;
    private final VkCommandBuffer cmd;
    private final long fence;
    private final long imageAvailable;
    private long[] renderDone = new long[0];
    private Swapchain swapchain;
    private OffscreenTarget target;
    private boolean outdated = true;

    private WindowRenderer(VulkanContext ctx, SurfaceFactory surfaces) {
        this.ctx = ctx;
        this.surface = surfaces.create(ctx.instance());
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
            imageAvailable = semaphore(s);
        }
    }

    /**
     * Opens Vulkan with the instance extensions the window system needs and {@code VK_KHR_swapchain}, then creates
     * the surface.
     */
    public static WindowRenderer open(boolean validation, List<String> instanceExtensions, SurfaceFactory surfaces) {
        VulkanContext ctx = VulkanContext.create(validation, instanceExtensions,
                List.of(VK_KHR_SWAPCHAIN_EXTENSION_NAME));
        try {
            return new WindowRenderer(ctx, surfaces);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    public VulkanContext context() {
        return ctx;
    }

    public GpuGeometry upload(RenderItem item) {
        return GpuGeometry.upload(ctx, item);
    }

    /** Asks for a new swapchain before the next frame (call when the framebuffer size changed). */
    public void resized() {
        outdated = true;
    }

    /**
     * The outcome of {@link #drawFrame}.
     *
     * @param drawn whether a frame was presented (not when minimised, or when the swapchain turned out of date)
     * @param image the frame when a screenshot was asked for and it was drawn, else null
     */
    public record Frame(boolean drawn, BufferedImage image) {
        static final Frame SKIPPED = new Frame(false, null);
    }

    /**
     * Draws and presents one frame of {@code items} in tiles of a {@code fbWidth x fbHeight} framebuffer.
     *
     * @param cameraForAspect the camera for a tile of the given width/height ratio
     * @param screenshot      whether to read the frame back as an image
     */
    public Frame drawFrame(List<GpuGeometry> items, DoubleFunction<Camera> cameraForAspect, DrawStyle style,
                                   int fbWidth, int fbHeight, boolean screenshot) {
        return drawFrame(items, List.of(), cameraForAspect, style, fbWidth, fbHeight, screenshot);
    }

    /**
     * As {@link #drawFrame(List, DoubleFunction, DrawStyle, int, int, boolean)}, with sphere-traced fields: tile
     * {@code i} shows {@code fields.get(i)} where that is not null ({@code items.get(i)} is then null and ignored);
     * {@code fields} may be shorter than {@code items} (empty: no fields).
     */
    public Frame drawFrame(List<GpuGeometry> items, List<FieldTracer> fields, DoubleFunction<Camera> cameraForAspect,
                           DrawStyle style, int fbWidth, int fbHeight, boolean screenshot) {
        if (fbWidth <= 0 || fbHeight <= 0) {
            return Frame.SKIPPED;
        }
        if (outdated) {
            recreate(fbWidth, fbHeight);
        }
        try (MemoryStack s = stackPush()) {
            IntBuffer ip = s.mallocInt(1);
            int r = vkAcquireNextImageKHR(ctx.device(), swapchain.handle, -1L, imageAvailable, VK_NULL_HANDLE, ip);
            if (r == VK_ERROR_OUT_OF_DATE_KHR) {
                outdated = true;
                return Frame.SKIPPED;
            }
            if (r != VK_SUBOPTIMAL_KHR) {
                check(r, "vkAcquireNextImageKHR");
            }
            int index = ip.get(0);
            record(s, items, fields, cameraForAspect, style, swapchain.images[index], screenshot);
            VkSubmitInfo submit = VkSubmitInfo.calloc(s).sType$Default().waitSemaphoreCount(1)
                    .pWaitSemaphores(s.longs(imageAvailable)).pWaitDstStageMask(s.ints(VK_PIPELINE_STAGE_TRANSFER_BIT))
                    .pCommandBuffers(s.pointers(cmd)).pSignalSemaphores(s.longs(renderDone[index]));
            check(vkResetFences(ctx.device(), s.longs(fence)), "vkResetFences");
            check(vkQueueSubmit(ctx.queue(), submit, fence), "vkQueueSubmit");
            check(vkWaitForFences(ctx.device(), s.longs(fence), true, Long.MAX_VALUE), "vkWaitForFences");
            r = vkQueuePresentKHR(ctx.queue(), VkPresentInfoKHR.calloc(s).sType$Default()
                    .pWaitSemaphores(s.longs(renderDone[index])).swapchainCount(1)
                    .pSwapchains(s.longs(swapchain.handle))
                    .pImageIndices(s.ints(index)));
            if (r == VK_ERROR_OUT_OF_DATE_KHR || r == VK_SUBOPTIMAL_KHR
                    || swapchain.width != fbWidth || swapchain.height != fbHeight) {
                outdated = true;
            } else {
                check(r, "vkQueuePresentKHR");
            }
            return new Frame(true, screenshot ? target.toImage() : null);
        }
    }

    private void record(MemoryStack s, List<GpuGeometry> items, List<FieldTracer> fields,
                        DoubleFunction<Camera> cameraForAspect, DrawStyle style, long swapImage, boolean screenshot) {
        int w = target.width;
        int h = target.height;
        check(vkBeginCommandBuffer(cmd, VkCommandBufferBeginInfo.calloc(s).sType$Default()
                .flags(VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT)), "vkBeginCommandBuffer");
        VkClearValue.Buffer clear = VkClearValue.calloc(2, s);
        clear.get(0).color().float32(0, style.background().r()).float32(1, style.background().g())
                .float32(2, style.background().b()).float32(3, 1f);
        clear.get(1).depthStencil().depth(1f).stencil(0);
        VkRenderPassBeginInfo rp = VkRenderPassBeginInfo.calloc(s).sType$Default().renderPass(pipelines.renderPass())
                .framebuffer(target.framebuffer).pClearValues(clear);
        rp.renderArea().extent().set(w, h);
        vkCmdBeginRenderPass(cmd, rp, VK_SUBPASS_CONTENTS_INLINE);
        TileLayout layout = items.isEmpty() ? null : TileLayout.of(items.size(), w, h);
        Camera camera = layout == null ? null
                : cameraForAspect.apply((double) layout.tileWidth() / layout.tileHeight());
        for (int i = 0; i < items.size(); i++) {
            if (!isField(fields, i)) {
                recorder.record(cmd, items.get(i), camera, style, layout.x0(i), layout.y0(i),
                        layout.x1(i) - layout.x0(i), layout.y1(i) - layout.y0(i));
            }
        }
        vkCmdEndRenderPass(cmd);
        for (int i = 0; i < items.size(); i++) {
            if (isField(fields, i)) {   // traced after the pass, copied into the tile
                fields.get(i).recordInto(cmd, target.colorImage, layout.x0(i), layout.y0(i),
                        layout.x1(i) - layout.x0(i), layout.y1(i) - layout.y0(i), camera, style);
            }
        }
        transition(s, swapImage, VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 0,
                VK_ACCESS_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT);
        VkImageBlit.Buffer blit = VkImageBlit.calloc(1, s);
        blit.get(0).srcSubresource().aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).layerCount(1);
        blit.get(0).dstSubresource().aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).layerCount(1);
        blit.get(0).srcOffsets(1).set(w, h, 1);
        blit.get(0).dstOffsets(1).set(w, h, 1);
        vkCmdBlitImage(cmd, target.colorImage, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, swapImage,
                VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, blit, VK_FILTER_NEAREST);
        if (screenshot) {
            VkBufferImageCopy.Buffer region = VkBufferImageCopy.calloc(1, s);
            region.get(0).imageSubresource().aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).layerCount(1);
            region.get(0).imageExtent().set(w, h, 1);
            vkCmdCopyImageToBuffer(cmd, target.colorImage, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                    target.readback.handle(),
                    region);
            vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0,
                    VkMemoryBarrier.calloc(1, s).sType$Default().srcAccessMask(VK_ACCESS_TRANSFER_WRITE_BIT)
                            .dstAccessMask(VK_ACCESS_HOST_READ_BIT), null, null);
        }
        transition(s, swapImage, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_IMAGE_LAYOUT_PRESENT_SRC_KHR,
                VK_ACCESS_TRANSFER_WRITE_BIT, 0, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT);
        check(vkEndCommandBuffer(cmd), "vkEndCommandBuffer");
    }

    private static boolean isField(List<FieldTracer> fields, int i) {
        return i < fields.size() && fields.get(i) != null;
    }

    private void transition(MemoryStack s, long image, int from, int to, int srcAccess, int dstAccess, int dstStage) {
        VkImageMemoryBarrier.Buffer b = VkImageMemoryBarrier.calloc(1, s).sType$Default().oldLayout(from).newLayout(to)
                .srcAccessMask(srcAccess).dstAccessMask(dstAccess).srcQueueFamilyIndex(VK_QUEUE_FAMILY_IGNORED)
                .dstQueueFamilyIndex(VK_QUEUE_FAMILY_IGNORED).image(image);
        b.get(0).subresourceRange().aspectMask(VK_IMAGE_ASPECT_COLOR_BIT).levelCount(1).layerCount(1);
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, dstStage, 0, null, null, b);
    }

    private void recreate(int fbWidth, int fbHeight) {
        vkDeviceWaitIdle(ctx.device());
        Swapchain old = swapchain;
        swapchain = new Swapchain(ctx, surface, fbWidth, fbHeight, old);
        if (old != null) {
            old.close();
        }
        if (target != null) {
            target.close();
        }
        target = new OffscreenTarget(ctx, pipelines.renderPass(), swapchain.width, swapchain.height);
        try (MemoryStack s = stackPush()) {
            for (long sem : renderDone) {
                vkDestroySemaphore(ctx.device(), sem, null);
            }
            renderDone = new long[swapchain.images.length];
            for (int i = 0; i < renderDone.length; i++) {
                renderDone[i] = semaphore(s);
            }
        }
        outdated = false;
    }

    private long semaphore(MemoryStack s) {
        LongBuffer p = s.mallocLong(1);
        check(vkCreateSemaphore(ctx.device(), VkSemaphoreCreateInfo.calloc(s).sType$Default(), null, p),
                "vkCreateSemaphore");
        return p.get(0);
    }

    @Override
    public void close() {
        vkDeviceWaitIdle(ctx.device());
        for (long sem : renderDone) {
            vkDestroySemaphore(ctx.device(), sem, null);
        }
        vkDestroySemaphore(ctx.device(), imageAvailable, null);
        vkDestroyFence(ctx.device(), fence, null);
        vkFreeCommandBuffers(ctx.device(), ctx.commandPool(), cmd);
        if (target != null) {
            target.close();
        }
        if (swapchain != null) {
            swapchain.close();
        }
        pipelines.close();
        vkDestroySurfaceKHR(ctx.instance(), surface, null);
        ctx.close();
    }
}
