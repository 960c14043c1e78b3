package org.isofield.render.scene;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How geometry is drawn. Point clouds are always drawn as splats; {@link #NORMALS} colours them by their normals.
 */
public enum RenderMode {
    /** Headlight Lambert + Blinn, two-sided: back faces are lit too, with a bluish tint. */
    SHADED,
    /** The unit normal as colour: {@code rgb = 0.5 n + 0.5} in file coordinates. */
    NORMALS,
    /** Shaded faces with their edges drawn on top. */
    WIREFRAME,
    /** Splats at the vertices, sized to the point spacing. */
    POINTS;

    /** The lower-case name used on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a mode name, ignoring case. */
    public static RenderMode parse(String text) {
        for (RenderMode m : values()) {
            if (m.key().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("render mode \"" + text + "\" is unknown; expected one of "
                + Arrays.stream(values()).map(RenderMode::key).collect(Collectors.joining(", ")));
    }
}
