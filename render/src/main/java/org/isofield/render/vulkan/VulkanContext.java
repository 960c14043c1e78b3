package org.isofield.render.vulkan;

import static org.isofield.render.vulkan.VkCheck.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.util.vma.Vma.*;
import static org.lwjgl.vulkan.EXTDebugUtils.*;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import org.isofield.core.BackendUnavailableException;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.util.vma.VmaAllocatorCreateInfo;
import org.lwjgl.util.vma.VmaVulkanFunctions;
import org.lwjgl.vulkan.VK;
import org.lwjgl.vulkan.VK11;
import org.lwjgl.vulkan.VkApplicationInfo;
import org.lwjgl.vulkan.VkCommandPoolCreateInfo;
import org.lwjgl.vulkan.VkDebugUtilsMessengerCreateInfoEXT;
import org.lwjgl.vulkan.VkDevice;
import org.lwjgl.vulkan.VkDeviceCreateInfo;
import org.lwjgl.vulkan.VkDeviceQueueCreateInfo;
import org.lwjgl.vulkan.VkInstance;
import org.lwjgl.vulkan.VkInstanceCreateInfo;
import org.lwjgl.vulkan.VkLayerProperties;
import org.lwjgl.vulkan.VkPhysicalDeviceFeatures;
import org.lwjgl.vulkan.VkQueue;

/**
 * One Vulkan instance, device, graphics queue, command pool and VMA allocator. With {@code validation} the Khronos
 * validation layer is enabled and its warnings and errors go to {@link #validationLog()}. Not thread-safe: use from
 * one thread; {@link #close()} releases everything.
 *
 * <p>Errors: no Vulkan loader, no driver or no device is a {@link BackendUnavailableException} that names what is
 * missing and the Debian package that provides it.
 */
public final class VulkanContext implements AutoCloseable {
    static final String VALIDATION_LAYER = "VK_LAYER_KHRONOS_validation";
    static final String INSTALL_HINT = "install a Vulkan driver, e.g. the Debian package mesa-vulkan-drivers "
            + "(lavapipe, a CPU driver) with libvulkan1";

    private final VkInstance instance;
    private final ValidationLog log;
    private final long messenger;
    private final PhysicalDevices.Choice choice;
    private final VkDevice device;
    private final VkQueue queue;
    private final long commandPool;
    private final long allocator;

