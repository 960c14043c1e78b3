package org.isofield.reconstruction;

import java.nio.file.Path;
import java.util.Map;
import org.isofield.core.Progress;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.Backends;
import org.isofield.core.compute.Precision;
import org.isofield.datasets.clean.SmallPieces;
import org.isofield.fields.io.FieldFile;

/**
 * One kind of stored {@code .isf} field ({@code neural}, {@code gridpull-sparse}, ...): what the commands need to
 * mesh it ({@code isofield extract}), describe it ({@code isofield field info}) and show it ({@code render},
 * {@code view}) without knowing the method that made it. Registered in {@link FieldKinds}.
 */
public abstract class FieldKind {
    private final String name;
    private final Display display;

    protected FieldKind(String name, Display display) {
        this.name = name;
        this.display = display;
    }

    /** How a viewer draws a field of this kind. */
    public enum Display {
        /** Sphere-traced from its values (the renderer evaluates it). */
        SPHERE_TRACED,
        /** Extracted to a mesh first ({@link #extract}), drawn as that mesh. */
        EXTRACTED_MESH
    }

    /**
     * What an extraction asks for.
     *
     * @param resolution marching-cubes resolution, or null for the kind's default
     * @param minPieceFraction pieces smaller than this fraction of the largest are removed, or null for the kind's
     *     default
     * @param backend where values are evaluated ({@link #extractionBackend})
     * @param precision the precision of a device's network passes
     */
    public record Extraction(Integer resolution, Double minPieceFraction, Backends.Selection backend,
            Precision precision) {
        /** Defaults, on the CPU. */
        public static Extraction defaults() {
            return new Extraction(null, null, new Backends.Selection(Backend.CPU, null, "asked for"), Precision.FP32);
        }
    }

    /** The kind name stored in the file, e.g. {@code "neural"}. */
    public final String name() {
        return name;
    }

    /** How a viewer draws it. */
    public final Display display() {
        return display;
    }

    /**
     * Checks an explicit extraction resolution.
     *
     * @throws IllegalArgumentException saying what was expected for this kind
     */
    public abstract void checkResolution(int resolution);

    /**
     * The backend extraction runs on, for what was asked ({@code auto} chooses).
     *
     * @throws org.isofield.core.ConfigException when this kind cannot run on the backend asked for
     * @throws org.isofield.core.BackendUnavailableException when the backend asked for is missing
     */
    public abstract Backends.Selection extractionBackend(FieldFile field, Path file, Backend asked,
            Precision precision);

    /** The field's zero set as a mesh in world coordinates, small pieces removed. */
    public abstract SmallPieces.Result extract(FieldFile field, Path file, Extraction extraction, Progress progress);

    /**
     * The field's values at world points (negative inside), on the CPU.
     *
     * @throws org.isofield.core.FormatException for a file whose blocks do not fit its config
     */
    public abstract SignedField signedField(FieldFile field, Path file);

    /** Kind-specific entries for a field's description (snake_case keys); empty when there are none. */
    public abstract Map<String, Object> summary(FieldFile field, Path file);
}
