package org.isofield.datasets.sample;

import org.isofield.core.Check;
import org.isofield.core.config.ComponentConfig;

/**
 * Settings of {@link SurfaceSampler} (otype {@code "AreaWeighted"}).
 *
 * @param nPoints number of samples, 1 to {@value #MAX_POINTS} (JSON {@code n_points})
 * @param noise standard deviation of the Gaussian noise added to each coordinate, as a fraction of the diagonal of
 *     the mesh's bounding box, 0 to 1 (0: samples lie exactly on the surface)
 * @param normals whether each sample gets the unit normal of the face it lies on
 * @param seed seed of the random stream; the same seed gives the same samples for any thread count
 */
public record SamplerConfig(int nPoints, double noise, boolean normals, long seed) implements ComponentConfig {
    /** The most points one cloud can hold (3 floats each in one Java array). */
    public static final int MAX_POINTS = Integer.MAX_VALUE / 3;
    /** 100000 points, no noise, no normals (like a raw scan), seed 0. */
    public static final SamplerConfig DEFAULT = new SamplerConfig(100_000, 0.0, false, 0L);

    public SamplerConfig {
        Check.configRange("n_points", nPoints, 1, MAX_POINTS);
        Check.configRange("noise", noise, 0.0, 1.0);
    }

    @Override
    public String otype() {
        return "AreaWeighted";
    }
}
