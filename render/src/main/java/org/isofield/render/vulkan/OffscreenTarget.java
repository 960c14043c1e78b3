package org.isofield.render.vulkan;

import static org.isofield.render.vulkan.VkCheck.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.util.vma.Vma.*;
import static org.lwjgl.vulkan.VK10.*;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.util.vma.VmaAllocationCreateInfo;
import org.lwjgl.vulkan.VkFramebufferCreateInfo;
import org.lwjgl.vulkan.VkImageCreateInfo;
import org.lwjgl.vulkan.VkImageViewCreateInfo;

/**
 * The images one offscreen frame draws into: an RGBA8 colour image (copied to a mapped buffer after the render
 * pass), a 32-bit float depth image, their views and the framebuffer for {@link Pipelines#renderPass()}.
 */
final class OffscreenTarget implements AutoCloseable {
    static final int COLOR_FORMAT = VK_FORMAT_R8G8B8A8_UNORM;
    static final int DEPTH_FORMAT = VK_FORMAT_D32_SFLOAT;

    private final VulkanContext ctx;
    final int width;
    final int height;
    final long colorImage;
    private final long colorAllocation;
    private final long colorView;
    private final long depthImage;
    private final long depthAllocation;
    private final long depthView;
    final long framebuffer;
    final GpuBuffer readback;

    OffscreenTarget(VulkanContext ctx, long renderPass, int width, int height) {
        this.ctx = ctx;
        this.width = width;
        this.height = height;
        try (MemoryStack s = stackPush()) {
            long[] color = image(s, COLOR_FORMAT, VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT
                    | VK_IMAGE_USAGE_TRANSFER_DST_BIT);   // dst: field tiles copied in (FieldTracer.recordInto)
            colorImage = color[0];
            colorAllocation = color[1];
            colorView = view(s, colorImage, COLOR_FORMAT, VK_IMAGE_ASPECT_COLOR_BIT);
            long[] depth = image(s, DEPTH_FORMAT, VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT);
            depthImage = depth[0];
            depthAllocation = depth[1];
            depthView = view(s, depthImage, DEPTH_FORMAT, VK_IMAGE_ASPECT_DEPTH_BIT);
            LongBuffer p = s.mallocLong(1);
            check(vkCreateFramebuffer(ctx.device(), VkFramebufferCreateInfo.calloc(s).sType$Default()
                    .renderPass(renderPass).pAttachments(s.longs(colorView, depthView))
                    .width(width).height(height).layers(1), null, p), "vkCreateFramebuffer");
            framebuffer = p.get(0);
        }
        readback = GpuBuffer.readback(ctx, 4L * width * height);
    }

    private long[] image(MemoryStack s, int format, int usage) {
        VkImageCreateInfo ci = VkImageCreateInfo.calloc(s).sType$Default().imageType(VK_IMAGE_TYPE_2D).format(format)
                .mipLevels(1).arrayLayers(1).samples(VK_SAMPLE_COUNT_1_BIT).tiling(VK_IMAGE_TILING_OPTIMAL)
                .usage(usage).sharingMode(VK_SHARING_MODE_EXCLUSIVE).initialLayout(VK_IMAGE_LAYOUT_UNDEFINED);
        ci.extent().set(width, height, 1);
        VmaAllocationCreateInfo ai = VmaAllocationCreateInfo.calloc(s).usage(VMA_MEMORY_USAGE_AUTO);
        LongBuffer pi = s.mallocLong(1);
        PointerBuffer pa = s.mallocPointer(1);
        check(vmaCreateImage(ctx.allocator(), ci, ai, pi, pa, null), "vmaCreateImage(" + width + "x" + height + ")");
        return new long[] {pi.get(0), pa.get(0)};
    }

    private long view(MemoryStack s, long image, int format, int aspect) {
        VkImageViewCreateInfo ci = VkImageViewCreateInfo.calloc(s).sType$Default().image(image)
                .viewType(VK_IMAGE_VIEW_TYPE_2D).format(format);
        ci.subresourceRange().aspectMask(aspect).baseMipLevel(0).levelCount(1).baseArrayLayer(0).layerCount(1);
        LongBuffer p = s.mallocLong(1);
        check(vkCreateImageView(ctx.device(), ci, null, p), "vkCreateImageView");
        return p.get(0);
    }

    /** The read-back pixels as an RGB image (call after the frame's fence signalled). */
    BufferedImage toImage() {
        ByteBuffer px = readback.read();
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            int base = 4 * y * width;
            for (int x = 0; x < width; x++) {
                int o = base + 4 * x;
                row[x] = (px.get(o) & 255) << 16 | (px.get(o + 1) & 255) << 8 | (px.get(o + 2) & 255);
            }
            img.setRGB(0, y, width, 1, row, 0, width);
        }
        return img;
    }

    @Override
    public void close() {
        vkDestroyFramebuffer(ctx.device(), framebuffer, null);
        vkDestroyImageView(ctx.device(), colorView, null);
        vkDestroyImageView(ctx.device(), depthView, null);
        vmaDestroyImage(ctx.allocator(), colorImage, colorAllocation);
        vmaDestroyImage(ctx.allocator(), depthImage, depthAllocation);
        readback.close();
    }
}
