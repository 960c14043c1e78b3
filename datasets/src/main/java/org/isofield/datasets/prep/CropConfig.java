package org.isofield.datasets.prep;

import java.util.List;
import org.isofield.core.ConfigException;

/**
 * Settings of {@link Crop} (otype {@code "Crop"}): the box to keep, in world coordinates, faces included.
 *
 * @param min the low corner {@code [x, y, z]}
 * @param max the high corner, at least {@code min} on every axis
 */
public record CropConfig(List<Double> min, List<Double> max) implements PrepStepConfig {
    /** The whole space (the largest finite doubles, so JSON can hold it): nothing is removed. */
    public static final CropConfig DEFAULT = new CropConfig(List.of(-Double.MAX_VALUE, -Double.MAX_VALUE,
            -Double.MAX_VALUE), List.of(Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE));

    public CropConfig {
        min = corner("min", min);
        max = corner("max", max);
        for (int a = 0; a < 3; a++) {
            if (!(min.get(a) <= max.get(a))) {
                throw new ConfigException("max", "found " + max + " below min " + min + " on axis " + "xyz".charAt(a)
                        + "; expected max >= min on every axis");
            }
        }
    }

    private static List<Double> corner(String key, List<Double> c) {
        if (c == null || c.size() != 3 || c.stream().anyMatch(v -> v == null || v.isNaN())) {
            throw new ConfigException(key, "found " + c + "; expected three numbers [x, y, z]");
        }
        return List.copyOf(c);
    }

    @Override
    public String otype() {
        return "Crop";
    }
}
