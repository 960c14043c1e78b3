package org.isofield.reconstruction.mc;

import java.util.List;
import org.isofield.core.Parallel;
import org.isofield.core.ProgressMeter;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;

/**
 * The marching-cubes sweep over z slabs. Holds two slices of values and the vertex ids of the edges of the current
 * slab; every grid edge with a sign change gets exactly one vertex, created when its slice or slab is first reached,
 * so neighbouring cubes share vertices. Rows of a slice are split into fixed chunks (independent of the thread
 * count); vertices are numbered by a count pass and a prefix sum in chunk order and triangles are concatenated in
 * chunk order, so the output is identical for any thread count. Memory: about {@code 40 nx ny} bytes besides the
 * output.
 */
final class SlabExtractor {
    /** Interpolation parameters are kept in [T_MIN, 1 - T_MIN] so vertices on different edges never coincide. */
    static final double T_MIN = 1e-3;
    private static final int CHUNK_SAMPLES = 16_384;
    /** Centre vertices stay this far (in cells) inside their cube, so they never coincide with another vertex. */
    static final double CENTRE_MARGIN = 0.01;

    private final int nx;
    private final int ny;
    private final int nz;
    private final double h;
    private final double offset;
    private final int rowsPerChunk;
    private final GrowableArrays.Floats vertices = new GrowableArrays.Floats();
    private final GrowableArrays.Ints faces = new GrowableArrays.Ints();

