package org.isofield.encodings.grid;

/**
 * The interpolation stencil of a multi-level grid: for one point and one level, the table rows of the vertices that
 * contribute, their weights and the derivatives of the weights with respect to the input. Implementations are
 * immutable and thread-safe; all scratch space comes from the caller.
 */
public interface Stencil {
    /** Coordinates per point. */
    int dims();

    /** Number of levels. */
    int levels();

    /** Vertices per point and level ({@code 2^d} for a cubic cell, {@code d + 1} for a simplex). */
    int vertices();

    /** Table rows of {@code level} (each row holds the level's features). */
    int rows(int level);

    /**
     * Fills the stencil of the point at {@code in[off .. off + dims())} on {@code level}: {@code row[k]} (a row of the
     * level's table, in {@code [0, rows(level))}), {@code weight[k]} and, when {@code dWeight} is not null,
     * {@code dWeight[k * dims() + j] = d weight[k] / d in_j}, for {@code k < vertices()}.
     */
    void fill(int level, float[] in, int off, int[] row, float[] weight, float[] dWeight);
}
