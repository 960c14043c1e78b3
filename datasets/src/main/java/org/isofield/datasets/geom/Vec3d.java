package org.isofield.datasets.geom;

/** A double-precision 3D point or vector, for API edges (origins, centres, translations); never stored per point. */
public record Vec3d(double x, double y, double z) {
    /** The origin (0, 0, 0). */
    public static final Vec3d ZERO = new Vec3d(0, 0, 0);

    public Vec3d plus(Vec3d o) {
        return new Vec3d(x + o.x, y + o.y, z + o.z);
    }

    public Vec3d minus(Vec3d o) {
        return new Vec3d(x - o.x, y - o.y, z - o.z);
    }

    public Vec3d times(double s) {
        return new Vec3d(x * s, y * s, z * s);
    }

    public double length() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** Component {@code axis} (0 = x, 1 = y, 2 = z). */
    public double get(int axis) {
        return switch (axis) {
            case 0 -> x;
            case 1 -> y;
            case 2 -> z;
            default -> throw new IllegalArgumentException("axis = " + axis + "; expected 0, 1 or 2");
        };
    }

    /**
     * The storage origin for data whose first point is {@code (x, y, z)}: zero when all coordinates are below 2^14
     * in magnitude (floats are then exact to about 1e-3 relative to 1, the common case), else the point rounded to
     * whole units, so stored offsets stay small and keep float precision.
     */
    public static Vec3d chooseOrigin(double x, double y, double z) {
        double m = Math.max(Math.abs(x), Math.max(Math.abs(y), Math.abs(z)));
        if (!(m >= 16384.0) || !Double.isFinite(m)) {
            return ZERO;
        }
        return new Vec3d(Math.rint(x), Math.rint(y), Math.rint(z));
    }

    @Override
    public String toString() {
        return "(" + x + ", " + y + ", " + z + ")";
    }
}
