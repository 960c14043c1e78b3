package org.isofield.datasets.clean;

import org.isofield.core.Check;

/**
 * Settings of {@link FarFaces} (otype {@code "FarFaces"}).
 *
 * @param maxDistance a face with a vertex farther than this from its nearest input point is removed, in world
 *     units, 0 or more (the default, 0, means {@value #SPACINGS} times the cloud's median nearest-neighbour
 *     spacing, so one setting fits scans in metres and in millimetres)
 */
public record FarFacesConfig(double maxDistance) implements CleanStepConfig {
    /** Spacing-relative distance (4 median spacings). */
    public static final FarFacesConfig DEFAULT = new FarFacesConfig(0.0);
    /** The distance in median spacings when {@code max_distance} is 0. */
    public static final double SPACINGS = 4.0;

    public FarFacesConfig {
        Check.configRange("max_distance", maxDistance, 0.0, Double.MAX_VALUE);
    }

    @Override
    public String otype() {
        return "FarFaces";
    }
}