    /**
     * @param offset added to grid indices before scaling by {@code h} (-1 for a padded grid)
     */
    SlabExtractor(int nx, int ny, int nz, double h, double offset) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.h = h;
        this.offset = offset;
        this.rowsPerChunk = Math.max(1, CHUNK_SAMPLES / nx);
    }

    TriangleMesh run(SliceSources.SliceSource source, Vec3d origin, ProgressMeter meter) {
        int slice = nx * ny;
        float[] lo = new float[slice];
        float[] hi = new float[slice];
        int[] xLo = new int[(nx - 1) * ny];
        int[] yLo = new int[nx * (ny - 1)];
        int[] xHi = new int[xLo.length];
        int[] yHi = new int[yLo.length];
        int[] zEdge = new int[slice];
        fill(source, 0, lo);
        sliceVertices(lo, 0, xLo, yLo);
        for (int k = 0; k + 1 < nz; k++) {
            fill(source, k + 1, hi);
            sliceVertices(hi, k + 1, xHi, yHi);
            zVertices(lo, hi, k, zEdge);
            triangles(lo, hi, xLo, yLo, xHi, yHi, zEdge, k);
            float[] t = lo;
            lo = hi;
            hi = t;
            int[] a = xLo;
            xLo = xHi;
            xHi = a;
            int[] b = yLo;
            yLo = yHi;
            yHi = b;
            meter.step();
        }
        meter.done();
        return TriangleMesh.of(vertices.toArray(), faces.toArray(), null, origin);
    }

    private void fill(SliceSources.SliceSource source, int k, float[] out) {
        source.fill(k, out);
        for (int p = 0; p < out.length; p++) {
            if (Float.isNaN(out[p])) {
                int o = (int) offset;
                throw new IllegalArgumentException("field value is NaN at grid sample (" + (p % nx + o) + ", "
                        + (p / nx + o) + ", " + (k + o) + "); expected a number (infinities are allowed)");
            }
        }
    }

    private static boolean in(float v) {
        return v < 0;
    }

    private double t(float a, float b) {
        double t = a / ((double) a - b);
        if (Double.isNaN(t)) {
            t = 0.5;
        }
        return Math.min(1 - T_MIN, Math.max(T_MIN, t));
    }

    /** Vertices on the x and y edges of slice {@code k}; ids into {@code xIds} and {@code yIds} (-1 where none). */
    private void sliceVertices(float[] s, int k, int[] xIds, int[] yIds) {
        emit((j, count, ids, pos) -> {
            int n = 0;
            for (int i = 0; i + 1 < nx; i++) {
                int p = i + nx * j;
                if (in(s[p]) != in(s[p + 1])) {
                    if (ids != null) {
                        put(pos, count + n, i + t(s[p], s[p + 1]), j, k);
                        xIds[i + (nx - 1) * j] = count + n;
                    }
                    n++;
                } else if (ids != null) {
                    xIds[i + (nx - 1) * j] = -1;
                }
            }
            if (j + 1 < ny) {
                for (int i = 0; i < nx; i++) {
                    int p = i + nx * j;
                    if (in(s[p]) != in(s[p + nx])) {
                        if (ids != null) {
                            put(pos, count + n, i, j + t(s[p], s[p + nx]), k);
                            yIds[p] = count + n;
                        }
                        n++;
                    } else if (ids != null) {
                        yIds[p] = -1;
                    }
                }
            }
            return n;
        });
    }

    /** Vertices on the z edges between slices {@code k} and {@code k + 1}. */
    private void zVertices(float[] lo, float[] hi, int k, int[] zIds) {
        emit((j, count, ids, pos) -> {
            int n = 0;
            for (int i = 0; i < nx; i++) {
                int p = i + nx * j;
                if (in(lo[p]) != in(hi[p])) {
                    if (ids != null) {
                        put(pos, count + n, i, j, k + t(lo[p], hi[p]));
                        zIds[p] = count + n;
                    }
                    n++;
                } else if (ids != null) {
                    zIds[p] = -1;
                }
            }
            return n;
        });
    }

    private void put(float[] pos, int id, double gi, double gj, double gk) {
        pos[3 * id] = (float) ((gi + offset) * h);
        pos[3 * id + 1] = (float) ((gj + offset) * h);
        pos[3 * id + 2] = (float) ((gk + offset) * h);
    }

    /** One row's vertex pass: counts when {@code ids} is null, else writes vertices from id {@code count} on. */
    @FunctionalInterface
    private interface RowPass {
        int run(int j, int count, int[] ids, float[] pos);
    }

    private static final int[] WRITE = new int[0];

    private void emit(RowPass pass) {
        int chunks = Parallel.chunkCount(ny, rowsPerChunk);
        int[] counts = new int[chunks + 1];
        Parallel.forChunks(ny, rowsPerChunk, (chunk, start, end) -> {
            int n = 0;
            for (int j = start; j < end; j++) {
                n += pass.run(j, 0, null, null);
            }
            counts[chunk + 1] = n;
        });
        long total = vertices.size / 3;
        for (int c = 0; c < chunks; c++) {
            total += counts[c + 1];
            counts[c + 1] = counts[c] + counts[c + 1];
        }
        if (total > Integer.MAX_VALUE / 3 - 8) {
            throw new IllegalStateException("marching cubes output exceeds " + (Integer.MAX_VALUE / 3 - 8)
                    + " vertices");
        }
        int base = vertices.size / 3;
        vertices.ensure(3 * (int) total);
        float[] pos = vertices.data;
        Parallel.forChunks(ny, rowsPerChunk, (chunk, start, end) -> {
            int id = base + counts[chunk];
            for (int j = start; j < end; j++) {
                id += pass.run(j, id, WRITE, pos);
            }
        });
        vertices.size = 3 * (int) total;
    }

    /** Triangles of one chunk of rows; centre vertices get ids {@code -2 - local index} until numbered. */
    private static final class Part {
        final GrowableArrays.Ints tris = new GrowableArrays.Ints();
        final GrowableArrays.Floats centres = new GrowableArrays.Floats();
    }

    private void triangles(float[] lo, float[] hi, int[] xLo, int[] yLo, int[] xHi, int[] yHi, int[] zIds, int zSlab) {
        int rows = ny - 1;
        float[] pos = vertices.data;
        List<Part> parts = Parallel.mapChunks(rows, rowsPerChunk, (chunk, start, end) -> {
            Part out = new Part();
            float[] v = new float[8];
            int[] ids = new int[16];
            for (int j = start; j < end; j++) {
                for (int i = 0; i + 1 < nx; i++) {
                    int p = i + nx * j;
                    v[0] = lo[p];
                    v[1] = lo[p + 1];
                    v[2] = lo[p + nx];
                    v[3] = lo[p + nx + 1];
                    v[4] = hi[p];
                    v[5] = hi[p + 1];
                    v[6] = hi[p + nx];
                    v[7] = hi[p + nx + 1];
                    int cubeCase = 0;
                    for (int c = 0; c < 8; c++) {
                        cubeCase |= in(v[c]) ? 1 << c : 0;
                    }
                    if (cubeCase == 0 || cubeCase == 255) {
                        continue;
                    }
                    int amb = CaseTable.ambiguousFaces(cubeCase);
                    int faceBits = 0;
                    for (int f = 0; amb != 0 && f < 6; f++) {
                        if ((amb >> f & 1) != 0) {
                            int[] q = CaseTable.FACE_CORNERS[f];
                            // same summation order in both cubes sharing the face, so both decide alike
                            double centre = ((double) v[q[0]] + v[q[2]]) + ((double) v[q[1]] + v[q[3]]);
                            faceBits |= centre < 0 ? 1 << f : 0;
                        }
                    }
                    ids[0] = xLo[i + (nx - 1) * j];
                    ids[1] = xLo[i + (nx - 1) * (j + 1)];
                    ids[2] = xHi[i + (nx - 1) * j];
                    ids[3] = xHi[i + (nx - 1) * (j + 1)];
                    ids[4] = yLo[p];
                    ids[5] = yLo[p + 1];
                    ids[6] = yHi[p];
                    ids[7] = yHi[p + 1];
                    ids[8] = zIds[p];
                    ids[9] = zIds[p + 1];
                    ids[10] = zIds[p + nx];
                    ids[11] = zIds[p + nx + 1];
                    int[][] centres = CaseTable.centres(cubeCase, faceBits);
                    for (int m = 0; m < centres.length; m++) {
                        ids[12 + m] = -2 - out.centres.size / 3;
                        addCentre(out.centres, centres[m], ids, pos, v, i, j, zSlab);
                    }
                    int[] tris = CaseTable.triangles(cubeCase, faceBits);
                    for (int t = 0; t < tris.length; t += 3) {
                        out.tris.add(ids[tris[t]], ids[tris[t + 1]], ids[tris[t + 2]]);
                    }
                }
            }
            return out;
        });
        for (Part part : parts) {
            int base = vertices.size / 3;
            int[] d = part.tris.data;
            for (int t = 0; t < part.tris.size; t++) {
                if (d[t] < 0) {
                    d[t] = base - 2 - d[t];
                }
            }
            faces.addAll(part.tris);
            vertices.ensure(vertices.size + part.centres.size);
            System.arraycopy(part.centres.data, 0, vertices.data, vertices.size, part.centres.size);
            vertices.size += part.centres.size;
        }
    }

    /**
     * Appends the centre vertex of a loop: the mean of its vertices, then moved onto the zero set of the cube's
     * trilinear interpolant by up to 8 Newton steps along its gradient (kept {@link #CENTRE_MARGIN} inside the cube;
     * the mean is kept when the steps make things worse).
     */
    private void addCentre(GrowableArrays.Floats centres, int[] loop, int[] ids, float[] pos, float[] v, int i, int j,
            int k) {
        double x = 0;
        double y = 0;
        double z = 0;
        for (int e : loop) {
            int id = ids[e];
            x += pos[3 * id];
            y += pos[3 * id + 1];
            z += pos[3 * id + 2];
        }
        double[] u = {x / loop.length / h - offset - i, y / loop.length / h - offset - j,
                z / loop.length / h - offset - k};
        double[] start = u.clone();
        double[] g = new double[3];
        double scale = 0;
        for (float c : v) {
            scale = Math.max(scale, Float.isInfinite(c) ? 1e30 : Math.abs(c));
        }
        boolean converged = false;
        for (int it = 0; it < 8 && !converged; it++) {
            double f = trilinear(v, u, g);
            double g2 = g[0] * g[0] + g[1] * g[1] + g[2] * g[2];
            if (Math.abs(f) <= 1e-7 * scale) {
                converged = true;
            } else if (g2 > 0 && Double.isFinite(f)) {
                for (int a = 0; a < 3; a++) {
                    u[a] = Math.min(1 - CENTRE_MARGIN, Math.max(CENTRE_MARGIN, u[a] - f * g[a] / g2));
                }
            } else {
                break;
            }
        }
        if (!converged && Math.abs(trilinear(v, u, g)) >= Math.abs(trilinear(v, start, g))) {
            u = start;
        }
        centres.ensure(centres.size + 3);
        centres.data[centres.size++] = (float) ((i + u[0] + offset) * h);
        centres.data[centres.size++] = (float) ((j + u[1] + offset) * h);
        centres.data[centres.size++] = (float) ((k + u[2] + offset) * h);
    }

    /** Trilinear interpolation of the corner values at local {@code u} in [0,1]^3, with its gradient into {@code g}. */
    static double trilinear(float[] v, double[] u, double[] g) {
        double f = 0;
        g[0] = 0;
        g[1] = 0;
        g[2] = 0;
        for (int c = 0; c < 8; c++) {
            double wx = (c & 1) != 0 ? u[0] : 1 - u[0];
            double wy = (c & 2) != 0 ? u[1] : 1 - u[1];
            double wz = (c & 4) != 0 ? u[2] : 1 - u[2];
            double sx = (c & 1) != 0 ? 1 : -1;
            double sy = (c & 2) != 0 ? 1 : -1;
            double sz = (c & 4) != 0 ? 1 : -1;
            double val = Float.isInfinite(v[c]) ? Math.copySign(1e30, v[c]) : v[c];
            f += val * wx * wy * wz;
            g[0] += val * sx * wy * wz;
            g[1] += val * wx * sy * wz;
            g[2] += val * wx * wy * sz;
        }
        return f;
    }
}
