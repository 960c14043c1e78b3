package org.isofield.render.scene;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A colour with components in [0, 1], written unchanged to the 8-bit image.
 *
 * @param r red in [0, 1]
 * @param g green in [0, 1]
 * @param b blue in [0, 1]
 */
public record Rgb(float r, float g, float b) {
    public static final Rgb WHITE = new Rgb(1, 1, 1);
    public static final Rgb BLACK = new Rgb(0, 0, 0);
    /** The default surface colour: a light warm grey. */
    public static final Rgb SURFACE = new Rgb(0.82f, 0.78f, 0.72f);
    /** The default colour of edges in wireframe mode. */
    public static final Rgb EDGES = new Rgb(0.08f, 0.08f, 0.1f);

    private static final Map<String, Rgb> NAMES = Map.of(
            "white", WHITE, "black", BLACK, "gray", new Rgb(0.5f, 0.5f, 0.5f), "grey", new Rgb(0.5f, 0.5f, 0.5f),
            "lightgray", new Rgb(0.83f, 0.83f, 0.83f), "darkgray", new Rgb(0.25f, 0.25f, 0.25f),
            "red", new Rgb(1, 0, 0), "green", new Rgb(0, 1, 0), "blue", new Rgb(0, 0, 1));

    public Rgb {
        check("r", r);
        check("g", g);
        check("b", b);
    }

    private static void check(String name, float v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("colour component " + name + " = " + v + "; expected 0 to 1");
        }
    }

    /** Parses {@code #rrggbb}, {@code rrggbb} or a name (white, black, gray, lightgray, darkgray, red, green, blue). */
    public static Rgb parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Rgb named = NAMES.get(t);
        if (named != null) {
            return named;
        }
        String hex = t.startsWith("#") ? t.substring(1) : t;
        if (hex.matches("[0-9a-f]{6}")) {
            int v = Integer.parseInt(hex, 16);
            return fromRgb24(v);
        }
        throw new IllegalArgumentException("colour \"" + text + "\" is not understood; expected #rrggbb (e.g. #1e1e24) "
                + "or one of " + new TreeSet<>(NAMES.keySet()));
    }

    /** From a packed {@code 0xRRGGBB}. */
    public static Rgb fromRgb24(int v) {
        return new Rgb(((v >> 16) & 255) / 255f, ((v >> 8) & 255) / 255f, (v & 255) / 255f);
    }

    /** Packed {@code 0xRRGGBB}, each component rounded to 8 bits. */
    public int toRgb24() {
        return (Math.round(r * 255) << 16) | (Math.round(g * 255) << 8) | Math.round(b * 255);
    }

    /** Relative luminance (Rec. 709 weights on the stored values). */
    public double luminance() {
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }
}
