package org.isofield.datasets.prep;

import org.isofield.core.Check;

/**
 * Settings of {@link RadiusOutliers} (otype {@code "RadiusOutliers"}).
 *
 * @param radius the ball's radius in world units, above 0 (no default that fits every scan's units: the default, 0,
 *     means 4 times the cloud's median nearest-neighbour spacing)
 * @param minNeighbors a point with fewer other points in its ball is removed, 1 to 10000 (4)
 */
public record RadiusOutliersConfig(double radius, int minNeighbors) implements PrepStepConfig {
    /** Spacing-relative radius (4 median spacings), 4 neighbours. */
    public static final RadiusOutliersConfig DEFAULT = new RadiusOutliersConfig(0.0, 4);
    /** The ball's radius in median spacings when {@code radius} is 0. */
    public static final double SPACINGS = 4.0;

    public RadiusOutliersConfig {
        Check.configRange("radius", radius, 0.0, Double.MAX_VALUE);
        Check.configRange("min_neighbors", minNeighbors, 1, 10_000);
    }

    @Override
    public String otype() {
        return "RadiusOutliers";
    }
}
