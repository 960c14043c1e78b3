package org.isofield.reconstruction.mc;

import java.util.Objects;

/**
 * Values of a scalar field on a {@link SampleGrid}, flat, x fastest. Immutable by convention: the array is shared and
 * must not be written after construction.
 *
 * @param grid where the samples lie
 * @param values {@code nx * ny * nz} values, negative inside
 */
public record ScalarGrid(SampleGrid grid, float[] values) {
    public ScalarGrid {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(values, "values");
        if (values.length != grid.sampleCount()) {
            throw new IllegalArgumentException("values has length " + values.length + "; expected nx * ny * nz = "
                    + grid.sampleCount());
        }
    }

    /** Samples a field on the grid, slice by slice (one call of {@code field} per z slice). */
    public static ScalarGrid sample(SampleGrid grid, FieldFunction field) {
        Objects.requireNonNull(field, "field");
        if (grid.sampleCount() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid of " + grid.sampleCount() + " samples does not fit one array; "
                    + "extract from the field function instead");
        }
        int slice = grid.sliceSize();
        float[] values = new float[(int) grid.sampleCount()];
        float[] xyz = new float[3 * slice];
        float[] out = new float[slice];
        for (int k = 0; k < grid.nz(); k++) {
            SliceSources.slicePositions(grid, k, xyz);
            field.evaluate(xyz, slice, out);
            System.arraycopy(out, 0, values, k * slice, slice);
        }
        return new ScalarGrid(grid, values);
    }

    /** The value at sample {@code (i, j, k)}. */
    public float get(int i, int j, int k) {
        return values[i + grid.nx() * (j + grid.ny() * k)];
    }
}
