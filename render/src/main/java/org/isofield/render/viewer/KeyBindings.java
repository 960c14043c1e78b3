package org.isofield.render.viewer;

import static org.lwjgl.glfw.GLFW.*;

import java.util.Arrays;
import org.isofield.datasets.geom.Aabb;
import org.isofield.render.scene.ClipPlane;
import org.isofield.render.scene.RenderMode;

/**
 * The viewer's keys and the display state they change: which inputs (layers) are shown, the render mode and the
 * clipping plane. Camera keys (reset) and window keys (close, screenshot) come back as {@link Action}s for the
 * {@link Viewer}. Pure state, no window: testable without a display. Not thread-safe (GLFW calls back on one thread).
 */
final class KeyBindings {
    /** The keys, one line each, as printed on start and by H. */
    static final String HELP = String.join("\n",
            "mouse: left drag orbits, right drag pans, wheel zooms, Shift+wheel moves the plane",
            "1..9   show/hide input 1..9 (side by side, in the order given); 0 shows all",
            "F1..F4 shaded, normals, wireframe, points; M cycles the modes",
            "C      clipping plane on/off (starts across the centre, removing the +x side)",
            "X Y Z  clip along that axis; the current axis again flips the removed side",
            "[ ]    move the plane by 1% of the scene (Shift: 10%); PageDown/PageUp too",
            "D      fields: cycle the distance slice (off, x, y, z); [ ] move it by 1/64 of the field's cube",
            "R      reset the view; S screenshot; H print these keys; Esc or Q close");

    /** What the viewer has to do after a key. */
    enum Action {
        /** Nothing (an unbound key, or a layer key beyond the inputs). */
        NONE,
        /** The display state changed: draw a new frame. */
        REDRAW,
        /** Reset the camera. */
        RESET_VIEW,
        /** Write a screenshot. */
        SCREENSHOT,
        /** Print the keys. */
        HELP,
        /** Close the window. */
        CLOSE
    }

    private final boolean[] hidden;
    private final Aabb bounds;
    private RenderMode mode;
    private boolean clipOn;
    private ClipPlane plane;

    /**
     * @param layers the number of inputs
     * @param bounds the scene's bounds (where a new plane goes, and the step of a move)
     * @param mode   the start mode
     * @param clip   the start clipping plane (on), or null (off)
     */
    KeyBindings(int layers, Aabb bounds, RenderMode mode, ClipPlane clip) {
        this.hidden = new boolean[layers];
        this.bounds = bounds;
        this.mode = mode;
        this.clipOn = clip != null;
        this.plane = (clip != null ? clip : new ClipPlane(0, 1, Double.NaN)).at(bounds);
    }

    /** Acts on a key press ({@code mods}: GLFW modifier bits; Shift makes plane moves ten times larger). */
    Action key(int key, int mods) {
        if (key >= GLFW_KEY_1 && key <= GLFW_KEY_9) {
            int i = key - GLFW_KEY_1;
            if (i >= hidden.length) {
                return Action.NONE;
            }
            hidden[i] = !hidden[i];
            return Action.REDRAW;
        }
        boolean shift = (mods & GLFW_MOD_SHIFT) != 0;
        switch (key) {
            case GLFW_KEY_0 -> Arrays.fill(hidden, false);
            case GLFW_KEY_F1 -> mode = RenderMode.SHADED;
            case GLFW_KEY_F2 -> mode = RenderMode.NORMALS;
            case GLFW_KEY_F3 -> mode = RenderMode.WIREFRAME;
            case GLFW_KEY_F4 -> mode = RenderMode.POINTS;
            case GLFW_KEY_M -> mode = RenderMode.values()[(mode.ordinal() + 1) % RenderMode.values().length];
            case GLFW_KEY_C -> clipOn = !clipOn;
            case GLFW_KEY_X -> axis(0);
            case GLFW_KEY_Y -> axis(1);
            case GLFW_KEY_Z -> axis(2);
            case GLFW_KEY_RIGHT_BRACKET, GLFW_KEY_PAGE_UP -> move(shift ? 10 : 1);
            case GLFW_KEY_LEFT_BRACKET, GLFW_KEY_PAGE_DOWN -> move(shift ? -10 : -1);
            case GLFW_KEY_R -> {
                return Action.RESET_VIEW;
            }
            case GLFW_KEY_S -> {
                return Action.SCREENSHOT;
            }
            case GLFW_KEY_H -> {
                return Action.HELP;
            }
            case GLFW_KEY_ESCAPE, GLFW_KEY_Q -> {
                return Action.CLOSE;
            }
            default -> {
                return Action.NONE;
            }
        }
        return Action.REDRAW;
    }

    /** Whether a held key repeats (the plane moves). */
    static boolean repeats(int key) {
        return key == GLFW_KEY_LEFT_BRACKET || key == GLFW_KEY_RIGHT_BRACKET || key == GLFW_KEY_PAGE_UP
                || key == GLFW_KEY_PAGE_DOWN;
    }

    /** Moves the plane by {@code notches} wheel steps of 2% of the scene; returns whether anything changed. */
    boolean scrollPlane(double notches) {
        if (notches == 0) {
            return false;
        }
        move(2 * notches);
        return true;
    }

    private void axis(int a) {
        if (clipOn && plane.axis() == a) {
            plane = new ClipPlane(a, -plane.sign(), plane.position());
        } else if (plane.axis() != a) {
            plane = new ClipPlane(a, plane.sign(), Double.NaN).at(bounds);
        }
        clipOn = true;
    }

    /** Moves the plane by {@code percent} of the scene's extent along its axis and switches it on. */
    private void move(double percent) {
        double extent = plane.axis() == 0 ? bounds.sizeX() : plane.axis() == 1 ? bounds.sizeY() : bounds.sizeZ();
        if (!(extent > 0)) {
            extent = bounds.diagonal() > 0 ? bounds.diagonal() : 1;
        }
        plane = plane.moved(percent / 100 * extent);
        clipOn = true;
    }

    RenderMode mode() {
        return mode;
    }

    boolean visible(int layer) {
        return !hidden[layer];
    }

    /** The clipping plane while it is on, else null. */
    ClipPlane clip() {
        return clipOn ? plane : null;
    }
}
