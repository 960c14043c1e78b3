package org.isofield.render.vulkan;

import static org.lwjgl.vulkan.EXTDebugUtils.*;
import static org.lwjgl.vulkan.VK10.VK_FALSE;

import java.util.ArrayList;
import java.util.List;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkDebugUtilsMessengerCallbackDataEXT;
import org.lwjgl.vulkan.VkDebugUtilsMessengerCallbackEXT;
import org.lwjgl.vulkan.VkDebugUtilsMessengerCreateInfoEXT;

/**
 * Collects the warnings and errors the Khronos validation layer reports through {@code VK_EXT_debug_utils}, so
 * tests can fail on any of them. Thread-safe; the native callback is freed by {@link #free()}.
 */
public final class ValidationLog {
    private static final System.Logger LOG = System.getLogger(ValidationLog.class.getName());
    private final List<String> messages = new ArrayList<>();
    private final VkDebugUtilsMessengerCallbackEXT callback;

    ValidationLog() {
        callback = VkDebugUtilsMessengerCallbackEXT.create((severity, types, data, user) -> {
            String text = VkDebugUtilsMessengerCallbackDataEXT.create(data).pMessageString();
            record(severity, text);
            return VK_FALSE;
        });
    }

    private void record(int severity, String text) {
        String level = (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT) != 0 ? "ERROR" : "WARNING";
        LOG.log(System.Logger.Level.WARNING, "vulkan validation " + level + ": " + text);
        synchronized (messages) {
            messages.add(level + ": " + text);
        }
    }

    /** A create-info for a messenger that reports warnings and errors of every type to this log. */
    VkDebugUtilsMessengerCreateInfoEXT createInfo(MemoryStack s) {
        return VkDebugUtilsMessengerCreateInfoEXT.calloc(s).sType$Default()
                .messageSeverity(VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT
                | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT)
                .messageType(VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT
                | VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT
                        | VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT)
                .pfnUserCallback(callback);
    }

    /** Every warning and error so far, oldest first, each as {@code "LEVEL: text"}. */
    public List<String> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    void free() {
        callback.free();
    }
}
