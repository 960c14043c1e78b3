package org.isofield.render.viewer;

import static org.lwjgl.glfw.GLFW.*;
import static org.lwjgl.glfw.GLFWVulkan.*;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.system.MemoryUtil.NULL;

import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import org.isofield.core.BackendUnavailableException;
import org.isofield.core.IsofieldException;
import org.lwjgl.PointerBuffer;
import org.lwjgl.glfw.Callbacks;
import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkInstance;

/**
 * A GLFW window without a client API (Vulkan draws into it) on the X11 platform. GLFW's null platform cannot make a
 * Vulkan surface with lavapipe (java-stack.md), so a window needs an X server: a desktop or Xvfb. Errors name what
 * is missing: no {@code DISPLAY}, an X server that cannot be reached, or no Vulkan support in the loader.
 */
final class GlfwWindow implements AutoCloseable {
    static final String XVFB_HINT = "run under an X server, e.g. 'xvfb-run -a isofield view FILE' (Debian package "
            + "xvfb), or write an image with 'isofield render'";

    private final GLFWErrorCallback errors;
    private volatile String lastError = "no GLFW error reported";
    final long handle;
    final List<String> instanceExtensions;

    GlfwWindow(String title, int width, int height) {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            throw new BackendUnavailableException("display", "DISPLAY is not set, so there is no X server to open "
                    + "a window on; " + XVFB_HINT);
        }
        errors = GLFWErrorCallback.create((code,
                description) -> lastError = GLFWErrorCallback.getDescription(description));
        glfwSetErrorCallback(errors);
        glfwInitHint(GLFW_PLATFORM, GLFW_PLATFORM_X11);
        if (!glfwInit()) {
            free();
            throw new BackendUnavailableException("display", "cannot connect to the X server at DISPLAY=" + display
                    + " (" + lastError + "); " + XVFB_HINT);
        }
        try {
            if (!glfwVulkanSupported()) {
                throw new BackendUnavailableException("vulkan", "GLFW finds no Vulkan loader with window surfaces ("
                        + lastError + "); install the Debian packages libvulkan1 and mesa-vulkan-drivers");
            }
            PointerBuffer req = glfwGetRequiredInstanceExtensions();
            if (req == null) {
                throw new BackendUnavailableException("vulkan", "no Vulkan surface extension for this window system ("
                        + lastError + ")");
            }
            instanceExtensions = new ArrayList<>();
            for (int i = 0; i < req.capacity(); i++) {
                instanceExtensions.add(req.getStringUTF8(i));
            }
            glfwDefaultWindowHints();
            glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
            glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
            handle = glfwCreateWindow(width, height, title, NULL, NULL);
            if (handle == NULL) {
                throw new BackendUnavailableException("display", "cannot create a window: " + lastError);
            }
        } catch (RuntimeException e) {
            glfwTerminate();
            free();
            throw e;
        }
    }

    /** Creates the window's Vulkan surface on {@code instance}. */
    long createSurface(VkInstance instance) {
        try (MemoryStack s = stackPush()) {
            LongBuffer p = s.mallocLong(1);
            int r = glfwCreateWindowSurface(instance, handle, null, p);
            if (r != 0) {
                throw new IsofieldException("vulkan: glfwCreateWindowSurface failed with VkResult " + r + " ("
                        + lastError + "); expected VK_SUCCESS");
            }
            return p.get(0);
        }
    }

    /** The framebuffer size in pixels, {@code {width, height}}; zero while minimised. */
    int[] framebufferSize() {
        try (MemoryStack s = stackPush()) {
            IntBuffer w = s.mallocInt(1);
            IntBuffer h = s.mallocInt(1);
            glfwGetFramebufferSize(handle, w, h);
            return new int[] {w.get(0), h.get(0)};
        }
    }

    private void free() {
        glfwSetErrorCallback(null);
        errors.free();
    }

    /** Destroys the window, its callbacks, and terminates GLFW. */
    @Override
    public void close() {
        Callbacks.glfwFreeCallbacks(handle);
        glfwDestroyWindow(handle);
        glfwTerminate();
        free();
    }
}
