package org.isofield.reconstruction.mc;

import org.isofield.core.Parallel;
import org.isofield.datasets.geom.TriangleMesh;

/**
 * Turns the crossed cells found by {@link SparseMarchingCubes} into a mesh: one vertex per crossed grid edge (shared
 * through an edge map), the case table's triangles, centre vertices for the loops the table fans, then vertex
 * normals from the field gradient and an outward orientation. Vertex placement and the ambiguous-face decision are
 * those of {@link SlabExtractor}, so the output matches the dense extractor cell for cell.
 */
final class SparseMeshBuilder {
    private final SampleGrid grid;
    private final LatticeField field;
    private final int cx;
    private final int cy;
    private final boolean orientOutward;
    private final GrowableArrays.Floats vertices = new GrowableArrays.Floats();
    private final GrowableArrays.Ints faces = new GrowableArrays.Ints();

    /** @param orientOutward flip the faces when their signed volume is negative (closed surfaces) */
    SparseMeshBuilder(SampleGrid grid, LatticeField field, boolean orientOutward) {
        this.grid = grid;
        this.orientOutward = orientOutward;
        this.field = field;
        this.cx = grid.nx() - 1;
        this.cy = grid.ny() - 1;
    }

    /**
     * @param cells crossed cells
     * @param values 8 corner values per cell, corner {@code dx + 2 dy + 4 dz}
     */
    TriangleMesh build(long[] cells, float[] values) {
        EdgeVertexMap edges = new EdgeVertexMap(cells.length * 2);
        float[] v = new float[8];
        int[] ids = new int[16];
        double h = grid.spacing();
        for (int w = 0; w < cells.length; w++) {
            long c = cells[w];
            int i = (int) (c % cx);
            int j = (int) (c / cx % cy);
            int k = (int) (c / cx / cy);
            System.arraycopy(values, 8 * w, v, 0, 8);
            int cubeCase = 0;
            for (int corner = 0; corner < 8; corner++) {
                cubeCase |= v[corner] < 0 ? 1 << corner : 0;
            }
            int amb = CaseTable.ambiguousFaces(cubeCase);
            int faceBits = 0;
            for (int f = 0; amb != 0 && f < 6; f++) {
                if ((amb >> f & 1) != 0) {
                    int[] q = CaseTable.FACE_CORNERS[f];
                    double centre = ((double) v[q[0]] + v[q[2]]) + ((double) v[q[1]] + v[q[3]]);
                    faceBits |= centre < 0 ? 1 << f : 0;
                }
            }
            for (int e = 0; e < 12; e++) {
                int a = CaseTable.EDGE_CORNERS[e][0];
                int b = CaseTable.EDGE_CORNERS[e][1];
                if ((v[a] < 0) == (v[b] < 0)) {
                    ids[e] = -1;
                    continue;
                }
                int ai = i + (a & 1);
                int aj = j + (a >> 1 & 1);
                int ak = k + (a >> 2 & 1);
                int axis = CaseTable.EDGE_AXIS[e];
                long key = 3 * (ai + (long) grid.nx() * (aj + (long) grid.ny() * ak)) + axis;
                int id = edges.get(key);
                if (id < 0) {
                    id = vertices.size / 3;
                    double t = t(v[a], v[b]);
                    addVertex((ai + (axis == 0 ? t : 0)) * h, (aj + (axis == 1 ? t : 0)) * h,
                            (ak + (axis == 2 ? t : 0)) * h);
                    edges.put(key, id);
                }
                ids[e] = id;
            }
            int[][] centres = CaseTable.centres(cubeCase, faceBits);
            for (int m = 0; m < centres.length; m++) {
                ids[12 + m] = vertices.size / 3;
                addCentre(centres[m], ids, v, i, j, k);
            }
            int[] tris = CaseTable.triangles(cubeCase, faceBits);
            for (int t = 0; t < tris.length; t += 3) {
                faces.add(ids[tris[t]], ids[tris[t + 1]], ids[tris[t + 2]]);
            }
        }
        float[] pos = vertices.toArray();
        int[] f = faces.toArray();
        float[] normals = normals(pos);
        if (orientOutward && signedVolume(pos, f) < 0) {
            for (int t = 0; t < f.length; t += 3) {
                int tmp = f[t + 1];
                f[t + 1] = f[t + 2];
                f[t + 2] = tmp;
            }
            for (int p = 0; p < normals.length; p++) {
                normals[p] = -normals[p];
            }
        }
        return TriangleMesh.of(pos, f, normals, grid.origin());
    }

