package org.isofield.datasets.geom;

import java.util.Objects;

/**
 * A triangle mesh with {@code double} world coordinates: vertices {@code double[3V]}, faces {@code int[3F]} of vertex
 * indices (counter-clockwise seen from outside). For results whose guarantees depend on exact coordinates (a Voronoi
 * mesh is watertight and free of self-intersections for the coordinates it was built with, not necessarily after
 * rounding to float); {@link #toTriangleMesh} gives the float mesh the rest of the engine draws and measures.
 *
 * <p>Immutable: the factory takes ownership of the arrays without copying and accessors return them shared; callers
 * must never write them. Face indices and coordinates are checked once at construction.
 */
public final class DoubleMesh {
    private final double[] vertices;
    private final int[] faces;

    private DoubleMesh(double[] vertices, int[] faces) {
        Objects.requireNonNull(vertices, "vertices");
        Objects.requireNonNull(faces, "faces");
        if (vertices.length % 3 != 0) {
            throw new IllegalArgumentException("vertices has length " + vertices.length + "; expected a multiple of 3");
        }
        if (faces.length % 3 != 0) {
            throw new IllegalArgumentException("faces has length " + faces.length + "; expected a multiple of 3");
        }
        for (int i = 0; i < vertices.length; i++) {
            if (!Double.isFinite(vertices[i])) {
                throw new IllegalArgumentException("vertex " + i / 3 + " has coordinate " + vertices[i]
                        + "; expected a finite number");
            }
        }
        int nv = vertices.length / 3;
        for (int i = 0; i < faces.length; i++) {
            if (faces[i] < 0 || faces[i] >= nv) {
                throw new IllegalArgumentException("face " + i / 3 + " has vertex index " + faces[i]
                        + "; expected 0 to " + (nv - 1));
            }
        }
        this.vertices = vertices;
        this.faces = faces;
    }

    /** A mesh of world coordinates {@code x0 y0 z0 x1 ...} and triangles. */
    public static DoubleMesh of(double[] vertices, int[] faces) {
        return new DoubleMesh(vertices, faces);
    }

    public int vertexCount() {
        return vertices.length / 3;
    }

    public int faceCount() {
        return faces.length / 3;
    }

    /** World coordinates, shared; do not write. */
    public double[] vertices() {
        return vertices;
    }

    /** Vertex indices, three per face, shared; do not write. */
    public int[] faces() {
        return faces;
    }

    /** The bounding box, or {@link Aabb#EMPTY} without vertices. */
    public Aabb bounds() {
        if (vertices.length == 0) {
            return Aabb.EMPTY;
        }
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < vertices.length; i++) {
            lo[i % 3] = Math.min(lo[i % 3], vertices[i]);
            hi[i % 3] = Math.max(hi[i % 3], vertices[i]);
        }
        return new Aabb(lo[0], lo[1], lo[2], hi[0], hi[1], hi[2]);
    }

    /**
     * The mesh with float vertices relative to the centre of its bounds (so rounding is relative to its size, not to
     * its distance from the world origin); the same vertex indices and faces. Distinct vertices closer than a float
     * step become bit-identical here, which checks that weld by position see as one vertex.
     */
    public TriangleMesh toTriangleMesh() {
        Vec3d o = vertices.length == 0 ? Vec3d.ZERO : bounds().center();
        float[] v = new float[vertices.length];
        for (int i = 0; i < v.length; i += 3) {
            v[i] = (float) (vertices[i] - o.x());
            v[i + 1] = (float) (vertices[i + 1] - o.y());
            v[i + 2] = (float) (vertices[i + 2] - o.z());
        }
        return TriangleMesh.of(v, faces, null, o);
    }

    /**
     * The mesh with each world coordinate rounded to the nearest float, as a float32 file stores it (the coordinates
     * themselves, not offsets from a centre), still in double.
     */
    public DoubleMesh roundedToFloat() {
        double[] out = new double[vertices.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) vertices[i];
        }
        return new DoubleMesh(out, faces);
    }

    /** The mesh with float world coordinates (origin zero): what a float32 file holds. */
    public TriangleMesh toFloatWorld() {
        float[] v = new float[vertices.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) vertices[i];
        }
        return TriangleMesh.of(v, faces);
    }

    @Override
    public String toString() {
        return "DoubleMesh[" + vertexCount() + " vertices, " + faceCount() + " faces]";
    }
}
