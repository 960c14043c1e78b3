package org.isofield.render.scene;

import java.util.Objects;

/**
 * How to draw one item: the mode and the colours.
 *
 * @param mode       the render mode
 * @param background the clear colour
 * @param surface    the base colour of faces and splats
 * @param edges      the colour of edges in {@link RenderMode#WIREFRAME}
 */
public record DrawStyle(RenderMode mode, Rgb background, Rgb surface, Rgb edges) {
    public DrawStyle {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(edges, "edges");
    }

    /** {@code mode} on {@code background} with the default surface and edge colours. */
    public static DrawStyle of(RenderMode mode, Rgb background) {
        return new DrawStyle(mode, background, Rgb.SURFACE, Rgb.EDGES);
    }
}
