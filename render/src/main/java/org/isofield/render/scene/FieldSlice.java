package org.isofield.render.scene;

import java.util.Locale;

/**
 * A distance slice of a field: the plane {@code unit[axis] = offset} through the field's unit cube, coloured by the
 * signed distance (a diverging map, iso-lines every {@link #ISO_SPACING} of the unit cube or a coarser step so that
 * they stay {@link #MIN_LINE_PIXELS} pixels apart ({@link #isoSpacing}), the zero line black). The
 * surface on the eye's side of the plane is cut away, so the slice is seen whole and the surface behind it around it.
 *
 * @param axis   0 for x, 1 for y, 2 for z (unit-cube axes, which are the world axes: the field's transform only scales
 *               and translates)
 * @param offset the plane's position on {@code axis} as a fraction of the unit cube, 0 to 1
 */
public record FieldSlice(int axis, double offset) {
    /** Distance between iso-lines, in unit-cube units (1% of the cube), when the image is fine enough. */
    public static final float ISO_SPACING = 0.01f;
    /** The least distance in pixels between iso-lines at the middle of the cube. */
    public static final double MIN_LINE_PIXELS = 8;
    /** How far one key press moves the slice in the viewer (1/64 of the cube). */
    public static final double KEY_STEP = 1.0 / 64;

    public FieldSlice {
        if (axis < 0 || axis > 2) {
            throw new IllegalArgumentException("slice axis " + axis + "; expected 0 (x), 1 (y) or 2 (z)");
        }
        if (!(offset >= 0 && offset <= 1)) {
            throw new IllegalArgumentException("slice offset " + offset + "; expected 0 to 1 (a fraction of the "
                    + "field's unit cube)");
        }
    }

    /** Parses {@code AXIS,OFFSET}, e.g. {@code z,0.5}: axis x, y or z, offset 0 to 1. */
    public static FieldSlice parse(String text) {
        String[] parts = text.trim().split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "'; expected AXIS,OFFSET such as z,0.5");
        }
        int axis = switch (parts[0].trim().toLowerCase(Locale.ROOT)) {
            case "x" -> 0;
            case "y" -> 1;
            case "z" -> 2;
            default -> throw new IllegalArgumentException("axis '" + parts[0].trim() + "' in '" + text
                    + "'; expected x, y or z");
        };
        double offset;
        try {
            offset = Double.parseDouble(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("offset '" + parts[1].trim() + "' in '" + text + "'; expected a number "
                    + "from 0 to 1");
        }
        return new FieldSlice(axis, offset);
    }

    /** The next slice in the viewer's cycle: off, x, y, z, off (null is off); a new axis starts at the middle. */
    public static FieldSlice cycle(FieldSlice s) {
        if (s == null) {
            return new FieldSlice(0, 0.5);
        }
        return s.axis == 2 ? null : new FieldSlice(s.axis + 1, 0.5);
    }

    /**
     * The iso-line spacing for a view where one pixel covers {@code unitsPerPixel} of the unit cube at its middle:
     * {@link #ISO_SPACING} times 1, 2, 5, 10, 20, 50, ..., the first at least {@link #MIN_LINE_PIXELS} pixels.
     */
    public static float isoSpacing(double unitsPerPixel) {
        double base = 0.01;   // ISO_SPACING, exactly
        double s = base;
        int[] steps = {2, 5, 10};
        for (int k = 0; s < MIN_LINE_PIXELS * unitsPerPixel && k < 30; k++) {
            s = base * steps[k % 3] * Math.pow(10, k / 3);
        }
        return (float) s;
    }

    /** This slice moved by {@code delta} of the unit cube, kept within 0 to 1. */
    public FieldSlice moved(double delta) {
        return new FieldSlice(axis, Math.max(0, Math.min(1, offset + delta)));
    }

    /** The axis letter and offset, e.g. {@code z,0.500}. */
    @Override
    public String toString() {
        return "xyz".charAt(axis) + String.format(Locale.ROOT, ",%.3f", offset);
    }
}
