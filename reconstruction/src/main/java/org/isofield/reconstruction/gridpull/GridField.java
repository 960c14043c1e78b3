package org.isofield.reconstruction.gridpull;

import org.isofield.reconstruction.mc.LatticeField;

/**
 * The optimised grid read on a marching-cubes lattice {@code ratio} times coarser (ratio below 1: finer): MC sample
 * {@code (i, j, k)} is grid lattice position {@code ratio * (i, j, k)}, where the field is trilinear. Thread-safe
 * once training is over.
 */
final class GridField implements LatticeField {
    private final SparseGrid grid;
    private final double ratio;

    GridField(SparseGrid grid, double ratio) {
        this.grid = grid;
        this.ratio = ratio;
    }

    @Override
    public float value(int i, int j, int k) {
        if (ratio == 1.0) {
            return grid.get(i, j, k);
        }
        return (float) grid.trilinear(i * ratio, j * ratio, k * ratio, null);
    }

    @Override
    public void gradient(double x, double y, double z, double[] out) {
        grid.trilinear(x * ratio, y * ratio, z * ratio, out);
    }
}
