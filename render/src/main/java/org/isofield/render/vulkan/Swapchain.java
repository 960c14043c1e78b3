package org.isofield.render.vulkan;

import static org.isofield.render.vulkan.VkCheck.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.KHRSurface.*;
import static org.lwjgl.vulkan.KHRSwapchain.*;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.IntBuffer;
import java.nio.LongBuffer;
import org.isofield.core.BackendUnavailableException;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkSurfaceCapabilitiesKHR;
import org.lwjgl.vulkan.VkSurfaceFormatKHR;
import org.lwjgl.vulkan.VkSwapchainCreateInfoKHR;

/**
 * The swapchain of a window surface: FIFO presentation, images used as blit destinations (frames are drawn
 * offscreen and copied in, so the pipelines do not depend on the surface format). Prefers an UNORM format, so
 * colours match the offscreen PNGs. Recreated on resize by constructing a new one with the old as argument.
 */
final class Swapchain implements AutoCloseable {
    private final VulkanContext ctx;
    final long handle;
    final int format;
    final int width;
    final int height;
    final long[] images;

    Swapchain(VulkanContext ctx, long surface, int wantWidth, int wantHeight, Swapchain old) {
        this.ctx = ctx;
        try (MemoryStack s = stackPush()) {
            IntBuffer ok = s.mallocInt(1);
            check(vkGetPhysicalDeviceSurfaceSupportKHR(ctx.physical().device(), ctx.physical().queueFamily(), surface,
                    ok),
                    "vkGetPhysicalDeviceSurfaceSupportKHR");
            if (ok.get(0) == 0) {
                throw new BackendUnavailableException("vulkan", "the queue family of " + ctx.physical().name()
                        + " cannot present to this window");
            }
            VkSurfaceCapabilitiesKHR caps = VkSurfaceCapabilitiesKHR.malloc(s);
            check(vkGetPhysicalDeviceSurfaceCapabilitiesKHR(ctx.physical().device(), surface, caps),
                    "vkGetPhysicalDeviceSurfaceCapabilitiesKHR");
            if ((caps.supportedUsageFlags() & VK_IMAGE_USAGE_TRANSFER_DST_BIT) == 0) {
                throw new BackendUnavailableException("vulkan", "the window's swapchain images cannot be copied into");
            }
            if (caps.currentExtent().width() != 0xFFFFFFFF) {
                width = caps.currentExtent().width();
                height = caps.currentExtent().height();
            } else {
                width = clamp(wantWidth, caps.minImageExtent().width(), caps.maxImageExtent().width());
                height = clamp(wantHeight, caps.minImageExtent().height(), caps.maxImageExtent().height());
            }
            format = chooseFormat(s, surface);
            int count = caps.minImageCount() + 1;
            if (caps.maxImageCount() > 0) {
                count = Math.min(count, caps.maxImageCount());
            }
            int alpha = (caps.supportedCompositeAlpha() & VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR) != 0
                    ? VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR : Integer.lowestOneBit(caps.supportedCompositeAlpha());
            VkSwapchainCreateInfoKHR ci = VkSwapchainCreateInfoKHR.calloc(s).sType$Default().surface(surface)
                    .minImageCount(count).imageFormat(format).imageColorSpace(VK_COLOR_SPACE_SRGB_NONLINEAR_KHR)
                    .imageArrayLayers(1).imageUsage(VK_IMAGE_USAGE_TRANSFER_DST_BIT)
                    .imageSharingMode(VK_SHARING_MODE_EXCLUSIVE).preTransform(caps.currentTransform())
                    .compositeAlpha(alpha).presentMode(VK_PRESENT_MODE_FIFO_KHR).clipped(true)
                    .oldSwapchain(old == null ? VK_NULL_HANDLE : old.handle);
            ci.imageExtent().set(width, height);
            LongBuffer p = s.mallocLong(1);
            check(vkCreateSwapchainKHR(ctx.device(), ci, null, p), "vkCreateSwapchainKHR");
            handle = p.get(0);
            IntBuffer n = s.mallocInt(1);
            check(vkGetSwapchainImagesKHR(ctx.device(), handle, n, null), "vkGetSwapchainImagesKHR");
            LongBuffer imgs = s.mallocLong(n.get(0));
            check(vkGetSwapchainImagesKHR(ctx.device(), handle, n, imgs), "vkGetSwapchainImagesKHR");
            images = new long[n.get(0)];
            imgs.get(images);
        }
    }

    private int chooseFormat(MemoryStack s, long surface) {
        IntBuffer n = s.mallocInt(1);
        check(vkGetPhysicalDeviceSurfaceFormatsKHR(ctx.physical().device(), surface, n, null),
                "vkGetPhysicalDeviceSurfaceFormatsKHR");
        VkSurfaceFormatKHR.Buffer formats = VkSurfaceFormatKHR.malloc(n.get(0), s);
        check(vkGetPhysicalDeviceSurfaceFormatsKHR(ctx.physical().device(), surface, n, formats),
                "vkGetPhysicalDeviceSurfaceFormatsKHR");
        int fallback = formats.get(0).format();
        for (int want : new int[] {VK_FORMAT_B8G8R8A8_UNORM, VK_FORMAT_R8G8B8A8_UNORM}) {
            for (VkSurfaceFormatKHR f : formats) {
                if (f.format() == want && f.colorSpace() == VK_COLOR_SPACE_SRGB_NONLINEAR_KHR) {
                    return want;
                }
            }
        }
        return fallback;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    public void close() {
        vkDestroySwapchainKHR(ctx.device(), handle, null);
    }
}
