package org.isofield.datasets.geom;

import java.util.Objects;

/**
 * A triangle mesh as flat arrays: vertices {@code float[3V]} relative to a {@code double} {@link #origin()}, faces
 * {@code int[3F]} of vertex indices (counter-clockwise seen from outside), optional vertex normals {@code float[3V]}.
 *
 * <p>Immutable: factories take ownership of the arrays without copying and accessors return them shared; callers
 * must never write them. Face indices are checked once at construction. Derived data (welding, adjacency, metrics)
 * is computed by separate classes, never stored here.
 */
public final class TriangleMesh {
    private final float[] vertices;
    private final int[] faces;
    private final float[] normals;
    private final Vec3d origin;
    private volatile Aabb bounds;

    private TriangleMesh(float[] vertices, int[] faces, float[] normals, Vec3d origin) {
        Objects.requireNonNull(vertices, "vertices");
        Objects.requireNonNull(faces, "faces");
        if (vertices.length % 3 != 0) {
            throw new IllegalArgumentException("vertices has length " + vertices.length + "; expected a multiple of 3");
        }
        if (faces.length % 3 != 0) {
            throw new IllegalArgumentException("faces has length " + faces.length + "; expected a multiple of 3");
        }
        if (normals != null && normals.length != vertices.length) {
            throw new IllegalArgumentException("normals has length " + normals.length + "; expected "
                    + vertices.length);
        }
        int nv = vertices.length / 3;
        for (int i = 0; i < faces.length; i++) {
            int v = faces[i];
            if (v < 0 || v >= nv) {
                throw new IllegalArgumentException("face " + (i / 3) + " has vertex index " + v + "; expected 0 to "
                        + (nv - 1));
            }
        }
        this.vertices = vertices;
        this.faces = faces;
        this.normals = normals;
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** A mesh in world coordinates. */
    public static TriangleMesh of(float[] vertices, int[] faces) {
        return new TriangleMesh(vertices, faces, null, Vec3d.ZERO);
    }

    /** A mesh whose vertices are relative to {@code origin}; {@code normals} may be null. */
    public static TriangleMesh of(float[] vertices, int[] faces, float[] normals, Vec3d origin) {
        return new TriangleMesh(vertices, faces, normals, origin);
    }

    /** A new mesh sharing vertices and faces, with these vertex normals (or none when null). */
    public TriangleMesh withNormals(float[] newNormals) {
        return new TriangleMesh(vertices, faces, newNormals, origin);
    }

    public int vertexCount() {
        return vertices.length / 3;
    }

    public int faceCount() {
        return faces.length / 3;
    }

    /** Vertex positions relative to {@link #origin()}; shared, do not write. */
    public float[] vertices() {
        return vertices;
    }

    /** Vertex indices, 3 per triangle; shared, do not write. */
    public int[] faces() {
        return faces;
    }

    /** Vertex normals or null; shared, do not write. */
    public float[] normals() {
        return normals;
    }

    public boolean hasNormals() {
        return normals != null;
    }

    public Vec3d origin() {
        return origin;
    }

    /** World-space bounds of all vertices (referenced or not), computed once. */
    public Aabb bounds() {
        Aabb b = bounds;
        if (b == null) {
            b = Aabb.of(vertices, origin);
            bounds = b;
        }
        return b;
    }

    /** The vertices (and normals) as a point cloud sharing this mesh's arrays. */
    public PointCloud toPointCloud() {
        return PointCloud.of(vertices, normals, null, origin);
    }

    @Override
    public String toString() {
        return "TriangleMesh[" + vertexCount() + " vertices, " + faceCount() + " faces"
                + (hasNormals() ? ", normals" : "") + ", origin " + origin + "]";
    }
}
