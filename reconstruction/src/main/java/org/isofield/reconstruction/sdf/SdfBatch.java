package org.isofield.reconstruction.sdf;

import java.util.Objects;

/**
 * One batch of SDF training samples in the mesh's unit-cube frame. Layout: the first {@code n/2} samples lie on the
 * surface (target 0), the next {@code 3n/8} near it, the last {@code n/8} are uniform in the cube.
 *
 * @param positions {@code 3n} coordinates in {@code [0, 1]^3}, x y z per sample
 * @param targets {@code n} signed distances in unit-cube units, negative inside
 */
public record SdfBatch(float[] positions, float[] targets) {
    public SdfBatch {
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(targets, "targets");
        if (positions.length != 3 * targets.length) {
            throw new IllegalArgumentException("positions has length " + positions.length + "; expected 3 x "
                    + targets.length);
        }
    }

    /** Number of samples. */
    public int size() {
        return targets.length;
    }
}
