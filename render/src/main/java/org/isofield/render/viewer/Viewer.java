package org.isofield.render.viewer;

import static org.lwjgl.glfw.GLFW.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.isofield.datasets.geom.Aabb;
import org.isofield.render.PngFiles;
import org.isofield.render.scene.DrawStyle;
import org.isofield.render.scene.OrbitControls;
import org.isofield.render.scene.RenderItem;
import org.isofield.render.vulkan.FieldTracer;
import org.isofield.render.vulkan.GpuGeometry;
import org.isofield.render.vulkan.WindowRenderer;

/**
 * An interactive window showing items side by side, all seen by one orbiting camera; fields are sphere-traced into
 * their tiles ({@link FieldLayer}, D cycles their distance slice, [ ] move it while the clipping plane is off). Left
 * drag orbits, right or
 * middle drag pans, the wheel zooms; keys ({@link #keyHelp()}, handled by {@link KeyBindings}): 1..9 show/hide each
 * input, F1..F4 or M the render mode, C X Y Z [ ] the clipping plane, R reset, S screenshot
 * ({@code isofield-view-N.png} in {@link ViewerOptions#screenshotDir()}), H the key list, Esc or Q close. Redraws
 * only when something changed; survives resizing and minimising. Use from one thread (GLFW wants the main thread on
 * some
 * systems; on Linux/X11 any single thread works).
 */
