package org.isofield.datasets.io.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.isofield.datasets.geom.Scalars;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryFormat;

/**
 * Collects what a reader finds into flat arrays and builds a {@link GeometryData}. Owns the precision rule: the
 * origin is chosen from the first point with {@link Vec3d#chooseOrigin} and positions are stored as
 * {@code float(x - origin)}; with a zero origin the float parsed directly from the text is used, so float data
 * round-trips bit for bit. Owns the non-finite rule: a non-finite position or normal is an error at the reader's
 * {@link Locator} unless {@code dropNonFinite}, in which case the vertex is kept as a placeholder (so file indices
 * stay valid) and removed in {@link #build}, with every triangle that uses it.
 */
public final class GeometryBuilder {
    /** Most vertices a file may have: three floats each must fit one Java array. */
    public static final int MAX_VERTICES = FloatList.MAX_LENGTH / 3;

    private final boolean dropNonFinite;
    private final FloatList positions;
    private FloatList normals;
    private FloatList colors;
    private IntList faces;
    private final List<String> scalarNames = new ArrayList<>();
    private final List<FloatList> scalars = new ArrayList<>();
    private Vec3d origin;
    private double ox;
    private double oy;
    private double oz;
    private boolean zeroOrigin;
    private long[] dropped = new long[0];
    private int droppedCount;

    /**
     * @param expectedVertices initial capacity (exact when the file declares its count)
     */
    public GeometryBuilder(boolean dropNonFinite, int expectedVertices) {
        this.dropNonFinite = dropNonFinite;
        this.positions = new FloatList(3 * Math.min(expectedVertices, MAX_VERTICES));
    }

    /** Starts collecting normals, with room for the expected vertex count. */
    public GeometryBuilder withNormals() {
        normals = new FloatList(positions.array().length);
        return this;
    }

    /** Starts collecting colours, with room for the expected vertex count. */
    public GeometryBuilder withColors() {
        colors = new FloatList(positions.array().length);
        return this;
    }

    /**
     * Starts collecting the named per-vertex scalar ({@link Scalars}), with room for the expected vertex count.
     *
     * @return its slot for {@link #addScalar} and {@link #scalar}
     */
    public int withScalar(String name) {
        scalarNames.add(name);
        scalars.add(new FloatList(positions.array().length / 3));
        return scalars.size() - 1;
    }

    /**
     * Sets a whole named scalar at once: one value per vertex added (placeholders of dropped vertices included, in
     * file order), e.g. after a bulk decode; {@link #build} compacts it like the positions.
     */
    public void setScalar(String name, float[] all) {
        scalarNames.add(name);
        scalars.add(FloatList.wrap(all));
    }

    /** Adds the value of scalar {@code slot} for the last vertex. */
    public void addScalar(int slot, float value) {
        scalars.get(slot).add(value);
    }

    /** The list of scalar {@code slot}, for bulk readers that fill it in place. */
    public FloatList scalar(int slot) {
        return scalars.get(slot);
    }

    /** Starts collecting triangles; {@link #build} returns non-null faces from now on. */
    public GeometryBuilder withFaces(int expectedTriangles) {
        faces = new IntList(3 * Math.max(0, Math.min(expectedTriangles, FloatList.MAX_LENGTH / 3)));
        return this;
    }

    /** Number of vertices added so far (placeholders included). */
    public int vertexCount() {
        return positions.size() / 3;
    }

    /** Chooses the origin from the first point, once. */
    public void chooseOrigin(double x, double y, double z) {
        if (origin == null) {
            origin = Vec3d.chooseOrigin(x, y, z);
            ox = origin.x();
            oy = origin.y();
            oz = origin.z();
            zeroOrigin = ox == 0 && oy == 0 && oz == 0;
        }
    }

    public Vec3d origin() {
        return origin == null ? Vec3d.ZERO : origin;
    }

    public boolean zeroOrigin() {
        return origin == null || zeroOrigin;
    }

    /**
     * Adds a vertex parsed from text: each coordinate as its correctly rounded double and float.
     *
     * @param at where the vertex is, for errors
     * @return the vertex index
     */
    public int addPosition(double x, float fx, double y, float fy, double z, float fz, Locator at) {
        chooseOrigin(x, y, z);
        int i = vertexCount();
        if (i >= MAX_VERTICES) {
            throw at.error("more than " + MAX_VERTICES + " vertices; at most that many are supported");
        }
        if (zeroOrigin) {
            positions.add(fx, fy, fz);
        } else {
            positions.add((float) (x - ox), (float) (y - oy), (float) (z - oz));
        }
        if (!(isFinite(x) && isFinite(y) && isFinite(z))) {
            nonFinite(i, "position", x, y, z, at);
        }
        return i;
    }

