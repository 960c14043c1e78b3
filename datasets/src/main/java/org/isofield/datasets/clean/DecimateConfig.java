package org.isofield.datasets.clean;

import org.isofield.core.Check;
import org.isofield.core.ConfigException;

/**
 * Settings of {@link QemDecimation} (otype {@code "Decimate"}). Collapses go on, cheapest first, until the face
 * target is reached or the next collapse would cost more than {@code max_error}, whichever comes first.
 *
 * @param targetFaces stop at this many faces, 0 or more (0: the target is {@code target_fraction} of the input's
 *     faces)
 * @param targetFraction the face target as a share of the input's faces when {@code target_faces} is 0, 0 to 1
 *     (0.5; 0: no face target, so {@code max_error} alone stops)
 * @param maxError the largest error of a collapse, in world units: the square root of its quadric error (the sum
 *     of squared distances of the new vertex to the planes of the original faces around it), 0 or more (0: no limit)
 */
public record DecimateConfig(int targetFaces, double targetFraction, double maxError) implements CleanStepConfig {
    /** Half the faces, no error limit. */
    public static final DecimateConfig DEFAULT = new DecimateConfig(0, 0.5, 0.0);

    public DecimateConfig {
        Check.configRange("target_faces", targetFaces, 0, Integer.MAX_VALUE);
        Check.configRange("target_fraction", targetFraction, 0.0, 1.0);
        Check.configRange("max_error", maxError, 0.0, Double.MAX_VALUE);
        if (targetFaces == 0 && targetFraction == 0 && maxError == 0) {
            throw new ConfigException("max_error", "nothing bounds the decimation: target_faces, target_fraction "
                    + "and max_error are all 0; expected a face target or an error limit");
        }
    }

    /** A config that stops at {@code faces} faces (and at {@code maxError} when above 0). */
    public static DecimateConfig toFaces(int faces, double maxError) {
        return new DecimateConfig(faces, 0.0, maxError);
    }

    /** The face target for a mesh of {@code faces} faces; 0 when there is none. */
    public int targetFor(int faces) {
        return targetFaces > 0 ? targetFaces : (int) Math.round(targetFraction * faces);
    }

    @Override
    public String otype() {
        return "Decimate";
    }
}
