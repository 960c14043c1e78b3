package org.isofield.reconstruction.gridpull;

/**
 * A signed distance grid of {@code n^3} samples stored only in 8^3 bricks near the input points. A dense brick
 * directory ({@code (n/8)^3} ints, 1 MB at 512^3) maps brick coordinates to a brick's storage or -1; every brick
 * without storage has a sign label (+1 outside, -1 inside, from a flood fill over bricks) and reads as
 * {@code label * farValue}, so the field has one consistent sign away from the points and its zero set closes.
 * Values are in cells (grid units); lattice coordinates are sample indices. Sample {@code (i, j, k)} of a stored
 * brick {@code b} lives at {@code b * 512 + (i & 7) + 8 (j & 7) + 64 (k & 7)} of {@link #values}.
 *
 * <p>Public for the stages of GridPull in other packages (sign repair); the arrays are shared, and only the stage
 * that owns the grid at the time writes them.
 */
public final class SparseGrid {
    /** Samples along a brick's side. */
    public static final int BRICK = 8;
    /** Samples per brick. */
    public static final int BRICK_SAMPLES = BRICK * BRICK * BRICK;

    /** Samples per axis, a multiple of {@link #BRICK}. */
    public final int n;
    /** Bricks per axis. */
    public final int nb;
    /** Storage index of each brick ({@code bx + nb (by + nb bz)}), or -1 for a brick without storage. */
    public final int[] directory;
    /** Sign of each brick without storage: +1 outside, -1 inside. */
    public final byte[] label;
    /** Brick coordinates of each stored brick, packed {@code bx + nb (by + nb bz)}. */
    public final int[] brickCells;
    /** The stored samples, {@link #BRICK_SAMPLES} per stored brick. */
    public final float[] values;
    /** The magnitude of the value of a sample without storage. */
    public final float farValue;

    /** A grid with zeroed storage for the given bricks. */
    public SparseGrid(int n, int[] directory, byte[] label, int[] brickCells, float farValue) {
        if (n % BRICK != 0) {
            throw new IllegalArgumentException("n = " + n + "; expected a multiple of " + BRICK);
        }
        this.n = n;
        this.nb = n / BRICK;
        this.directory = directory;
        this.label = label;
        this.brickCells = brickCells;
        this.values = new float[brickCells.length * BRICK_SAMPLES];
        this.farValue = farValue;
    }

    /** A grid over existing values, {@code 512} per stored brick, shared (e.g. read from a field file). */
    public SparseGrid(int n, int[] directory, byte[] label, int[] brickCells, float[] values, float farValue) {
        this.n = n;
        this.nb = n / BRICK;
        this.directory = directory;
        this.label = label;
        this.brickCells = brickCells;
        this.values = values;
        this.farValue = farValue;
    }

    public int brickCount() {
        return brickCells.length;
    }

    public int brickIndex(int bx, int by, int bz) {
        return bx + nb * (by + nb * bz);
    }

    /** Storage slot of sample {@code (i, j, k)}, or -1 when its brick has none (or it is outside the grid). */
    public int slot(int i, int j, int k) {
        if (i < 0 || j < 0 || k < 0 || i >= n || j >= n || k >= n) {
            return -1;
        }
        int b = directory[brickIndex(i >> 3, j >> 3, k >> 3)];
        return b < 0 ? -1 : b * BRICK_SAMPLES + (i & 7) + 8 * (j & 7) + 64 * (k & 7);
    }

    /** The value of a sample without storage: its brick's label times {@link #farValue} (+farValue off the grid). */
    public float farValue(int i, int j, int k) {
        if (i < 0 || j < 0 || k < 0 || i >= n || j >= n || k >= n) {
            return farValue;
        }
        return label[brickIndex(i >> 3, j >> 3, k >> 3)] * farValue;
    }

    public float get(int i, int j, int k) {
        int s = slot(i, j, k);
        return s >= 0 ? values[s] : farValue(i, j, k);
    }

    /** Lattice coordinates of slot {@code s} into {@code out[0..2]}. */
    public void coords(int s, int[] out) {
        int cell = brickCells[s / BRICK_SAMPLES];
        int local = s % BRICK_SAMPLES;
        out[0] = (cell % nb) * BRICK + (local & 7);
        out[1] = (cell / nb % nb) * BRICK + (local >> 3 & 7);
        out[2] = (cell / nb / nb) * BRICK + (local >> 6);
    }

    /** Lattice coordinates of the samples in {@code slots}, {@code 3 slots.length}. */
    public float[] positions(int[] slots) {
        return positions(slots, 0, slots.length);
    }

    /** Lattice coordinates of the {@code count} samples from slot {@code first} on. */
    public float[] positions(int first, int count) {
        return positions(null, first, count);
    }

    private float[] positions(int[] slots, int first, int count) {
        float[] q = new float[3 * count];
        int[] c = new int[3];
        for (int a = 0; a < count; a++) {
            coords(slots == null ? first + a : slots[a], c);
            q[3 * a] = c[0];
            q[3 * a + 1] = c[1];
            q[3 * a + 2] = c[2];
        }
        return q;
    }

    /** Whether a 6-neighbour of the sample at {@code c} lies in a brick without storage labelled outside. */
    public boolean nextToOutsideBrick(int[] c) {
        for (int d = 0; d < 6; d++) {
            int i = c[0] + (d == 0 ? 1 : d == 1 ? -1 : 0);
            int j = c[1] + (d == 2 ? 1 : d == 3 ? -1 : 0);
            int k = c[2] + (d == 4 ? 1 : d == 5 ? -1 : 0);
            if (slot(i, j, k) < 0 && farValue(i, j, k) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Trilinear value at lattice position {@code (x, y, z)}; the gradient (per cell) goes to {@code g} if not null. */
    public double trilinear(double x, double y, double z, double[] g) {
        int i = clampCell(x);
        int j = clampCell(y);
        int k = clampCell(z);
        double fx = x - i;
        double fy = y - j;
        double fz = z - k;
        double c000 = get(i, j, k);
        double c100 = get(i + 1, j, k);
        double c010 = get(i, j + 1, k);
        double c110 = get(i + 1, j + 1, k);
        double c001 = get(i, j, k + 1);
        double c101 = get(i + 1, j, k + 1);
        double c011 = get(i, j + 1, k + 1);
        double c111 = get(i + 1, j + 1, k + 1);
        double c00 = c000 + fx * (c100 - c000);
        double c10 = c010 + fx * (c110 - c010);
        double c01 = c001 + fx * (c101 - c001);
        double c11 = c011 + fx * (c111 - c011);
        double c0 = c00 + fy * (c10 - c00);
        double c1 = c01 + fy * (c11 - c01);
        if (g != null) {
            double dx00 = c100 - c000;
            double dx10 = c110 - c010;
            double dx01 = c101 - c001;
            double dx11 = c111 - c011;
            double dx0 = dx00 + fy * (dx10 - dx00);
            double dx1 = dx01 + fy * (dx11 - dx01);
            g[0] = dx0 + fz * (dx1 - dx0);
            g[1] = (c10 - c00) + fz * ((c11 - c01) - (c10 - c00));
            g[2] = c1 - c0;
        }
        return c0 + fz * (c1 - c0);
    }

    private int clampCell(double x) {
        int i = (int) Math.floor(x);
        return Math.max(0, Math.min(n - 2, i));
    }
}
