package org.isofield.reconstruction;

import java.util.Map;
import java.util.Objects;
import org.isofield.datasets.geom.TriangleMesh;

/**
 * The result of a {@link Reconstructor}: the mesh (world frame, outward faces, vertex normals) and what the method
 * chose and measured on the way (resolutions, counts, final losses), for reports; keys are snake_case.
 */
public record Reconstruction(TriangleMesh mesh, Map<String, Object> details) {
    public Reconstruction {
        Objects.requireNonNull(mesh, "mesh");
        details = Map.copyOf(details);
    }
}
