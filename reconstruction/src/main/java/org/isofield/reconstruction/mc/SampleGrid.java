package org.isofield.reconstruction.mc;

import java.util.Objects;
import org.isofield.core.Check;
import org.isofield.datasets.geom.Vec3d;

/**
 * Where a regular grid's samples lie in the world: sample {@code (i, j, k)} is at
 * {@code origin + spacing * (i, j, k)} for {@code 0 <= i < nx} and so on. Flat arrays over the grid index x fastest:
 * {@code i + nx * (j + ny * k)}.
 *
 * @param nx samples along x, at least 2
 * @param ny samples along y, at least 2
 * @param nz samples along z, at least 2
 * @param origin world position of sample (0, 0, 0)
 * @param spacing distance between neighbouring samples, finite and above 0
 */
public record SampleGrid(int nx, int ny, int nz, Vec3d origin, double spacing) {
    public SampleGrid {
        Check.range("nx", nx, 2, 1 << 16);
        Check.range("ny", ny, 2, 1 << 16);
        Check.range("nz", nz, 2, 1 << 16);
        Objects.requireNonNull(origin, "origin");
        Check.finite("origin.x", origin.x());
        Check.finite("origin.y", origin.y());
        Check.finite("origin.z", origin.z());
        Check.positive("spacing", spacing);
    }

    /**
     * A cube of {@code resolution^3} samples spanning {@code [min, min + size]} on each axis, corners included.
     *
     * @param resolution samples per axis, 2 to 65536
     */
    public static SampleGrid cube(Vec3d min, double size, int resolution) {
        Check.range("resolution", resolution, 2, 1 << 16);
        Check.positive("size", size);
        return new SampleGrid(resolution, resolution, resolution, min, size / (resolution - 1));
    }

    /** The unit cube {@code [0, 1]^3} with {@code resolution} samples per axis. */
    public static SampleGrid unitCube(int resolution) {
        return cube(Vec3d.ZERO, 1.0, resolution);
    }

    /** Number of samples, {@code nx * ny * nz}, as a long. */
    public long sampleCount() {
        return (long) nx * ny * nz;
    }

    /** Samples in one z slice, {@code nx * ny}. */
    public int sliceSize() {
        long s = (long) nx * ny;
        if (s > Integer.MAX_VALUE / 3) {
            throw new IllegalArgumentException("slice of " + nx + " x " + ny
                    + " samples is too large; expected at most "
                    + Integer.MAX_VALUE / 3);
        }
        return (int) s;
    }
}
