package org.isofield.reconstruction.gridpull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.isofield.datasets.normals.MstOrientation;

/**
 * What kind of surface {@link GridPull} reconstructs. JSON: {@code "auto"}, {@code "closed"} or {@code "open"}
 * (any case).
 */
public enum Surface {
    /**
     * Closed when the flood fill of {@link BandBuilder} finds an inside region of real size
     * ({@link OpenSurface#looksClosed}), else open; the choice is logged and reported as {@code surface}.
     */
    AUTO,
    /** A closed (watertight) surface: the sign comes from the flood fill from the grid boundary. */
    CLOSED,
    /**
     * An open sheet (a single range scan, a scene): the sign comes from consistently oriented normals
     * ({@link MstOrientation}), extraction stays near the points and the mesh is trimmed by distance to them.
     */
    OPEN;

    @JsonCreator
    public static Surface parse(String text) {
        for (Surface s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("surface \"" + text
                + "\" is not known; expected \"auto\", \"closed\" or \"open\"");
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
