package org.isofield.datasets.io;

import java.nio.file.Path;
import org.isofield.core.FormatException;
import org.isofield.core.io.AtomicFiles;
import org.isofield.datasets.geom.DoubleMesh;
import org.isofield.datasets.geom.VertexAttributes;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.io.ply.PlyWriter;

/**
 * Reads and writes triangle meshes in PLY, OBJ, OFF and STL (XYZ holds no faces). Polygons are fan-triangulated on
 * reading; vertex normals are kept when the file has them (OBJ per-corner normals averaged per vertex), colours are
 * dropped. Writing takes the format from the target's extension. Errors are as in {@link GeometryIO}.
 */
public final class Meshes {
    private Meshes() {
    }

    /** Reads {@code file} with {@link ReadOptions#DEFAULT}. */
    public static TriangleMesh read(Path file) {
        return read(file, ReadOptions.DEFAULT);
    }

    /**
     * Reads the mesh in {@code file}.
     *
     * @throws FormatException when the file has no faces (e.g. a scan or an XYZ file): read it as a point cloud
     */
    public static TriangleMesh read(Path file, ReadOptions options) {
        GeometryData data = GeometryIO.read(file, options);
        if (!data.hasFaces()) {
            throw FormatException.inFile(file, "has no faces; expected a mesh (" + data.vertexCount()
                    + " vertices and no triangles found); read it as a point cloud (PointClouds.read)");
        }
        return data.toMesh();
    }

    /** Writes {@code mesh} with {@link WriteOptions#DEFAULT} (binary, never overwriting). */
    public static void write(TriangleMesh mesh, Path target) {
        write(mesh, target, WriteOptions.DEFAULT);
    }

    /** Writes {@code mesh} atomically; to XYZ only its vertices (and normals) are written. */
    public static void write(TriangleMesh mesh, Path target, WriteOptions options) {
        GeometryIO.write(GeometryData.of(mesh), target, options);
    }

    /**
     * Writes {@code mesh} atomically with per-vertex colours and scalars; formats that cannot hold them leave them
     * out (PLY holds both, OFF colours only).
     */
    public static void write(TriangleMesh mesh, VertexAttributes attributes, Path target, WriteOptions options) {
        VertexAttributes a = attributes.checked(mesh.vertexCount());
        GeometryIO.write(GeometryData.of(mesh).withAttributes(a.colors(), a.scalars()), target, options);
    }

    /**
     * Writes a mesh with double coordinates atomically: to PLY with {@code double} x y z, so the file holds exactly
     * these coordinates; to the other formats through {@link DoubleMesh#toTriangleMesh} (their writers' precision).
     */
    public static void write(DoubleMesh mesh, Path target, WriteOptions options) {
        write(mesh, VertexAttributes.NONE, target, options);
    }

    /** As {@link #write(DoubleMesh, Path, WriteOptions)}, with per-vertex colours and scalars. */
    public static void write(DoubleMesh mesh, VertexAttributes attributes, Path target, WriteOptions options) {
        VertexAttributes a = attributes.checked(mesh.vertexCount());
        if (GeometryFormat.fromPath(target) != GeometryFormat.PLY) {
            write(mesh.toTriangleMesh(), a, target, options);
            return;
        }
        AtomicFiles.write(target, options.overwrite(), out -> PlyWriter.writeDouble(mesh, a, out, options));
    }
}