public final class Viewer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Viewer.class.getName());

    private final ViewerOptions options;
    private final GlfwWindow window;
    private final WindowRenderer renderer;
    private final List<GpuGeometry> geometry = new ArrayList<>();
    private FieldLayer fields;
    private final OrbitControls controls;
    private final KeyBindings keys;
    private boolean dirty = true;
    private boolean screenshotRequested;
    private int dragButton = -1;
    private double lastX;
    private double lastY;

    private Viewer(List<RenderItem> items, ViewerOptions options) {
        this.options = options;
        Aabb bounds = Aabb.EMPTY;
        for (RenderItem item : items) {
            bounds = bounds.union(item.bounds());
        }
        controls = new OrbitControls(bounds, options.view());
        keys = new KeyBindings(items.size(), bounds, options.mode(), options.clip());
        window = new GlfwWindow(title(items), options.width(), options.height());
        WindowRenderer r = null;
        try {
            r = WindowRenderer.open(options.validation(), window.instanceExtensions, window::createSurface);
            for (RenderItem item : items) {
                geometry.add(item.field() != null ? null : r.upload(item));
            }
            fields = new FieldLayer(r.context(), items);
        } catch (RuntimeException e) {
            closeGeometry();
            if (r != null) {
                r.close();
            }
            window.close();
            throw e;
        }
        renderer = r;
        installCallbacks();
    }

    /** Opens a window showing {@code items}. */
    public static Viewer open(List<RenderItem> items, ViewerOptions options) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to view; expected at least one input");
        }
        return new Viewer(items, options);
    }

    private static String title(List<RenderItem> items) {
        StringBuilder t = new StringBuilder("isofield view:");
        for (RenderItem item : items) {
            t.append(' ').append(item.label());
        }
        return t.toString();
    }

    private void installCallbacks() {
        long w = window.handle;
        glfwSetFramebufferSizeCallback(w, (win, width, height) -> {
            renderer.resized();
            dirty = true;
        });
        glfwSetWindowRefreshCallback(w, win -> dirty = true);
        glfwSetMouseButtonCallback(w, (win, button, action, mods) -> {
            dragButton = action == GLFW_PRESS ? button : -1;
        });
        glfwSetCursorPosCallback(w, (win, x, y) -> {
            int height = Math.max(1, window.framebufferSize()[1]);
            if (dragButton == GLFW_MOUSE_BUTTON_LEFT) {
                controls.rotate(x - lastX, y - lastY, height);
                dirty = true;
            } else if (dragButton == GLFW_MOUSE_BUTTON_RIGHT || dragButton == GLFW_MOUSE_BUTTON_MIDDLE) {
                controls.pan(x - lastX, y - lastY, height);
                dirty = true;
            }
            lastX = x;
            lastY = y;
        });
        glfwSetScrollCallback(w, (win, dx, dy) -> {
            boolean shift = glfwGetKey(win, GLFW_KEY_LEFT_SHIFT) == GLFW_PRESS
                    || glfwGetKey(win, GLFW_KEY_RIGHT_SHIFT) == GLFW_PRESS;
            if (shift) {
                keys.scrollPlane(dy);
            } else {
                controls.zoom(dy);
            }
            dirty = true;
        });
        glfwSetKeyCallback(w, (win, key, scancode, action, mods) -> {
            if (action == GLFW_PRESS || action == GLFW_REPEAT && KeyBindings.repeats(key)) {
                key(key, mods);
            }
        });
    }

    /** The keys and mouse bindings, one line each. */
    public static String keyHelp() {
        return KeyBindings.HELP;
    }

    /** Acts on a key press without modifiers (public for scripted use and tests). */
    public void key(int key) {
        key(key, 0);
    }

    /** Acts on a key press with GLFW modifier bits {@code mods}. */
    public void key(int key, int mods) {
        boolean sliceKey = key == GLFW_KEY_D || (key == GLFW_KEY_LEFT_BRACKET || key == GLFW_KEY_RIGHT_BRACKET)
                && fields.slice() != null && keys.clip() == null;
        if (sliceKey && fields.key(key)) {
            dirty = true;
            return;
        }
        switch (keys.key(key, mods)) {
            case NONE -> {
                return;
            }
            case CLOSE -> glfwSetWindowShouldClose(window.handle, true);
            case RESET_VIEW -> controls.reset();
            case SCREENSHOT -> screenshotRequested = true;
            case HELP -> System.out.println(keyHelp());
            case REDRAW -> {
            }
        }
        dirty = true;
    }

    /** Runs until the window is closed: waits for input, redraws when something changed. */
    public void run() {
        while (!glfwWindowShouldClose(window.handle)) {
            if (dirty || screenshotRequested) {
                frame();
                glfwPollEvents();
            } else {
                glfwWaitEventsTimeout(0.5);
            }
        }
    }

    /**
     * Processes pending events and draws one frame; on a screenshot request writes it. Returns the frame's image
     * when {@code capture}, else null (also when nothing could be drawn, e.g. while minimised).
     */
    public BufferedImage frame(boolean capture) {
        glfwPollEvents();
        int[] fb = window.framebufferSize();
        List<GpuGeometry> shown = new ArrayList<>();
        List<FieldTracer> shownFields = new ArrayList<>();
        List<FieldTracer> tracers = fields.tiles();
        for (int i = 0; i < geometry.size(); i++) {
            if (keys.visible(i)) {
                shown.add(geometry.get(i));
                shownFields.add(tracers.get(i));
            }
        }
        DrawStyle style = DrawStyle.of(keys.mode(), options.background()).withClip(keys.clip());
        WindowRenderer.Frame f = renderer.drawFrame(shown, shownFields, controls::camera, style, fb[0], fb[1],
                capture || screenshotRequested);
        if (f.drawn()) {
            dirty = false;
            if (screenshotRequested) {
                screenshotRequested = false;
                writeScreenshot(f.image());
            }
        }
        return capture ? f.image() : null;
    }

    private void frame() {
        frame(false);
    }

    private void writeScreenshot(BufferedImage image) {
        Path dir = options.screenshotDir();
        for (int n = 1; ; n++) {
            Path p = dir.resolve("isofield-view-" + n + ".png");
            if (!Files.exists(p)) {
                PngFiles.write(image, p, false);
                LOG.log(System.Logger.Level.INFO, "wrote screenshot " + p);
                return;
            }
        }
    }

    /** Resizes the window (as a user dragging its border would). */
    public void setWindowSize(int width, int height) {
        glfwSetWindowSize(window.handle, width, height);
    }

    /** Warnings and errors of the validation layer so far; empty without validation. */
    public List<String> validationMessages() {
        return renderer.context().validationMessages();
    }

    private void closeGeometry() {
        for (GpuGeometry g : geometry) {
            if (g != null) {
                g.close();
            }
        }
    }

    @Override
    public void close() {
        fields.close();
        closeGeometry();
        renderer.close();
        window.close();
    }
}
