package org.isofield.encodings.densegrid;

import org.isofield.encodings.grid.CubicStencil;
import org.isofield.encodings.grid.StencilEncoding;

/**
 * Multiresolution dense grid encoding: the level geometry of {@link CubicStencil} with every level dense (row
 * {@code sum_i c_i r^i mod rows}). Same parameter and output layout as the hash grid. Construction fails with a
 * {@link org.isofield.core.ConfigException} when the tables would not fit one Java array.
 */
public final class DenseGridEncoding extends StencilEncoding {
    private final DenseGridConfig config;

    public DenseGridEncoding(DenseGridConfig config, int inputDims) {
        super(new CubicStencil(inputDims, config.nLevels(), config.baseResolution(), config.perLevelScale(),
                0, false, config.interpolation()), config.nFeaturesPerLevel());
        this.config = config;
    }

    public DenseGridConfig config() {
        return config;
    }

    /** The level geometry. */
    public CubicStencil grid() {
        return (CubicStencil) stencil;
    }
}
