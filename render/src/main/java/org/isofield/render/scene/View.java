package org.isofield.render.scene;

import java.util.Locale;

/**
 * A viewing direction: the camera sits at azimuth {@code azimuthDegrees} around the +Y (up) axis, measured from +Z
 * towards +X, and {@code elevationDegrees} above the XZ plane, looking at the centre of the scene.
 * {@code front} looks from +Z, {@code side} from +X, {@code top} from +Y (with -Z up in the image), {@code iso}
 * from azimuth 45 and elevation 35.26 (the cube diagonal).
 *
 * @param azimuthDegrees   finite
 * @param elevationDegrees in [-90, 90]
 */
public record View(double azimuthDegrees, double elevationDegrees) {
    public static final View ISO = new View(45, Math.toDegrees(Math.atan(1 / Math.sqrt(2))));
    public static final View FRONT = new View(0, 0);
    public static final View SIDE = new View(90, 0);
    public static final View TOP = new View(0, 90);

    public View {
        if (!Double.isFinite(azimuthDegrees)) {
            throw new IllegalArgumentException("view azimuth = " + azimuthDegrees
                    + "; expected a finite angle in degrees");
        }
        if (!(elevationDegrees >= -90 && elevationDegrees <= 90)) {
            throw new IllegalArgumentException("view elevation = " + elevationDegrees + "; expected -90 to 90 degrees");
        }
    }

    /** Parses {@code iso}, {@code front}, {@code side}, {@code top} or {@code AZ,EL} in degrees (e.g. {@code 30,20}).
     * */
    public static View parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "iso":
                return ISO;
            case "front":
                return FRONT;
            case "side":
                return SIDE;
            case "top":
                return TOP;
            default:
                break;
        }
        String[] parts = t.split(",");
        if (parts.length == 2) {
            try {
                return new View(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("view \"" + text + "\" is not understood; expected iso, front, side, top "
                + "or AZ,EL in degrees such as 30,20");
    }

    /** Unit vector from the scene centre towards the camera. */
    public double[] direction() {
        double az = Math.toRadians(azimuthDegrees);
        double el = Math.toRadians(elevationDegrees);
        return new double[] {Math.cos(el) * Math.sin(az), Math.sin(el), Math.cos(el) * Math.cos(az)};
    }

    /** The world direction that appears as up in the image: +Y, or towards -azimuth when looking straight down/up. */
    public double[] up() {
        if (Math.abs(elevationDegrees) > 89.9) {
            double az = Math.toRadians(azimuthDegrees);
            double s = -Math.signum(elevationDegrees);
            return new double[] {s * Math.sin(az), 0, s * Math.cos(az)};
        }
        return new double[] {0, 1, 0};
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.6g,%.6g", azimuthDegrees, elevationDegrees);
    }
}
