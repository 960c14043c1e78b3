package org.isofield.reconstruction.gridpull;

import org.isofield.datasets.geom.Vec3d;
import org.isofield.reconstruction.mc.LatticeField;
import org.isofield.reconstruction.mc.SampleGrid;

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

    /**
     * The marching-cubes lattice with {@code mcCells} cells across the span of {@code cells} grid cells, over a grid
     * of {@code samples} per axis whose sample 0 is at {@code origin} with spacing {@code h}: the lattice a
     * {@code GridField} of ratio {@code cells / mcCells} is read on.
     */
    static SampleGrid mcLattice(int samples, int cells, int mcCells, Vec3d origin, double h) {
        double ratio = (double) cells / mcCells;
        int mcSamples = (int) Math.floor((samples - 1) / ratio + 1e-9) + 1;
        return new SampleGrid(mcSamples, mcSamples, mcSamples, origin, h * ratio);
    }
}
