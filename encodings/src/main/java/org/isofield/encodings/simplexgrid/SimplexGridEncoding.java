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

    public SimplexGridConfig config() {
        return config;
    }

    /** The skew factor {@code F_d = (sqrt(d+1) - 1)/d} of the input dimension. */
    public float skew() {
        return ((SimplexStencil) stencil).skew();
    }
}
