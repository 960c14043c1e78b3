package org.isofield.datasets.registration;

import java.util.Objects;
import java.util.OptionalDouble;
import org.isofield.core.Check;
import org.isofield.core.ConfigException;

/**
 * Settings of {@link PointToPlaneIcp}.
 *
 * @param maxIterations most updates before stopping, 1 to 1000 (50; the bunny scans converge in 5 updates from
 *     their conf pose, 8 from one 2 degrees and 2.3 mm off)
 * @param maxDistance correspondences farther apart than this, in the clouds' units, are rejected; empty for
 *     {@code maxDistanceSpacings} times the target's median point spacing (auto)
 * @param maxDistanceSpacings the automatic {@code maxDistance} in median point spacings of the target, 0.5 to 1000
 *     (5: enough to catch a start that is off by a couple of spacings, as a {@code .conf} pose or a hand alignment
 *     is, while points beyond the edge of the overlap, whose nearest target point is on the target's border, are
 *     mostly rejected; from 2 degrees and 2.3 mm off the bunny scans converge with 3, 5 or 10, to poses within
 *     0.3 mm of each other; docs/decisions/registration.md)
 * @param tolerance stop when an update rotates by less than this many radians and moves by less than this times
 *     the target's bounding-box diagonal, 1e-15 to 0.1 (1e-7)
 * @param normalNeighbors points per PCA neighbourhood when the target's normals are estimated, 3 to 256 (16, as
 *     {@code PcaNormals})
 */
public record IcpConfig(int maxIterations, OptionalDouble maxDistance, double maxDistanceSpacings, double tolerance,
        int normalNeighbors) {
    /** 50 iterations, automatic distance of 5 spacings, tolerance 1e-7, 16-point normals. */
    public static final IcpConfig DEFAULT = new IcpConfig(50, OptionalDouble.empty(), 5.0, 1e-7, 16);

    public IcpConfig {
        Check.configRange("max_iterations", maxIterations, 1, 1000);
        Objects.requireNonNull(maxDistance, "maxDistance");
        if (maxDistance.isPresent() && !(maxDistance.getAsDouble() > 0 && maxDistance.getAsDouble() < 1e300)) {
            throw new ConfigException("max_distance", "value " + maxDistance.getAsDouble()
                    + " must be a finite number above 0 (or absent for auto)");
        }
        Check.configRange("max_distance_spacings", maxDistanceSpacings, 0.5, 1000);
        Check.configRange("tolerance", tolerance, 1e-15, 0.1);
        Check.configRange("normal_neighbors", normalNeighbors, 3, 256);
    }

    /** This config with another iteration limit. */
    public IcpConfig withMaxIterations(int n) {
        return new IcpConfig(n, maxDistance, maxDistanceSpacings, tolerance, normalNeighbors);
    }

    /** This config with a fixed rejection distance. */
    public IcpConfig withMaxDistance(double d) {
        return new IcpConfig(maxIterations, OptionalDouble.of(d), maxDistanceSpacings, tolerance, normalNeighbors);
    }
}
