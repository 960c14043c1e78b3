package org.isofield.datasets.prep;

import org.isofield.core.Check;

/**
 * Settings of {@link VoxelDownsample} (otype {@code "VoxelDownsample"}).
 *
 * @param voxelSize the cubes' edge in world units, above 0 (the default, 0, means twice the cloud's median
 *     nearest-neighbour spacing)
 */
public record VoxelDownsampleConfig(double voxelSize) implements PrepStepConfig {
    /** Spacing-relative voxels (2 median spacings). */
    public static final VoxelDownsampleConfig DEFAULT = new VoxelDownsampleConfig(0.0);
    /** The voxel edge in median spacings when {@code voxel_size} is 0. */
    public static final double SPACINGS = 2.0;

    public VoxelDownsampleConfig {
        Check.configRange("voxel_size", voxelSize, 0.0, Double.MAX_VALUE);
    }

    @Override
    public String otype() {
        return "VoxelDownsample";
    }
}
