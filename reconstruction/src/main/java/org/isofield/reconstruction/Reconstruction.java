package org.isofield.reconstruction;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.isofield.datasets.geom.DoubleMesh;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.fields.io.FieldFile;

/**
 * The result of a {@link Reconstructor}: the mesh (world frame, outward faces, vertex normals), what the method
 * chose and measured on the way (resolutions, counts, final losses), for reports (keys are snake_case), and the
 * field whose zero set the mesh is, as an {@code .isf} file content when the method has one to save
 * ({@code reconstruct --save-field}).
 *
 * @param field the signed field in world coordinates through its transform, or null when the method keeps none
 * @param exact the mesh with the double coordinates its guarantees hold for (VoroMesh), written instead of
 *     {@code mesh} where the format allows, or null when {@code mesh} is all there is
 */
public record Reconstruction(TriangleMesh mesh, Map<String, Object> details, FieldFile field, DoubleMesh exact) {
    public Reconstruction {
        Objects.requireNonNull(mesh, "mesh");
        details = Map.copyOf(details);
        ResultDigests.record(mesh, details, field);
    }

    /** A result with a float mesh only. */
    public Reconstruction(TriangleMesh mesh, Map<String, Object> details, FieldFile field) {
        this(mesh, details, field, null);
    }

    /** A result without a field to save. */
    public Reconstruction(TriangleMesh mesh, Map<String, Object> details) {
        this(mesh, details, null, null);
    }

    /** The double-precision mesh, when the method made one. */
    public Optional<DoubleMesh> exactMesh() {
        return Optional.ofNullable(exact);
    }

    /** The field, when the method produced one. */
    public Optional<FieldFile> savedField() {
        return Optional.ofNullable(field);
    }
}
