package org.isofield.render.vulkan;

import org.isofield.core.IsofieldException;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.render.scene.PointSpacing;
import org.isofield.render.scene.RenderItem;
import org.isofield.render.scene.VertexNormals;

/**
 * One {@link RenderItem} on the device: positions, normals (computed for meshes without them; absent for clouds
 * without them), for meshes with faces 32-bit indices, and the item's colour-map positions or per-vertex colours
 * when it has them. Coordinates stay relative to the item's origin; the camera adds the origin back in double
 * precision. {@link #close()} frees the buffers.
 */
public final class GpuGeometry implements AutoCloseable {
    private final GpuBuffer positions;
    private final GpuBuffer normals;
    private final GpuBuffer indices;
    private final GpuBuffer scalars;
    private final GpuBuffer colors;
    private final int vertexCount;
    private final int indexCount;
    private final Vec3d origin;
    private final float[] vertexData;
    private double spacing = Double.NaN;

    private GpuGeometry(VulkanContext ctx, RenderItem item) {
        float[] v;
        float[] n;
        int[] f;
        if (item.field() != null) {
            throw new IsofieldException("render item " + item.label() + ": a field has no geometry to "
                    + "upload; expected a mesh or a point cloud (fields are sphere-traced by FieldTracer)");
        }
        if (item.mesh() != null) {
            v = item.mesh().vertices();
            f = item.mesh().faceCount() > 0 ? item.mesh().faces() : null;
            n = f != null || item.mesh().hasNormals() ? VertexNormals.of(item.mesh()) : null;
            origin = item.mesh().origin();
        } else {
            v = item.cloud().positions();
            n = item.cloud().hasNormals() ? item.cloud().normals() : null;
            f = null;
            origin = item.cloud().origin();
        }
        vertexData = v;
        vertexCount = v.length / 3;
        indexCount = f == null ? 0 : f.length;
        positions = GpuBuffer.vertices(ctx, v);
        normals = n == null ? null : GpuBuffer.vertices(ctx, n);
        indices = f == null ? null : GpuBuffer.indices(ctx, f);
        scalars = item.scalars() == null ? null : GpuBuffer.vertices(ctx, item.scalars());
        colors = item.scalars() != null || item.colors() == null ? null : GpuBuffer.vertices(ctx, item.colors());
    }

    /** Uploads {@code item}. */
    public static GpuGeometry upload(VulkanContext ctx, RenderItem item) {
        return new GpuGeometry(ctx, item);
    }

    /** The typical distance between neighbouring vertices (computed on first use). */
    public double spacing() {
        if (Double.isNaN(spacing)) {
            spacing = PointSpacing.estimate(vertexData);
        }
        return spacing;
    }

    public boolean hasFaces() {
        return indexCount > 0;
    }

    public boolean hasNormals() {
        return normals != null;
    }

    /** Whether the item carries colour-map positions (drawn through the colour map). */
    public boolean hasScalars() {
        return scalars != null;
    }

    /** Whether the item carries per-vertex colours (drawn in them; colour-map positions take precedence). */
    public boolean hasColors() {
        return colors != null;
    }

    public int vertexCount() {
        return vertexCount;
    }

    public int indexCount() {
        return indexCount;
    }

    public Vec3d origin() {
        return origin;
    }

    long positionBuffer() {
        return positions.handle();
    }

    /** The normal buffer, or the position buffer as a stand-in that the shaders ignore. */
    long normalBuffer() {
        return normals != null ? normals.handle() : positions.handle();
    }

    long scalarBuffer() {
        return scalars.handle();
    }

    long colorBuffer() {
        return colors.handle();
    }

    long indexBuffer() {
        return indices.handle();
    }

    @Override
    public void close() {
        positions.close();
        if (normals != null) {
            normals.close();
        }
        if (indices != null) {
            indices.close();
        }
        if (scalars != null) {
            scalars.close();
        }
        if (colors != null) {
            colors.close();
        }
    }
}
