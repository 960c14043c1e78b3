package org.isofield.render.scene;

import java.util.Locale;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.Vec3d;

/**
 * An axis-aligned clipping plane: the part of the scene where {@code sign * p[axis] > sign * position} is not drawn
 * (with {@code sign = +1} the side towards +axis goes, with {@code -1} the side towards -axis). Surfaces seen through
 * the cut show their back faces, which the renderer draws in a distinct colour. Immutable.
 *
 * @param axis     0 (x), 1 (y) or 2 (z)
 * @param sign     +1 or -1
 * @param position the plane's world coordinate on {@code axis}; NaN stands for the centre of the drawn bounds
 *                 ({@link #at})
 */
public record ClipPlane(int axis, int sign, double position) {
    private static final String AXES = "xyz";

    public ClipPlane {
        if (axis < 0 || axis > 2) {
            throw new IllegalArgumentException("clip axis " + axis + "; expected 0 (x), 1 (y) or 2 (z)");
        }
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("clip sign " + sign + "; expected +1 or -1");
        }
        if (Double.isInfinite(position)) {
            throw new IllegalArgumentException("clip position " + position + "; expected a finite coordinate");
        }
    }

    /**
     * Parses {@code AXIS[,POSITION]}: AXIS is {@code x}, {@code y}, {@code z} (removes the side towards +axis) or
     * {@code -x}, {@code -y}, {@code -z} (removes the side towards -axis); POSITION is the world coordinate of the
     * plane
     * (default: the centre of the drawn bounds). Examples: {@code x}, {@code -y,0.25}.
     */
    public static ClipPlane parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        String[] parts = t.split(",", -1);
        String a = parts[0].trim();
        int sign = 1;
        if (a.startsWith("-") || a.startsWith("+")) {
            sign = a.startsWith("-") ? -1 : 1;
            a = a.substring(1);
        }
        if (parts.length > 2 || a.length() != 1 || AXES.indexOf(a.charAt(0)) < 0) {
            throw new IllegalArgumentException("clip plane \"" + text
                    + "\" is not understood; expected AXIS[,POSITION] "
                    + "with AXIS one of x, y, z, -x, -y, -z (e.g. x or -y,0.25)");
        }
        double position = Double.NaN;
        if (parts.length == 2) {
            try {
                position = Double.parseDouble(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("clip plane \"" + text + "\": position \"" + parts[1].trim()
                        + "\" is not a number; expected a world coordinate such as 0.25");
            }
            if (!Double.isFinite(position)) {
                throw new IllegalArgumentException("clip plane \"" + text + "\": expected a finite position");
            }
        }
        return new ClipPlane(AXES.indexOf(a.charAt(0)), sign, position);
    }

    /** This plane with an unset position placed at the centre of {@code bounds}; a set position is kept. */
    public ClipPlane at(Aabb bounds) {
        if (!Double.isNaN(position)) {
            return this;
        }
        Vec3d c = bounds.center();
        return new ClipPlane(axis, sign, axis == 0 ? c.x() : axis == 1 ? c.y() : c.z());
    }

    /** This plane moved by {@code delta} along its axis (towards +axis for positive {@code delta}). */
    public ClipPlane moved(double delta) {
        return new ClipPlane(axis, sign, position + delta);
    }

    /** The plane {@code dot(n, m) = w} in the model coordinates of geometry stored relative to {@code origin}. */
    public float[] inModel(Vec3d origin) {
        if (Double.isNaN(position)) {
            throw new IllegalStateException("clip plane position unset; place it with at(bounds) first");
        }
        double o = axis == 0 ? origin.x() : axis == 1 ? origin.y() : origin.z();
        float[] plane = new float[4];
        plane[axis] = sign;
        plane[3] = (float) (sign * (position - o));
        return plane;
    }

    /** The axis letter with its sign, as {@link #parse} reads it: {@code x} or {@code -x}. */
    public String axisName() {
        return (sign < 0 ? "-" : "") + AXES.charAt(axis);
    }

    @Override
    public String toString() {
        return axisName() + "," + String.format(Locale.ROOT, "%.6g", position);
    }
}
