package org.isofield.render;

import java.util.Objects;
import org.isofield.render.scene.ClipPlane;
import org.isofield.render.scene.ColorBar;
import org.isofield.render.scene.Framing;
import org.isofield.render.scene.RenderMode;
import org.isofield.render.scene.Rgb;
import org.isofield.render.scene.View;

/**
 * Settings of one rendered image.
 *
 * @param width      image width in pixels, 1 to 16384
 * @param height     image height in pixels, 1 to 16384
 * @param view       the viewing direction
 * @param mode       how surfaces are drawn
 * @param background the background colour
 * @param framing    whether side-by-side items share one camera
 * @param validation run with the Khronos validation layer and fail on any warning or error it reports
 * @param clip       a clipping plane (its position, when unset, goes to the centre of all items' bounds), or null
 * @param colorBar   the legend of items coloured through a colour map, drawn in a band under the tiles, or null
 */
public record RenderOptions(int width, int height, View view, RenderMode mode, Rgb background, Framing framing,
                            boolean validation, ClipPlane clip, ColorBar colorBar) {
    /** 1280x960, iso view, shaded, dark grey background, automatic framing, no validation, no clip, no colour bar. */
    public static final RenderOptions DEFAULT = new RenderOptions(1280, 960, View.ISO, RenderMode.SHADED,
            Rgb.fromRgb24(0x26262e), Framing.AUTO, false, null, null);

    /** Without a clipping plane or a colour bar. */
    public RenderOptions(int width, int height, View view, RenderMode mode, Rgb background, Framing framing,
                         boolean validation) {
        this(width, height, view, mode, background, framing, validation, null, null);
    }

    public RenderOptions {
        size("width", width);
        size("height", height);
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(framing, "framing");
    }

    private static void size(String name, int v) {
        if (v < 1 || v > 16384) {
            throw new IllegalArgumentException(name + " = " + v + "; expected 1 to 16384 pixels");
        }
    }

    public RenderOptions withSize(int w, int h) {
        return new RenderOptions(w, h, view, mode, background, framing, validation, clip, colorBar);
    }

    public RenderOptions withView(View v) {
        return new RenderOptions(width, height, v, mode, background, framing, validation, clip, colorBar);
    }

    public RenderOptions withMode(RenderMode m) {
        return new RenderOptions(width, height, view, m, background, framing, validation, clip, colorBar);
    }

    public RenderOptions withBackground(Rgb b) {
        return new RenderOptions(width, height, view, mode, b, framing, validation, clip, colorBar);
    }

    public RenderOptions withFraming(Framing f) {
        return new RenderOptions(width, height, view, mode, background, f, validation, clip, colorBar);
    }

    public RenderOptions withValidation(boolean on) {
        return new RenderOptions(width, height, view, mode, background, framing, on, clip, colorBar);
    }

    public RenderOptions withClip(ClipPlane c) {
        return new RenderOptions(width, height, view, mode, background, framing, validation, c, colorBar);
    }

    public RenderOptions withColorBar(ColorBar bar) {
        return new RenderOptions(width, height, view, mode, background, framing, validation, clip, bar);
    }
}
