package org.isofield.render.vulkan;

import static org.isofield.render.vulkan.VkCheck.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.IntBuffer;
import org.isofield.core.BackendUnavailableException;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkInstance;
import org.lwjgl.vulkan.VkPhysicalDevice;
import org.lwjgl.vulkan.VkPhysicalDeviceFeatures;
import org.lwjgl.vulkan.VkPhysicalDeviceProperties;
import org.lwjgl.vulkan.VkQueueFamilyProperties;

/** Picks the physical device: a discrete GPU first, then an integrated one, then any (lavapipe is a CPU device). */
public final class PhysicalDevices {
    private PhysicalDevices() {
    }

    /**
     * The chosen device.
     *
     * @param device           the physical device
     * @param name             its name, e.g. {@code llvmpipe (LLVM 15.0.6, 256 bits)}
     * @param queueFamily      a queue family with graphics
     * @param maxPointSize     the largest point size in pixels (1 without the {@code largePoints} feature)
     * @param fillModeNonSolid whether edges can be drawn with polygon mode LINE
     */
    public record Choice(VkPhysicalDevice device, String name, int queueFamily, float maxPointSize,
                         boolean fillModeNonSolid) {
    }

    static Choice choose(VkInstance instance) {
        try (MemoryStack s = stackPush()) {
            IntBuffer n = s.mallocInt(1);
            check(vkEnumeratePhysicalDevices(instance, n, null), "vkEnumeratePhysicalDevices");
            if (n.get(0) == 0) {
                throw new BackendUnavailableException("vulkan", "no Vulkan device found; "
                        + VulkanContext.INSTALL_HINT);
            }
            PointerBuffer handles = s.mallocPointer(n.get(0));
            check(vkEnumeratePhysicalDevices(instance, n, handles), "vkEnumeratePhysicalDevices");
            Choice best = null;
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i < handles.capacity(); i++) {
                VkPhysicalDevice pd = new VkPhysicalDevice(handles.get(i), instance);
                VkPhysicalDeviceProperties props = VkPhysicalDeviceProperties.calloc(s);
                vkGetPhysicalDeviceProperties(pd, props);
                int family = graphicsFamily(s, pd);
                int rank = rank(props.deviceType());
                if (family >= 0 && rank < bestRank) {
                    VkPhysicalDeviceFeatures f = VkPhysicalDeviceFeatures.calloc(s);
                    vkGetPhysicalDeviceFeatures(pd, f);
                    float maxPoint = f.largePoints() ? props.limits().pointSizeRange(1) : 1f;
                    best = new Choice(pd, props.deviceNameString(), family, maxPoint, f.fillModeNonSolid());
                    bestRank = rank;
                }
            }
            if (best == null) {
                throw new BackendUnavailableException("vulkan", "no Vulkan device with a graphics queue among "
                        + handles.capacity() + " devices; " + VulkanContext.INSTALL_HINT);
            }
            return best;
        }
    }

    private static int rank(int type) {
        switch (type) {
            case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return 0;
            case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return 1;
            case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return 2;
            case VK_PHYSICAL_DEVICE_TYPE_CPU: return 3;
            default: return 4;
        }
    }

    private static int graphicsFamily(MemoryStack s, VkPhysicalDevice pd) {
        IntBuffer n = s.mallocInt(1);
        vkGetPhysicalDeviceQueueFamilyProperties(pd, n, null);
        VkQueueFamilyProperties.Buffer families = VkQueueFamilyProperties.malloc(n.get(0), s);
        vkGetPhysicalDeviceQueueFamilyProperties(pd, n, families);
        for (int i = 0; i < families.capacity(); i++) {
            if ((families.get(i).queueFlags() & VK_QUEUE_GRAPHICS_BIT) != 0) {
                return i;
            }
        }
        return -1;
    }
}
