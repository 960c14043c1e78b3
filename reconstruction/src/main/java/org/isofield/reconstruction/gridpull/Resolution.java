package org.isofield.reconstruction.gridpull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A grid resolution in cells across the longest side of the input's bounding box, or {@code "auto"} (derived from
 * the data; see where it is used). JSON: the string {@code "auto"} or an integer from {@value #MIN} to {@value #MAX}.
 */
public final class Resolution {
    /** Smallest explicit resolution. */
    public static final int MIN = 8;
    /** Largest explicit resolution. */
    public static final int MAX = 2048;
    /** Derived from the data. */
    public static final Resolution AUTO = new Resolution(0, null);

    private final int cells;

    // two parameters, so Jackson never takes this constructor as a creator for plain integers
    private Resolution(int cells, Void unused) {
        this.cells = cells;
    }

    /** An explicit resolution of {@code cells} cells, {@value #MIN} to {@value #MAX}. */
    public static Resolution of(int cells) {
        if (cells < MIN || cells > MAX) {
            throw new IllegalArgumentException("resolution " + cells + " is out of range; expected " + MIN + " to " + MAX
                    + " or \"auto\"");
        }
        return new Resolution(cells, null);
    }

    /** Parses {@code "auto"} or a whole number, as typed on the command line. */
    public static Resolution parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("auto")) {
            return AUTO;
        }
        try {
            return of(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("resolution \"" + text + "\" is not a number; expected " + MIN + " to " + MAX
                    + " or \"auto\"");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Resolution fromJson(JsonNode node) {
        if (node.isTextual()) {
            return parse(node.asText());
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return of(node.intValue());
        }
        throw new IllegalArgumentException("found " + node + "; expected " + MIN + " to " + MAX + " or \"auto\"");
    }

    @JsonValue
    public Object toJson() {
        return isAuto() ? "auto" : (Object) cells;
    }

    public boolean isAuto() {
        return cells == 0;
    }

    /** The explicit number of cells, or {@code fallback} when auto. */
    public int orElse(int fallback) {
        return isAuto() ? fallback : cells;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Resolution r && r.cells == cells;
    }

    @Override
    public int hashCode() {
        return cells;
    }

    @Override
    public String toString() {
        return isAuto() ? "auto" : Integer.toString(cells);
    }
}
