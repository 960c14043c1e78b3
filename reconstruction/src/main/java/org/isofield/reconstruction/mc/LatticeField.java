package org.isofield.reconstruction.mc;

/**
 * A scalar field read at the integer samples of a {@link SampleGrid} (negative inside), with its gradient at any
 * point in lattice coordinates, for {@link SparseMarchingCubes}. Lattice coordinates are grid indices: sample
 * {@code (i, j, k)} sits at {@code (i, j, k)}, so world position = origin + spacing * lattice position. Working in
 * lattice coordinates keeps full precision for data far from the world origin. Implementations must be thread-safe;
 * the extractor calls them from several threads at once.
 */
public interface LatticeField {
    /** The value at sample {@code (i, j, k)}; the extractor only asks for samples inside the grid. */
    float value(int i, int j, int k);

    /**
     * The gradient at lattice position {@code (x, y, z)} into {@code out[0..2]}, in any positive multiple of world
     * units (only its direction is used, for vertex normals).
     */
    void gradient(double x, double y, double z, double[] out);
}
