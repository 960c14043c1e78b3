package org.isofield.datasets.io;

import java.nio.file.Path;
import org.isofield.datasets.geom.PointCloud;

/**
 * Reads and writes point clouds in any {@link GeometryFormat}. Reading a mesh file returns its vertices (with
 * normals and colours when present; unreferenced vertices included); faces are ignored. Writing takes the format
 * from the target's extension and leaves out attributes the format cannot hold. Errors are as in
 * {@link GeometryIO}.
 */
public final class PointClouds {
    private PointClouds() {
    }

    /** Reads {@code file} with {@link ReadOptions#DEFAULT}. */
    public static PointCloud read(Path file) {
        return read(file, ReadOptions.DEFAULT);
    }

    /** Reads the points of {@code file}. */
    public static PointCloud read(Path file, ReadOptions options) {
        return GeometryIO.read(file, options).toPointCloud();
    }

    /** Writes {@code cloud} with {@link WriteOptions#DEFAULT} (binary, never overwriting). */
    public static void write(PointCloud cloud, Path target) {
        write(cloud, target, WriteOptions.DEFAULT);
    }

    /**
     * Writes {@code cloud} atomically.
     *
     * @throws org.isofield.core.FormatException for STL, which holds only triangles
     */
    public static void write(PointCloud cloud, Path target, WriteOptions options) {
        GeometryIO.write(GeometryData.of(cloud), target, options);
    }
}
