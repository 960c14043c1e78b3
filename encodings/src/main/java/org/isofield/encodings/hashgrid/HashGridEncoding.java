package org.isofield.encodings.hashgrid;

import org.isofield.encodings.grid.CubicStencil;
import org.isofield.encodings.grid.StencilEncoding;

/**
 * The multiresolution hash encoding to tiny-cuda-nn's spec; geometry, hashing and layout are described in
 * {@link CubicStencil}. Parameters: the level tables concatenated in level order, each {@code rows x F} row-major
 * (fp32). Output: {@code L x F} features per point, level-major. Inputs are expected in {@code [0,1]^d}, d 1 to 4.
 *
 * <p>Kernels: 3D grids with two features use unrolled scalar kernels for encode and backward (bitwise equal to the
 * generic stencil kernel), and optionally ({@link #setVectorKernel}) a Vector API encode kernel for the hashed levels.
 * Measured 2026-11-28 on the shared 2-core build machine under a load average of 4 to 6 (other builds running, so a
 * second thread gained nothing), default config, 2^18 points, best of 12: scalar encode 215-280 ms and backward
 * 220-330 ms wall per batch, about 250-300 CPU-ms each; the vector kernel used as much CPU time as the scalar one
 * there (table reads, not arithmetic, dominate). The same grid with 4-vertex simplices (SimplexGrid) took 1.5-1.7x
 * the CPU time of this one. Figures on an idle machine are still to be taken ({@code HashGridEncodeBench}).
 */
public final class HashGridEncoding extends StencilEncoding {
    private final HashGridConfig config;
    private volatile boolean vector;

    public HashGridEncoding(HashGridConfig config, int inputDims) {
        super(new CubicStencil(inputDims, config.nLevels(), config.baseResolution(), config.perLevelScale(),
                config.log2HashmapSize(), true, config.interpolation()), config.nFeaturesPerLevel());
        this.config = config;
    }

    /**
     * Asks for the Vector API encode kernel ({@code true}) or the scalar one ({@code false}). The vector kernel is used
     * only where {@code jdk.incubator.vector} is loaded and the grid is 3D with two features; returns whether it is.
     */
    public boolean setVectorKernel(boolean enabled) {
        vector = enabled && unrolled() && VectorSupport.available();
        return vector;
    }

    /** Whether the Vector API encode kernel is in use. */
    public boolean vectorKernel() {
        return vector;
    }

    /** Whether the unrolled 3D two-feature kernels apply (they give bitwise the generic kernel's results). */
    private boolean unrolled() {
        return inputDims() == 3 && features == 2;
    }

    @Override
    protected void encodeLevel(int l, float[] in, float[] out, int off, int stride, int start, int end) {
        if (!unrolled()) {
            super.encodeLevel(l, in, out, off, stride, start, end);
        } else if (vector && grid().hashed(l)) {
            HashGridVectorKernel.encodeLevel(grid(), l, params, offsets[l], in, out, off, stride, start, end);
        } else {
            HashGrid3dKernel.encodeLevel(grid(), l, params, offsets[l], in, out, off, stride, start, end);
        }
    }

    @Override
    protected void backwardLevel(int l, float[] in, float[] dLdOut, int off, int stride, float[] gradParams,
                                 int start, int end) {
        if (!unrolled()) {
            super.backwardLevel(l, in, dLdOut, off, stride, gradParams, start, end);
        } else {
            HashGrid3dKernel.backwardLevel(grid(), l, gradParams, offsets[l], in, dLdOut, off, stride, start, end);
        }
    }

    @Override
    protected void inputGradientLevel(int l, float[] in, float[] dLdOut, float[] dLdIn, int start, int end) {
        if (!unrolled()) {
            super.inputGradientLevel(l, in, dLdOut, dLdIn, start, end);
        } else {
            HashGridGradientKernel.inputGradientLevel(grid(), l, params, offsets[l], in, dLdOut, outputDims(),
                    dLdIn, start, end);
        }
    }

    public HashGridConfig config() {
        return config;
    }

    /** The level geometry. */
    public CubicStencil grid() {
        return (CubicStencil) stencil;
    }
}
