package org.isofield.render.scene;

import java.util.Objects;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;

/**
 * One input to draw: a triangle mesh, a point cloud or a neural field (sphere-traced), with the label shown above its
 * tile. Exactly one of {@code mesh}, {@code cloud} and {@code field} is non-null; use the {@code of} factories.
 * {@code scalars}, when not null, holds one position on the colour map per vertex or point (0 its start, 1 its end,
 * values outside clamp; see {@link DistanceColoring}); such an item is drawn in the map's colours in shaded mode.
 * {@code colors}, when not null, holds RGB in [0, 1] per vertex or point (a scan's colours, or those carried to a
 * reconstruction's vertices); such an item is drawn in them in shaded mode, unless it also has {@code scalars}.
 */
public record RenderItem(String label, TriangleMesh mesh, PointCloud cloud, FieldSurface field, float[] scalars,
        float[] colors) {
    public RenderItem {
        Objects.requireNonNull(label, "label");
        int n = (mesh != null ? 1 : 0) + (cloud != null ? 1 : 0) + (field != null ? 1 : 0);
        if (n != 1) {
            throw new IllegalArgumentException("render item " + label + ": expected exactly one of a mesh, a point "
                    + "cloud and a field");
        }
        if (mesh != null && mesh.vertexCount() == 0 || cloud != null && cloud.isEmpty()) {
            throw new IllegalArgumentException("render item " + label + ": no vertices to draw");
        }
        if (scalars != null) {
            int count = mesh != null ? mesh.vertexCount() : cloud != null ? cloud.size() : -1;
            if (count < 0) {
                throw new IllegalArgumentException("render item " + label
                        + ": a field cannot carry per-vertex colours");
            }
            if (scalars.length != count) {
                throw new IllegalArgumentException("render item " + label + ": " + scalars.length + " colour-map "
                        + "values for " + count + " vertices; expected one per vertex");
            }
        }
        if (colors != null) {
            int count = mesh != null ? mesh.vertexCount() : cloud != null ? cloud.size() : -1;
            if (count < 0 || colors.length != 3 * count) {
                throw new IllegalArgumentException("render item " + label + ": " + colors.length + " colour values"
                        + (count < 0 ? " for a field; a field has no vertices" : " for " + count + " vertices; "
                        + "expected 3 per vertex (RGB in [0, 1])"));
            }
        }
    }

    /** An item with colour-map values (or null) and no per-vertex colours. */
    public RenderItem(String label, TriangleMesh mesh, PointCloud cloud, FieldSurface field, float[] scalars) {
        this(label, mesh, cloud, field, scalars, null);
    }

    /** An item without colour-map values. */
    public RenderItem(String label, TriangleMesh mesh, PointCloud cloud, FieldSurface field) {
        this(label, mesh, cloud, field, null, null);
    }

    /** This item coloured by {@code values} (one colour-map position per vertex; null for the plain colour). */
    public RenderItem withScalars(float[] values) {
        return new RenderItem(label, mesh, cloud, field, values, colors);
    }

    /**
     * This item drawn in per-vertex colours (RGB in [0, 1], 3 per vertex; null to draw the plain colour). Colour-map
     * values, when present, take precedence.
     */
    public RenderItem withColors(float[] rgb) {
        return new RenderItem(label, mesh, cloud, field, scalars, rgb);
    }

    public static RenderItem of(String label, TriangleMesh mesh) {
        return new RenderItem(label, mesh, null, null);
    }

    /** A cloud, drawn in its own colours when it has them ({@link #withColors} null draws the plain colour). */
    public static RenderItem of(String label, PointCloud cloud) {
        return new RenderItem(label, null, cloud, null, null, cloud.colors());
    }

    public static RenderItem of(String label, FieldSurface field) {
        return new RenderItem(label, null, null, field);
    }

    /** Whether this item has faces (a mesh with at least one face). */
    public boolean hasFaces() {
        return mesh != null && mesh.faceCount() > 0;
    }

    /** Bounds in world (double) coordinates. */
    public Aabb bounds() {
        return mesh != null ? mesh.bounds() : cloud != null ? cloud.bounds() : field.bounds();
    }
}
