package org.isofield.render.viewer;

import java.nio.file.Path;
import java.util.Objects;
import org.isofield.render.scene.ClipPlane;
import org.isofield.render.scene.RenderMode;
import org.isofield.render.scene.Rgb;
import org.isofield.render.scene.View;

/**
 * Settings of a viewer window.
 *
 * @param width         initial window width in pixels, 1 to 16384
 * @param height        initial window height in pixels, 1 to 16384
 * @param view          the start view
 * @param mode          the start render mode
 * @param background    the background colour
 * @param validation    run with the Khronos validation layer
 * @param screenshotDir where the screenshot key writes {@code isofield-view-N.png}
 * @param clip          the clipping plane to start with (its position, when unset, at the centre of the scene), or
 *                      null to start without one
 */
public record ViewerOptions(int width, int height, View view, RenderMode mode, Rgb background, boolean validation,
                            Path screenshotDir, ClipPlane clip) {
    public ViewerOptions {
        if (width < 1 || width > 16384 || height < 1 || height > 16384) {
            throw new IllegalArgumentException("window size " + width + "x" + height
                    + "; expected 1 to 16384 per side");
        }
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(screenshotDir, "screenshotDir");
    }

    /** Starting without a clipping plane. */
    public ViewerOptions(int width, int height, View view, RenderMode mode, Rgb background, boolean validation,
                         Path screenshotDir) {
        this(width, height, view, mode, background, validation, screenshotDir, null);
    }
}
