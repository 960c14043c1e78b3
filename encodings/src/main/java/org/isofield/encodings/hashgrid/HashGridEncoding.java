package org.isofield.encodings.hashgrid;

import org.isofield.core.compute.VectorApi;
import org.isofield.encodings.grid.CubicStencil;
import org.isofield.encodings.grid.StencilEncoding;

/**
 * The multiresolution hash encoding to tiny-cuda-nn's spec; geometry, hashing and layout are described in
 * {@link CubicStencil}. Parameters: the level tables concatenated in level order, each {@code rows x F} row-major
 * (fp32). Output: {@code L x F} features per point, level-major. Inputs are expected in {@code [0,1]^d}, d 1 to 4.
 *
 * <p>Kernels: 3D grids with two features use unrolled scalar kernels for encode and backward (bitwise equal to the
 * generic stencil kernel), and a Vector API encode kernel for the hashed levels wherever {@code jdk.incubator.vector}
 * is loaded (bitwise equal to the scalar one; {@code -Disofield.encoding.kernels=scalar} or {@link #setVectorKernel}
 * turns it off). Measured 2026-12-08 on a 2-core AMD EPYC Zen 4 (AVX-512, 16 float lanes) with noisy neighbours,
 * default config, 2^18 points ({@code HashGridEncodeBench} and {@code scripts/TrainPhases.java}): encode 2.8-3.8M
 * points/s scalar and 3.3-4.6M with the vector kernel, about 1.4x in same-run comparisons; backward (scalar only)
 * 3.4-3.8M. Under a load average of 4 to 6 (2026-11-28) the two encode kernels had used the same CPU time, since
 * table reads dominate there.
 */
public final class HashGridEncoding extends StencilEncoding {
    private final HashGridConfig config;
    private volatile boolean vector;

    public HashGridEncoding(HashGridConfig config, int inputDims) {
        super(new CubicStencil(inputDims, config.nLevels(), config.baseResolution(), config.perLevelScale(),
                config.log2HashmapSize(), true, config.interpolation()), config.nFeaturesPerLevel());
        this.config = config;
        this.vector = unrolled() && VectorApi.enabled("isofield.encoding.kernels");
    }

    /**
     * Asks for the Vector API encode kernel ({@code true}) or the scalar one ({@code false}). The vector kernel is used
     * only where {@code jdk.incubator.vector} is loaded and the grid is 3D with two features; returns whether it is.
     */
    public boolean setVectorKernel(boolean enabled) {
        vector = enabled && unrolled() && VectorApi.present();
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
