package org.isofield.reconstruction.mc;

import java.util.Objects;
import org.isofield.core.Check;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.Vec3d;

/**
 * A set of cubes (cells) of a {@link SampleGrid}, as a dense bit set over cell indices
 * {@code i + (nx - 1) * (j + (ny - 1) * k)}: one bit per cell, so 16 MB at 512^3 samples. Not thread-safe.
 */
public final class CellMask {
    private final SampleGrid grid;
    private final long[] bits;
    private final int cx;
    private final int cy;
    private final int cz;

    public CellMask(SampleGrid grid) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.cx = grid.nx() - 1;
        this.cy = grid.ny() - 1;
        this.cz = grid.nz() - 1;
        long cells = (long) cx * cy * cz;
        if (cells > (long) Integer.MAX_VALUE * 64 - 64) {
            throw new IllegalArgumentException("grid of " + cells + " cells is too large for a cell mask");
        }
        this.bits = new long[(int) ((cells + 63) >>> 6)];
    }

    /**
     * The cells whose box comes within {@code radius} (world units, per axis, so a cube around each point) of a
     * point of the cloud; points outside the grid mark nothing.
     */
    public static CellMask near(SampleGrid grid, PointCloud cloud, double radius) {
        return near(grid, cloud, radius, null);
    }

    /**
     * As {@link #near(SampleGrid, PointCloud, double)} with a radius per point: point {@code n} marks the cells
     * within {@code max(radius, pointRadius[n])} of it (world units), so sparse parts of a cloud, whose points
     * are farther apart than {@code 2 radius}, still give one connected mask.
     *
     * @param pointRadius per point, at least the radius to mark around it; null for {@code radius} everywhere
     */
    public static CellMask near(SampleGrid grid, PointCloud cloud, double radius, float[] pointRadius) {
        Objects.requireNonNull(cloud, "cloud");
        Check.positive("radius", radius);
        if (pointRadius != null && pointRadius.length != cloud.size()) {
            throw new IllegalArgumentException("pointRadius: " + pointRadius.length + " radii for "
                    + cloud.size() + " points; expected one per point");
        }
        CellMask mask = new CellMask(grid);
        double h = grid.spacing();
        Vec3d o = cloud.origin().minus(grid.origin());
        float[] p = cloud.positions();
        for (int n = 0; n < cloud.size(); n++) {
            double r = (pointRadius == null ? radius : Math.max(radius, pointRadius[n])) / h;
            double x = (o.x() + p[3 * n]) / h;
            double y = (o.y() + p[3 * n + 1]) / h;
            double z = (o.z() + p[3 * n + 2]) / h;
            int i0 = Math.max(0, (int) Math.floor(x - r));
            int i1 = Math.min(mask.cx - 1, (int) Math.floor(x + r));
            int j0 = Math.max(0, (int) Math.floor(y - r));
            int j1 = Math.min(mask.cy - 1, (int) Math.floor(y + r));
            int k0 = Math.max(0, (int) Math.floor(z - r));
            int k1 = Math.min(mask.cz - 1, (int) Math.floor(z + r));
            for (int k = k0; k <= k1; k++) {
                for (int j = j0; j <= j1; j++) {
                    for (int i = i0; i <= i1; i++) {
                        mask.set(mask.index(i, j, k));
                    }
                }
            }
        }
        return mask;
    }

    public SampleGrid grid() {
        return grid;
    }

    /** Index of cell {@code (i, j, k)}. */
    public long index(int i, int j, int k) {
        return i + (long) cx * (j + (long) cy * k);
    }

    public boolean get(long cell) {
        return (bits[(int) (cell >>> 6)] & (1L << cell)) != 0;
    }

    public void set(long cell) {
        bits[(int) (cell >>> 6)] |= 1L << cell;
    }

    /** Number of cells in the set. */
    public long count() {
        long n = 0;
        for (long w : bits) {
            n += Long.bitCount(w);
        }
        return n;
    }

    /** The cells in the set, ascending. */
    public long[] toArray() {
        long n = count();
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(n + " cells do not fit one array");
        }
        long[] out = new long[(int) n];
        int m = 0;
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            while (word != 0) {
                out[m++] = ((long) w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
            }
        }
        return out;
    }

    int cellsX() {
        return cx;
    }

    int cellsY() {
        return cy;
    }

    int cellsZ() {
        return cz;
    }
}
