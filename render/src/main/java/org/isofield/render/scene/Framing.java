package org.isofield.render.scene;

import java.util.List;
import java.util.Locale;
import org.isofield.datasets.geom.Aabb;

/**
 * Whether side-by-side items share one camera. {@link #SHARED} frames the union of their bounds, so sizes and
 * positions compare across tiles (a reconstruction beside its ground truth); {@link #EACH} frames every item on its
 * own (unrelated models); {@link #AUTO} shares when every item's bounding box diagonal is at least half of the
 * union's, i.e. when the items overlap in place and scale.
 */
public enum Framing {
    AUTO, SHARED, EACH;

    /** The lower-case name used on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a name, ignoring case. */
    public static Framing parse(String text) {
        for (Framing f : values()) {
            if (f.key().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("framing \"" + text + "\" is unknown; expected auto, shared or each");
    }

    /** Whether {@code items} get one camera under this setting. */
    public boolean shared(List<RenderItem> items) {
        if (this != AUTO) {
            return this == SHARED;
        }
        Aabb union = Aabb.EMPTY;
        for (RenderItem item : items) {
            union = union.union(item.bounds());
        }
        for (RenderItem item : items) {
            if (item.bounds().diagonal() < 0.5 * union.diagonal()) {
                return false;
            }
        }
        return true;
    }
}
