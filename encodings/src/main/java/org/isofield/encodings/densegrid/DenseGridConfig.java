package org.isofield.encodings.densegrid;

import org.isofield.core.Check;
import org.isofield.core.ConfigException;
import org.isofield.encodings.EncodingConfig;
import org.isofield.encodings.grid.Interpolation;
import org.isofield.encodings.hashgrid.HashGridConfig;

/**
 * Multiresolution dense grid: the hash grid's levels stored densely, without hashing (tiny-cuda-nn's
 * {@code DenseGrid}). Every level holds {@code next_multiple(r_l^d, 8)} rows, so mind the size in 3D and 4D.
 *
 * @param nLevels           levels L (1 to 32)
 * @param nFeaturesPerLevel features F per level (1, 2, 4 or 8)
 * @param baseResolution    N_min, vertices per axis of the coarsest level (2 to 65536)
 * @param perLevelScale     b, resolution growth per level (1 to 16)
 * @param interpolation     {@code "Linear"} or {@code "Smoothstep"}
 */
public record DenseGridConfig(int nLevels, int nFeaturesPerLevel, int baseResolution, double perLevelScale,
                              Interpolation interpolation) implements EncodingConfig {
    /** L 8, F 2, N_min 16, b = 8^(1/7) = 1.345900 (finest level 128 per axis: 4.2M rows in 3D), Linear. */
    public static final DenseGridConfig DEFAULT = new DenseGridConfig(8, 2, 16, 1.3459, Interpolation.LINEAR);

    public DenseGridConfig {
        Check.configRange("n_levels", nLevels, 1, 32);
        HashGridConfig.checkFeatures("n_features_per_level", nFeaturesPerLevel);
        Check.configRange("base_resolution", baseResolution, 2, 65536);
        Check.configRange("per_level_scale", perLevelScale, 1.0, 16.0);
        if (interpolation == null) {
            throw new ConfigException("interpolation", "missing; expected Linear or Smoothstep");
        }
    }

    @Override
    public String otype() {
        return "DenseGrid";
    }
}
