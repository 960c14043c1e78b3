package org.isofield.render.scene;

import java.util.Locale;
import java.util.Objects;

/**
 * The legend of an image coloured through a {@link ColorMap}: the map spans [0, {@code scale}] in world units (values
 * above saturate at its end), and each tick also reads as a percentage of {@code referenceLength} (e.g. the bounding
 * box diagonal of the ground truth).
 *
 * @param map             the colour map
 * @param title           the caption: the quantity and what the percentages refer to
 * @param scale           the value at the end of the map, above 0
 * @param referenceLength the length that percentages refer to, above 0
 */
public record ColorBar(ColorMap map, String title, double scale, double referenceLength) {
    public ColorBar {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(title, "title");
        if (!(scale > 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("colour bar scale " + scale + "; expected a finite value above 0");
        }
        if (!(referenceLength > 0 && Double.isFinite(referenceLength))) {
            throw new IllegalArgumentException("colour bar reference length " + referenceLength
                    + "; expected a finite value above 0");
        }
    }

    /** The tick label of value {@code v}: three significant digits and the percentage of the reference length. */
    public String tick(double v) {
        if (v == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%.3g (%.2g%%)", v, 100 * v / referenceLength);
    }
}
