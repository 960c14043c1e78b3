package org.isofield.encodings.simplexgrid;

import org.isofield.core.Check;
import org.isofield.encodings.EncodingConfig;
import org.isofield.encodings.hashgrid.HashGridConfig;

/**
 * Multiresolution simplex hash grid (Wen and Yang 2023): the hash grid's levels and table sizes, with each cell of the
 * skewed lattice split into {@code d!} simplices and {@code d + 1} vertices interpolated barycentrically.
 *
 * @param nLevels           levels L (1 to 32)
 * @param nFeaturesPerLevel features F per level (1, 2, 4 or 8)
 * @param log2HashmapSize   log2 of the rows T of a hashed level (4 to 26)
 * @param baseResolution    N_min (2 to 65536); the level scale is the hash grid's {@code N_min b^l - 1}
 * @param perLevelScale     b, resolution growth per level (1 to 16)
 */
public record SimplexGridConfig(int nLevels, int nFeaturesPerLevel, int log2HashmapSize, int baseResolution,
                                double perLevelScale) implements EncodingConfig {
    /** The hash grid's SDF default: L 16, F 2, T 2^19, N_min 16, b 1.381913. */
    public static final SimplexGridConfig DEFAULT = new SimplexGridConfig(16, 2, 19, 16, 1.381913);

    public SimplexGridConfig {
        Check.configRange("n_levels", nLevels, 1, 32);
        HashGridConfig.checkFeatures("n_features_per_level", nFeaturesPerLevel);
        Check.configRange("log2_hashmap_size", log2HashmapSize, 4, 26);
        Check.configRange("base_resolution", baseResolution, 2, 65536);
        Check.configRange("per_level_scale", perLevelScale, 1.0, 16.0);
    }

    @Override
    public String otype() {
        return "SimplexGrid";
    }
}
