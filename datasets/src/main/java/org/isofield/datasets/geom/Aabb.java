package org.isofield.datasets.geom;

/**
 * An axis-aligned bounding box in world coordinates. An empty box has {@code min > max} on every axis
 * ({@link #EMPTY}); use {@link #isEmpty()} before asking for its size.
 */
public record Aabb(double minX, double minY, double minZ, double maxX, double maxY, double maxZ) {
    /** The box containing nothing. */
    public static final Aabb EMPTY = new Aabb(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);

    /** Bounds of flat xyz data stored relative to {@code origin}; {@link #EMPTY} for no points. */
    public static Aabb of(float[] xyz, Vec3d origin) {
        float x0 = Float.POSITIVE_INFINITY, y0 = Float.POSITIVE_INFINITY, z0 = Float.POSITIVE_INFINITY;
        float x1 = Float.NEGATIVE_INFINITY, y1 = Float.NEGATIVE_INFINITY, z1 = Float.NEGATIVE_INFINITY;
        for (int i = 0; i + 2 < xyz.length; i += 3) {
            float x = xyz[i], y = xyz[i + 1], z = xyz[i + 2];
            x0 = Math.min(x0, x);
            y0 = Math.min(y0, y);
            z0 = Math.min(z0, z);
            x1 = Math.max(x1, x);
            y1 = Math.max(y1, y);
            z1 = Math.max(z1, z);
        }
        if (xyz.length < 3) {
            return EMPTY;
        }
        return new Aabb(origin.x() + x0, origin.y() + y0, origin.z() + z0,
                origin.x() + x1, origin.y() + y1, origin.z() + z1);
    }

    public boolean isEmpty() {
        return !(minX <= maxX && minY <= maxY && minZ <= maxZ);
    }

    public double sizeX() {
        return maxX - minX;
    }

    public double sizeY() {
        return maxY - minY;
    }

    public double sizeZ() {
        return maxZ - minZ;
    }

    /** Length of the longest side. */
    public double longestSide() {
        return Math.max(sizeX(), Math.max(sizeY(), sizeZ()));
    }

    /** Length of the diagonal. */
    public double diagonal() {
        return Math.sqrt(sizeX() * sizeX() + sizeY() * sizeY() + sizeZ() * sizeZ());
    }

    public Vec3d center() {
        return new Vec3d(0.5 * (minX + maxX), 0.5 * (minY + maxY), 0.5 * (minZ + maxZ));
    }

    public Vec3d min() {
        return new Vec3d(minX, minY, minZ);
    }

    public Vec3d max() {
        return new Vec3d(maxX, maxY, maxZ);
    }

    public boolean contains(double x, double y, double z) {
        return x >= minX && x <= maxX && y >= minY && y <= maxY && z >= minZ && z <= maxZ;
    }

    /** The smallest box containing both. */
    public Aabb union(Aabb o) {
        return new Aabb(Math.min(minX, o.minX), Math.min(minY, o.minY), Math.min(minZ, o.minZ),
                Math.max(maxX, o.maxX), Math.max(maxY, o.maxY), Math.max(maxZ, o.maxZ));
    }

    /** This box grown by {@code margin} on every side. */
    public Aabb expand(double margin) {
        return new Aabb(minX - margin, minY - margin, minZ - margin, maxX + margin, maxY + margin, maxZ + margin);
    }

    @Override
    public String toString() {
        return isEmpty() ? "Aabb[empty]" : "Aabb[(" + minX + ", " + minY + ", " + minZ + ") -> (" + maxX + ", " + maxY
                + ", " + maxZ + ")]";
    }
}
