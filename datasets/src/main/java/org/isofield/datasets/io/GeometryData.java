package org.isofield.datasets.io;

import java.util.Map;
import java.util.Objects;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.Scalars;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;

/**
 * Whatever a geometry file holds, as flat arrays: what {@link GeometryIO#read} returns and writers take. Positions
 * are {@code float[3N]} relative to {@code origin} (world = origin + stored), normals and colours {@code float[3N]}
 * or null, faces {@code int[3F]} of triangles or null when the file has no face data at all.
 *
 * <p>Like {@link PointCloud}, the arrays are shared, never copied and must not be written. Equality is by array
 * identity (record semantics).
 *
 * @param format           the format the data was read from, or null when built in memory
 * @param positions        3 per vertex, relative to {@code origin}
 * @param normals          3 per vertex, or null
 * @param colors           RGB in [0, 1] (as stored in the file), 3 per vertex, or null
 * @param scalars          named per-vertex scalars such as {@code intensity} or {@code quality}, 1 per vertex, in
 *                         file order; empty when there are none ({@link Scalars})
 * @param faces            3 vertex indices per triangle (polygons fan-triangulated), or null when the file has no faces
 * @param origin           world position the stored positions are relative to
 * @param droppedNonFinite how many points were dropped for non-finite values ({@link ReadOptions#dropNonFinite()})
 */
public record GeometryData(GeometryFormat format, float[] positions, float[] normals, float[] colors,
                           Map<String, float[]> scalars, int[] faces, Vec3d origin, int droppedNonFinite) {

    /** Checks array lengths (not face index ranges; {@link TriangleMesh} does that). */
    public GeometryData {
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(origin, "origin");
        if (positions.length % 3 != 0) {
            throw new IllegalArgumentException("positions has length " + positions.length
                    + "; expected a multiple of 3");
        }
        if (normals != null && normals.length != positions.length) {
            throw new IllegalArgumentException("normals has length " + normals.length + "; expected "
                    + positions.length);
        }
        if (colors != null && colors.length != positions.length) {
            throw new IllegalArgumentException("colors has length " + colors.length + "; expected " + positions.length);
        }
        scalars = Scalars.check(scalars, positions.length / 3);
        if (faces != null && faces.length % 3 != 0) {
            throw new IllegalArgumentException("faces has length " + faces.length + "; expected a multiple of 3");
        }
    }

    /** The data of a point cloud (no faces), sharing its arrays. */
    public static GeometryData of(PointCloud cloud) {
        return new GeometryData(null, cloud.positions(), cloud.normals(), cloud.colors(), cloud.scalars(), null,
                cloud.origin(), 0);
    }

    /** The data of a mesh, sharing its arrays. */
    public static GeometryData of(TriangleMesh mesh) {
        return new GeometryData(null, mesh.vertices(), mesh.normals(), null, Map.of(), mesh.faces(), mesh.origin(), 0);
    }

    /** This data with these per-vertex colours (3 per vertex, or null) and scalars, sharing the other arrays. */
    public GeometryData withAttributes(float[] newColors, Map<String, float[]> newScalars) {
        return new GeometryData(format, positions, normals, newColors, newScalars, faces, origin, droppedNonFinite);
    }

    /** Number of vertices (points). */
    public int vertexCount() {
        return positions.length / 3;
    }

    /** Number of triangles; 0 when there are no faces. */
    public int faceCount() {
        return faces == null ? 0 : faces.length / 3;
    }

    /** Whether there is at least one face. */
    public boolean hasFaces() {
        return faces != null && faces.length > 0;
    }

    public boolean hasNormals() {
        return normals != null;
    }

    public boolean hasColors() {
        return colors != null;
    }

    public boolean hasScalars() {
        return !scalars.isEmpty();
    }

    /** World-space bounds of all vertices; computed on each call. */
    public Aabb bounds() {
        return Aabb.of(positions, origin);
    }

    /** The vertices with their normals and colours as a point cloud sharing these arrays; faces are ignored. */
    public PointCloud toPointCloud() {
        return PointCloud.of(positions, normals, colors, origin).withScalars(scalars);
    }

    /**
     * The data as a triangle mesh sharing these arrays; colours are not kept.
     *
     * @throws IllegalStateException when there are no faces
     */
    public TriangleMesh toMesh() {
        if (faces == null) {
            throw new IllegalStateException("no faces");
        }
        return TriangleMesh.of(positions, faces, normals, origin);
    }

    @Override
    public String toString() {
        return "GeometryData[" + (format == null ? "" : format + ", ") + vertexCount() + " vertices, "
                + (faces == null ? "no faces" : faceCount() + " triangles") + (hasNormals() ? ", normals" : "")
                + (hasColors() ? ", colors" : "") + (hasScalars() ? ", scalars " + scalars.keySet() : "")
                + ", origin " + origin + "]";
    }
}
