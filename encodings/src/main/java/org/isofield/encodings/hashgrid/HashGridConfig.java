package org.isofield.encodings.hashgrid;

import org.isofield.core.Check;
import org.isofield.core.ConfigException;
import org.isofield.encodings.EncodingConfig;
import org.isofield.encodings.grid.Interpolation;

/**
 * Multiresolution hash grid (Müller et al. 2022), with tiny-cuda-nn's JSON keys.
 *
 * @param nLevels           levels L (1 to 32)
 * @param nFeaturesPerLevel features F per level (1, 2, 4 or 8)
 * @param log2HashmapSize   log2 of the rows T of a hashed level (4 to 26)
 * @param baseResolution    N_min, vertices per axis of the coarsest level (2 to 65536)
 * @param perLevelScale     b, resolution growth per level (1 to 16)
 * @param interpolation     {@code "Linear"} or {@code "Smoothstep"}
 */
public record HashGridConfig(int nLevels, int nFeaturesPerLevel, int log2HashmapSize, int baseResolution,
                             double perLevelScale, Interpolation interpolation) implements EncodingConfig {
    /**
     * instant-ngp's SDF encoding: L 16, F 2, T 2^19, N_min 16, and b = 1.381913, which instant-ngp derives from a
     * finest resolution of 2048 ({@code exp(ln(2048 / 16) / 15)}); Linear.
     */
    public static final HashGridConfig DEFAULT = new HashGridConfig(16, 2, 19, 16, 1.381913, Interpolation.LINEAR);

    public HashGridConfig {
        Check.configRange("n_levels", nLevels, 1, 32);
        checkFeatures("n_features_per_level", nFeaturesPerLevel);
        Check.configRange("log2_hashmap_size", log2HashmapSize, 4, 26);
        Check.configRange("base_resolution", baseResolution, 2, 65536);
        Check.configRange("per_level_scale", perLevelScale, 1.0, 16.0);
        if (interpolation == null) {
            throw new ConfigException("interpolation", "missing; expected Linear or Smoothstep");
        }
    }

    /** Requires 1, 2, 4 or 8 features per level, as tiny-cuda-nn does. */
    public static void checkFeatures(String key, int f) {
        if (f != 1 && f != 2 && f != 4 && f != 8) {
            throw new ConfigException(key, "value " + f + " not allowed; expected 1, 2, 4 or 8");
        }
    }

    @Override
    public String otype() {
        return "HashGrid";
    }
}
