package org.isofield.encodings.hashgrid;

import org.isofield.encodings.grid.CubicStencil;
import org.isofield.encodings.grid.StencilEncoding;

/**
 * The multiresolution hash encoding to tiny-cuda-nn's spec; geometry, hashing and layout are described in
 * {@link CubicStencil}. Parameters: the level tables concatenated in level order, each {@code rows x F} row-major
 * (fp32). Output: {@code L x F} features per point, level-major. Inputs are expected in {@code [0,1]^d}, d 1 to 4.
 */
public final class HashGridEncoding extends StencilEncoding {
    private final HashGridConfig config;

    public HashGridEncoding(HashGridConfig config, int inputDims) {
        super(new CubicStencil(inputDims, config.nLevels(), config.baseResolution(), config.perLevelScale(),
                config.log2HashmapSize(), true, config.interpolation()), config.nFeaturesPerLevel());
        this.config = config;
    }

    public HashGridConfig config() {
        return config;
    }

    /** The level geometry. */
    public CubicStencil grid() {
        return (CubicStencil) stencil;
    }
}
