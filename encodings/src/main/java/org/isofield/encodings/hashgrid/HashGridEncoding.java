package org.isofield.encodings.hashgrid;

import org.isofield.core.Check;
import org.isofield.core.Parallel;
import org.isofield.encodings.grid.CubicStencil;
import org.isofield.encodings.grid.StencilEncoding;

/**
 * The multiresolution hash encoding to tiny-cuda-nn's spec; geometry, hashing and layout are described in
 * {@link CubicStencil}. Parameters: the level tables concatenated in level order, each {@code rows x F} row-major
 * (fp32). Output: {@code L x F} features per point, level-major. Inputs are expected in {@code [0,1]^d}, d 1 to 4.
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
    protected void encodeLevel(int l, float[] in, float[] out, int start, int end) {
        if (!unrolled()) {
            super.encodeLevel(l, in, out, start, end);
        } else {
            HashGrid3dKernel.encodeLevel(grid(), l, params, offsets[l], in, out, outputDims(), start, end);
        }
    }

    @Override
    public void backward(float[] in, int n, float[] dLdOut, float[] gradParams) {
        if (!unrolled()) {
            super.backward(in, n, dLdOut, gradParams);
            return;
        }
        Check.nonNegative("n", n);
        checkBatch("in", in, n, inputDims());
        checkBatch("dLdOut", dLdOut, n, outputDims());
        checkBatch("gradParams", gradParams, 1, paramCount());
        Parallel.forEach(grid().levels(), l ->
                HashGrid3dKernel.backwardLevel(grid(), l, gradParams, offsets[l], in, dLdOut, outputDims(), 0, n));
    }

    public HashGridConfig config() {
        return config;
    }

    /** The level geometry. */
    public CubicStencil grid() {
        return (CubicStencil) stencil;
    }
}