    /** Adds a vertex read as doubles (or floats widened), e.g. from binary data. */
    public int addPosition(double x, double y, double z, Locator at) {
        return addPosition(x, (float) x, y, (float) y, z, (float) z, at);
    }

    /** Adds the normal of the last vertex; a non-finite one is handled like a non-finite position. */
    public void addNormal(float nx, float ny, float nz, Locator at) {
        normals.add(nx, ny, nz);
        if (!(isFinite(nx) && isFinite(ny) && isFinite(nz))) {
            nonFinite(normals.size() / 3 - 1, "normal", nx, ny, nz, at);
        }
    }

    /** Sets all normals at once (3 per vertex, in file order), e.g. after averaging per-corner normals. */
    public void setNormals(float[] all) {
        normals = FloatList.wrap(all);
    }

    /** Adds the colour of the last vertex, RGB in [0, 1]. */
    public void addColor(float r, float g, float b) {
        colors.add(r, g, b);
    }

    /** Adds one triangle of vertex indices, which the reader has checked. */
    public void addTriangle(int a, int b, int c) {
        faces.add(a, b, c);
    }

    /** The position list, for bulk readers that fill it in place ({@link FloatList#extend}). */
    public FloatList positions() {
        return positions;
    }

    /** The normal list or null. */
    public FloatList normals() {
        return normals;
    }

    /** The colour list or null. */
    public FloatList colors() {
        return colors;
    }

    /** The triangle list or null. */
    public IntList faces() {
        return faces;
    }

    /**
     * Handles vertex {@code i} with a non-finite {@code what} ("position" or "normal"): throws at {@code at} or,
     * with {@code dropNonFinite}, marks the vertex for removal.
     */
    public void nonFinite(int i, String what, double a, double b, double c, Locator at) {
        if (!dropNonFinite) {
            throw at.error("vertex " + i + " has a non-finite " + what + " (" + a + ", " + b + ", " + c
                    + "); expected finite numbers (ReadOptions.dropNonFinite drops such points)");
        }
        int word = i >>> 6;
        if (word >= dropped.length) {
            dropped = Arrays.copyOf(dropped, Math.max(word + 1, dropped.length * 2));
        }
        if ((dropped[word] & (1L << i)) == 0) {
            dropped[word] |= 1L << i;
            droppedCount++;
        }
    }

    private static boolean isFinite(double v) {
        return v - v == 0;
    }

    /** The collected data; compacts away dropped vertices and the triangles that use them. */
    public GeometryData build(GeometryFormat format) {
        float[] p = positions.toArray();
        float[] n = normals == null ? null : normals.toArray();
        float[] c = colors == null ? null : colors.toArray();
        int[] f = faces == null ? null : faces.toArray();
        float[][] s = new float[scalars.size()][];
        for (int k = 0; k < s.length; k++) {
            s[k] = scalars.get(k).toArray();
        }
        if (droppedCount > 0) {
            int[] remap = new int[p.length / 3];
            int kept = 0;
            for (int i = 0; i < remap.length; i++) {
                remap[i] = isDropped(i) ? -1 : kept++;
            }
            p = compact(p, remap, kept);
            n = n == null ? null : compact(n, remap, kept);
            c = c == null ? null : compact(c, remap, kept);
            for (int k = 0; k < s.length; k++) {
                s[k] = compact1(s[k], remap, kept);
            }
            f = f == null ? null : remapFaces(f, remap);
        }
        Map<String, float[]> named = new LinkedHashMap<>();
        for (int k = 0; k < s.length; k++) {
            named.put(scalarNames.get(k), s[k]);
        }
        return new GeometryData(format, p, n, c, named, f, origin(), droppedCount);
    }

    private boolean isDropped(int i) {
        int word = i >>> 6;
        return word < dropped.length && (dropped[word] & (1L << i)) != 0;
    }

    private static float[] compact(float[] a, int[] remap, int kept) {
        float[] out = new float[3 * kept];
        for (int i = 0; i < remap.length; i++) {
            int j = remap[i];
            if (j >= 0) {
                System.arraycopy(a, 3 * i, out, 3 * j, 3);
            }
        }
        return out;
    }

    private static float[] compact1(float[] a, int[] remap, int kept) {
        float[] out = new float[kept];
        for (int i = 0; i < remap.length; i++) {
            if (remap[i] >= 0) {
                out[remap[i]] = a[i];
            }
        }
        return out;
    }

    private static int[] remapFaces(int[] f, int[] remap) {
        IntList out = new IntList(f.length);
        for (int t = 0; t < f.length; t += 3) {
            int a = remap[f[t]];
            int b = remap[f[t + 1]];
            int c = remap[f[t + 2]];
            if (a >= 0 && b >= 0 && c >= 0) {
                out.add(a, b, c);
            }
        }
        return out.toArray();
    }
}