    private static double t(float a, float b) {
        double t = a / ((double) a - b);
        if (Double.isNaN(t)) {
            t = 0.5;
        }
        return Math.min(1 - SlabExtractor.T_MIN, Math.max(SlabExtractor.T_MIN, t));
    }

    private void addVertex(double x, double y, double z) {
        vertices.ensure(vertices.size + 3);
        vertices.data[vertices.size++] = (float) x;
        vertices.data[vertices.size++] = (float) y;
        vertices.data[vertices.size++] = (float) z;
    }

    /** Centre of a fanned loop: the loop's mean, moved onto the cube's trilinear zero set by Newton steps. */
    private void addCentre(int[] loop, int[] ids, float[] v, int i, int j, int k) {
        double h = grid.spacing();
        double[] u = new double[3];
        for (int e : loop) {
            int id = ids[e];
            u[0] += vertices.data[3 * id] / h - i;
            u[1] += vertices.data[3 * id + 1] / h - j;
            u[2] += vertices.data[3 * id + 2] / h - k;
        }
        for (int a = 0; a < 3; a++) {
            u[a] /= loop.length;
        }
        double[] start = u.clone();
        double[] g = new double[3];
        double scale = 0;
        for (float c : v) {
            scale = Math.max(scale, Float.isInfinite(c) ? 1e30 : Math.abs(c));
        }
        boolean converged = false;
        for (int it = 0; it < 8 && !converged; it++) {
            double f = SlabExtractor.trilinear(v, u, g);
            double g2 = g[0] * g[0] + g[1] * g[1] + g[2] * g[2];
            if (Math.abs(f) <= 1e-7 * scale) {
                converged = true;
            } else if (g2 > 0 && Double.isFinite(f)) {
                for (int a = 0; a < 3; a++) {
                    u[a] = Math.min(1 - SlabExtractor.CENTRE_MARGIN, Math.max(SlabExtractor.CENTRE_MARGIN,
                            u[a] - f * g[a] / g2));
                }
            } else {
                break;
            }
        }
        if (!converged && Math.abs(SlabExtractor.trilinear(v, u, g)) >= Math.abs(SlabExtractor.trilinear(v, start,
                g))) {
            u = start;
        }
        addVertex((i + u[0]) * h, (j + u[1]) * h, (k + u[2]) * h);
    }

    private float[] normals(float[] pos) {
        int n = pos.length / 3;
        float[] out = new float[pos.length];
        double h = grid.spacing();
        Parallel.forChunks(n, 8192, (chunk, start, end) -> {
            double[] g = new double[3];
            for (int p = start; p < end; p++) {
                field.gradient(pos[3 * p] / h, pos[3 * p + 1] / h, pos[3 * p + 2] / h, g);
                double len = Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]);
                if (len > 0 && Double.isFinite(len)) {
                    out[3 * p] = (float) (g[0] / len);
                    out[3 * p + 1] = (float) (g[1] / len);
                    out[3 * p + 2] = (float) (g[2] / len);
                }
            }
        });
        return out;
    }

    /** Six times the signed volume enclosed by the faces (positive for outward faces of a closed mesh). */
    static double signedVolume(float[] pos, int[] f) {
        double sum = 0;
        for (int t = 0; t < f.length; t += 3) {
            int a = 3 * f[t];
            int b = 3 * f[t + 1];
            int c = 3 * f[t + 2];
            double ax = pos[a];
            double ay = pos[a + 1];
            double az = pos[a + 2];
            double bx = pos[b] - ax;
            double by = pos[b + 1] - ay;
            double bz = pos[b + 2] - az;
            double cx = pos[c] - ax;
            double cy = pos[c + 1] - ay;
            double cz = pos[c + 2] - az;
            sum += ax * (by * cz - bz * cy) + ay * (bz * cx - bx * cz) + az * (bx * cy - by * cx);
        }
        return sum;
    }
}
