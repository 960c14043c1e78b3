package org.isofield.render.scene;

import java.util.Objects;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;

/**
 * One input to draw: a triangle mesh or a point cloud, with the label shown above its tile. Exactly one of
 * {@code mesh} and {@code cloud} is non-null; use {@link #of(String, TriangleMesh)} or
 * {@link #of(String, PointCloud)}.
 */
public record RenderItem(String label, TriangleMesh mesh, PointCloud cloud) {
    public RenderItem {
        Objects.requireNonNull(label, "label");
        if ((mesh == null) == (cloud == null)) {
            throw new IllegalArgumentException("render item " + label + ": expected exactly one of a mesh and a point cloud");
        }
        if (mesh != null && mesh.vertexCount() == 0 || cloud != null && cloud.isEmpty()) {
            throw new IllegalArgumentException("render item " + label + ": no vertices to draw");
        }
    }

    public static RenderItem of(String label, TriangleMesh mesh) {
        return new RenderItem(label, mesh, null);
    }

    public static RenderItem of(String label, PointCloud cloud) {
        return new RenderItem(label, null, cloud);
    }

    /** Whether this item has faces (a mesh with at least one face). */
    public boolean hasFaces() {
        return mesh != null && mesh.faceCount() > 0;
    }

    /** Bounds in world (double) coordinates. */
    public Aabb bounds() {
        return mesh != null ? mesh.bounds() : cloud.bounds();
    }
}
