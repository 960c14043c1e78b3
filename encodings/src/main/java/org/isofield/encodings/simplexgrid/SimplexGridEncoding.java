package org.isofield.encodings.simplexgrid;

import org.isofield.encodings.grid.StencilEncoding;

/**
 * The simplex hash grid encoding (Wen and Yang 2023): per level {@code d + 1} hashed lattice vertices of the simplex
 * containing the skewed point, weighted barycentrically (geometry in {@link SimplexStencil}'s documentation). Same
 * parameter and output layout as the hash grid; 4 lookups per level in 3D instead of 8. The input gradient is constant
 * inside each simplex and jumps across its faces.
 */
public final class SimplexGridEncoding extends StencilEncoding {
    private final SimplexGridConfig config;

    public SimplexGridEncoding(SimplexGridConfig config, int inputDims) {
        super(new SimplexStencil(inputDims, config), config.nFeaturesPerLevel());
        this.config = config;
    }

    private boolean unrolled() {
        return inputDims() == 3 && features == 2;
    }

    @Override
    protected void encodeLevel(int l, float[] in, float[] out, int off, int stride, int start, int end) {
        if (!unrolled()) {
            super.encodeLevel(l, in, out, off, stride, start, end);
        } else {
            new Simplex3dKernel((SimplexStencil) stencil, l).encode(params, offsets[l], in, out, off, stride, start,
                    end);
        }
    }

    @Override
    protected void backwardLevel(int l, float[] in, float[] dLdOut, int off, int stride, float[] gradParams,
                                 int start, int end) {
        if (!unrolled()) {
            super.backwardLevel(l, in, dLdOut, off, stride, gradParams, start, end);
        } else {
            new Simplex3dKernel((SimplexStencil) stencil, l)
                    .backward(gradParams, offsets[l], in, dLdOut, off, stride, start, end);
        }
    }

    public SimplexGridConfig config() {
        return config;
    }

    /** The level scale {@code s_l} (the hash grid's, as a float). */
    public float levelScale(int level) {
        return ((SimplexStencil) stencil).scale(level);
    }

    /** The side {@code R} of a dense level's lattice (the row of vertex v is {@code sum_i v_i R^i mod rows}). */
    public int levelResolution(int level) {
        return ((SimplexStencil) stencil).resolution(level);
    }

    /** Whether the rows of {@code level} are hashed (else dense). */
    public boolean levelHashed(int level) {
        return ((SimplexStencil) stencil).hashed(level);
    }

    /** The skew factor {@code F_d = (sqrt(d+1) - 1)/d} of the input dimension. */
    public float skew() {
        return ((SimplexStencil) stencil).skew();
    }
}