    private VulkanContext(boolean validation, List<String> instanceExtensions, List<String> deviceExtensions) {
        loadLoader();
        try (MemoryStack s = stackPush()) {
            if (validation && !hasLayer(s, VALIDATION_LAYER)) {
                throw new BackendUnavailableException("vulkan validation", "layer " + VALIDATION_LAYER
                        + " is not installed; install the Debian package vulkan-validationlayers");
            }
            log = validation ? new ValidationLog() : null;
            VkApplicationInfo app = VkApplicationInfo.calloc(s).sType$Default().pApplicationName(s.UTF8("isofield"))
                    .pEngineName(s.UTF8("isofield")).apiVersion(VK11.VK_API_VERSION_1_1);
            VkInstanceCreateInfo ci = VkInstanceCreateInfo.calloc(s).sType$Default().pApplicationInfo(app);
            List<String> exts = new ArrayList<>(instanceExtensions);
            VkDebugUtilsMessengerCreateInfoEXT dbg = null;
            if (validation) {
                dbg = log.createInfo(s);
                exts.add(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
                ci.ppEnabledLayerNames(s.pointers(s.UTF8(VALIDATION_LAYER))).pNext(dbg.address());
            }
            if (!exts.isEmpty()) {
                ci.ppEnabledExtensionNames(names(s, exts));
            }
            PointerBuffer p = s.mallocPointer(1);
            int r = vkCreateInstance(ci, null, p);
            if (r == VK_ERROR_INCOMPATIBLE_DRIVER || r == VK_ERROR_INITIALIZATION_FAILED) {
                throw new BackendUnavailableException("vulkan", "no Vulkan driver found (vkCreateInstance: "
                        + VkCheck.name(r) + "); " + INSTALL_HINT);
            }
            check(r, "vkCreateInstance");
            instance = new VkInstance(p.get(0), ci);
            long m = VK_NULL_HANDLE;
            if (validation) {
                LongBuffer lp = s.mallocLong(1);
                check(vkCreateDebugUtilsMessengerEXT(instance, dbg, null, lp), "vkCreateDebugUtilsMessengerEXT");
                m = lp.get(0);
            }
            messenger = m;
            choice = PhysicalDevices.choose(instance);
            device = createDevice(s, deviceExtensions);
            vkGetDeviceQueue(device, choice.queueFamily(), 0, p);
            queue = new VkQueue(p.get(0), device);
            LongBuffer lp = s.mallocLong(1);
            check(vkCreateCommandPool(device, VkCommandPoolCreateInfo.calloc(s).sType$Default()
                    .flags(VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT).queueFamilyIndex(choice.queueFamily()),
                    null, lp), "vkCreateCommandPool");
            commandPool = lp.get(0);
            VmaAllocatorCreateInfo ai = VmaAllocatorCreateInfo.calloc(s).physicalDevice(choice.device()).device(device)
                    .instance(instance).vulkanApiVersion(VK11.VK_API_VERSION_1_1)
                    .pVulkanFunctions(VmaVulkanFunctions.calloc(s).set(instance, device));
            check(vmaCreateAllocator(ai, p), "vmaCreateAllocator");
            allocator = p.get(0);
        }
    }

    /** Creates a context; with {@code validation} the Khronos validation layer must be installed. */
    public static VulkanContext create(boolean validation) {
        return new VulkanContext(validation, List.of(), List.of());
    }

    /**
     * Creates a context with extra instance extensions (e.g. those GLFW needs for a window surface) and device
     * extensions (e.g. {@code VK_KHR_swapchain}).
     */
    public static VulkanContext create(boolean validation, List<String> instanceExtensions,
            List<String> deviceExtensions) {
        return new VulkanContext(validation, instanceExtensions, deviceExtensions);
    }

    private static PointerBuffer names(MemoryStack s, List<String> names) {
        PointerBuffer p = s.mallocPointer(names.size());
        for (String n : names) {
            p.put(s.UTF8(n));
        }
        return p.flip();
    }

    /** Loads libvulkan.so.1 through LWJGL, or explains how to get it. */
    static void loadLoader() {
        try {
            VK.getFunctionProvider();
        } catch (Throwable t) {   // UnsatisfiedLinkError, or a failed static initialiser
            throw new BackendUnavailableException("vulkan", "cannot load the Vulkan loader libvulkan.so.1 ("
                    + t.getMessage() + "); " + INSTALL_HINT, t);
        }
    }

    private static boolean hasLayer(MemoryStack s, String name) {
        IntBuffer n = s.mallocInt(1);
        check(vkEnumerateInstanceLayerProperties(n, null), "vkEnumerateInstanceLayerProperties");
        VkLayerProperties.Buffer layers = VkLayerProperties.malloc(n.get(0), s);
        check(vkEnumerateInstanceLayerProperties(n, layers), "vkEnumerateInstanceLayerProperties");
        for (VkLayerProperties l : layers) {
            if (l.layerNameString().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private VkDevice createDevice(MemoryStack s, List<String> extensions) {
        VkPhysicalDeviceFeatures have = VkPhysicalDeviceFeatures.calloc(s);
        vkGetPhysicalDeviceFeatures(choice.device(), have);
        VkPhysicalDeviceFeatures want = VkPhysicalDeviceFeatures.calloc(s)
                .fillModeNonSolid(have.fillModeNonSolid()).largePoints(have.largePoints());
        VkDeviceQueueCreateInfo.Buffer q = VkDeviceQueueCreateInfo.calloc(1, s).sType$Default()
                .queueFamilyIndex(choice.queueFamily()).pQueuePriorities(s.floats(1f));
        VkDeviceCreateInfo ci =
                VkDeviceCreateInfo.calloc(s).sType$Default().pQueueCreateInfos(q).pEnabledFeatures(want);
        if (!extensions.isEmpty()) {
            ci.ppEnabledExtensionNames(names(s, extensions));
        }
        PointerBuffer p = s.mallocPointer(1);
        check(vkCreateDevice(choice.device(), ci, null, p), "vkCreateDevice");
        return new VkDevice(p.get(0), choice.device(), ci);
    }

    public VkInstance instance() {
        return instance;
    }

    public VkDevice device() {
        return device;
    }

    public VkQueue queue() {
        return queue;
    }

    public long commandPool() {
        return commandPool;
    }

    public long allocator() {
        return allocator;
    }

    /** The chosen device, its queue family and the features the renderer uses. */
    public PhysicalDevices.Choice physical() {
        return choice;
    }

    /** The validation messages so far; empty when validation is off. */
    public List<String> validationMessages() {
        return log == null ? List.of() : log.messages();
    }

    /** Waits for the device to finish and destroys everything this context created. */
    @Override
    public void close() {
        vkDeviceWaitIdle(device);
        vmaDestroyAllocator(allocator);
        vkDestroyCommandPool(device, commandPool, null);
        vkDestroyDevice(device, null);
        if (messenger != VK_NULL_HANDLE) {
            vkDestroyDebugUtilsMessengerEXT(instance, messenger, null);
        }
        vkDestroyInstance(instance, null);
        if (log != null) {
            log.free();
        }
    }
}
