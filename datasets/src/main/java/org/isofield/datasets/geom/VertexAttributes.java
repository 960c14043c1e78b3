package org.isofield.datasets.geom;

import java.util.Map;

/**
 * Per-vertex attributes that travel beside a mesh's geometry to its file: colours ({@code float[3V]}, RGB in
 * [0, 1], or null) and named scalars ({@link Scalars}: {@code quality}, {@code intensity}, ...). Meshes keep only
 * geometry; this is what a writer adds when asked ({@code Meshes.write(mesh, attributes, ...)}).
 *
 * @param colors  RGB in [0, 1], 3 per vertex, or null
 * @param scalars named scalars, 1 per vertex; empty for none
 */
public record VertexAttributes(float[] colors, Map<String, float[]> scalars) {
    /** No attributes. */
    public static final VertexAttributes NONE = new VertexAttributes(null, Map.of());

    public VertexAttributes {
        scalars = scalars == null ? Map.of() : scalars;
    }

    /**
     * Checks the lengths against a vertex count.
     *
     * @throws IllegalArgumentException when a colour or scalar array does not hold one entry per vertex
     */
    public VertexAttributes checked(int vertices) {
        if (colors != null && colors.length != 3 * vertices) {
            throw new IllegalArgumentException("colors has length " + colors.length + "; expected " + 3 * vertices
                    + " (3 per vertex)");
        }
        return new VertexAttributes(colors, Scalars.check(scalars, vertices));
    }

    /** Whether there is nothing to write. */
    public boolean isEmpty() {
        return colors == null && scalars.isEmpty();
    }
}
