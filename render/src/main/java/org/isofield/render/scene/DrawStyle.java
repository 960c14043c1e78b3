package org.isofield.render.scene;

import java.util.Objects;

/**
 * How to draw one item: the mode, the colours and an optional clipping plane.
 *
 * @param mode       the render mode
 * @param background the clear colour
 * @param surface    the base colour of faces and splats
 * @param edges      the colour of edges in {@link RenderMode#WIREFRAME}
 * @param clip       the clipping plane with its position set ({@link ClipPlane#at}), or null for none
 */
public record DrawStyle(RenderMode mode, Rgb background, Rgb surface, Rgb edges, ClipPlane clip) {
    public DrawStyle {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(edges, "edges");
        if (clip != null && Double.isNaN(clip.position())) {
            throw new IllegalArgumentException("clip plane " + clip.axisName() + " has no position; place it with "
                    + "ClipPlane.at(bounds)");
        }
    }

    /** No clipping plane. */
    public DrawStyle(RenderMode mode, Rgb background, Rgb surface, Rgb edges) {
        this(mode, background, surface, edges, null);
    }

    /** {@code mode} on {@code background} with the default surface and edge colours. */
    public static DrawStyle of(RenderMode mode, Rgb background) {
        return new DrawStyle(mode, background, Rgb.SURFACE, Rgb.EDGES);
    }

    /** This style with clipping plane {@code plane} (null for none). */
    public DrawStyle withClip(ClipPlane plane) {
        return new DrawStyle(mode, background, surface, edges, plane);
    }
}
