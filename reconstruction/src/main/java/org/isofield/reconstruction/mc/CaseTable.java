package org.isofield.reconstruction.mc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The marching-cubes case table, generated at class load from the face rule below (no table text is copied).
 *
 * <p>Cube corners are numbered {@code c = dx + 2 dy + 4 dz}. Edges 0-3 run along x at {@code (dy, dz)} = (0,0),
 * (1,0), (0,1), (1,1); edges 4-7 along y at {@code (dx, dz)}; edges 8-11 along z at {@code (dx, dy)}. A corner is
 * <em>inside</em> when its value is negative. The table is indexed by {@code case * 64 + faceBits}: {@code case} has
 * bit {@code c} set for each inside corner; bit {@code f} of {@code faceBits} is the decision for face {@code f}
 * ({@code f = 2 axis + side}) and is read only when that face is ambiguous (its inside corners are diagonal).
 *
 * <p>Generation: on each face, the sign changes along its four edges are paired into segments. An unambiguous face
 * has one segment; an ambiguous face has two, paired so that the corners of one sign are cut off: when the face bit
 * is 1 (face centre inside) the outside corners are cut off, so the inside corners stay joined through the centre;
 * when 0 the inside corners are cut off. Both cubes sharing a face see the same four values and make the same
 * decision, so neighbouring cubes always agree on the face's segments and the output has no cracks. Each segment is
 * oriented so that, seen from outside the cube, the inside region is on its right; the segments then chain into
 * closed loops whose order is counter-clockwise seen from outside the surface (the positive side). Each loop is
 * triangulated by clipping ears whose new diagonal joins two edges that share no cube face, so no triangle edge is
 * created twice by neighbouring cubes; the few loops without such a triangulation are fanned around an extra vertex
 * inside the cube. Every edge of the output lies on exactly two triangles.
 */
final class CaseTable {
    /** Corner pair {@code (a, b)} of each edge, {@code a < b}, with {@code b - a} the axis step. */
    static final int[][] EDGE_CORNERS = new int[12][2];
    /** Axis of each edge. */
    static final int[] EDGE_AXIS = new int[12];
    /** Corners of face {@code f = 2 axis + side} in cyclic order (0,0), (1,0), (1,1), (0,1) of the other two axes. */
    static final int[][] FACE_CORNERS = new int[6][4];
    /** Triangles (3 edge ids each) per {@code case * 64 + faceBits}. */
    private static final int[][] TRIANGLES = new int[256 * 64][];
    /** Per table entry, the edges of each loop fanned around a centre vertex (id {@code 12 + index}). */
    private static final int[][][] CENTRES = new int[256 * 64][][];
    /** Bit {@code f} set when face {@code f} is ambiguous in the case. */
    private static final int[] AMBIGUOUS_FACES = new int[256];

    static {
        for (int axis = 0; axis < 3; axis++) {
            int u = axis == 0 ? 1 : 0;
            int v = axis == 2 ? 1 : 2;
            for (int m = 0; m < 4; m++) {
                int du = m & 1;
                int dv = m >> 1;
                int a = (du << u) | (dv << v);
                int e = 4 * axis + m;
                EDGE_CORNERS[e][0] = a;
                EDGE_CORNERS[e][1] = a | (1 << axis);
                EDGE_AXIS[e] = axis;
            }
            for (int side = 0; side < 2; side++) {
                int base = side << axis;
                int[][] uv = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
                for (int q = 0; q < 4; q++) {
                    FACE_CORNERS[2 * axis + side][q] = base | (uv[q][0] << u) | (uv[q][1] << v);
                }
            }
        }
        for (int c = 0; c < 256; c++) {
            for (int f = 0; f < 6; f++) {
                if (isAmbiguous(c, f)) {
                    AMBIGUOUS_FACES[c] |= 1 << f;
                }
            }
            for (int bits = 0; bits < 64; bits++) {
                TRIANGLES[c * 64 + bits] = (bits & ~AMBIGUOUS_FACES[c]) == 0 ? generate(c, bits)
                        : null;
            }
            for (int bits = 0; bits < 64; bits++) {
                if (TRIANGLES[c * 64 + bits] == null) {
                    TRIANGLES[c * 64 + bits] = TRIANGLES[c * 64 + (bits & AMBIGUOUS_FACES[c])];
                    CENTRES[c * 64 + bits] = CENTRES[c * 64 + (bits & AMBIGUOUS_FACES[c])];
                }
            }
        }
    }

    private CaseTable() {
    }

    /** Triangles of a cube as edge ids, 3 per triangle; shared, do not write. */
    static int[] triangles(int cubeCase, int faceBits) {
        return TRIANGLES[cubeCase * 64 + faceBits];
    }

    /** Loops fanned around centre vertices: {@code centres(c, b)[m]} lists the edges around vertex {@code 12 + m}. */
    static int[][] centres(int cubeCase, int faceBits) {
        return CENTRES[cubeCase * 64 + faceBits];
    }

    /** Faces whose decision bit matters for this case. */
    static int ambiguousFaces(int cubeCase) {
        return AMBIGUOUS_FACES[cubeCase];
    }

    /** The edge joining two corners, or -1. */
    static int edgeOf(int a, int b) {
        for (int e = 0; e < 12; e++) {
            if ((EDGE_CORNERS[e][0] == a && EDGE_CORNERS[e][1] == b) || (EDGE_CORNERS[e][0] == b
                    && EDGE_CORNERS[e][1] == a)) {
                return e;
            }
        }
        return -1;
    }

    private static boolean inside(int cubeCase, int corner) {
        return (cubeCase >> corner & 1) != 0;
    }

    private static boolean isAmbiguous(int cubeCase, int face) {
        int[] q = FACE_CORNERS[face];
        boolean a = inside(cubeCase, q[0]);
        return a == inside(cubeCase, q[2]) && a != inside(cubeCase, q[1]) && a == !inside(cubeCase, q[3]);
    }

    private static double[] corner(int c) {
        return new double[] {c & 1, c >> 1 & 1, c >> 2 & 1};
    }

    private static double[] midpoint(int edge) {
        double[] a = corner(EDGE_CORNERS[edge][0]);
        double[] b = corner(EDGE_CORNERS[edge][1]);
        return new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2};
    }

    private static int[] generate(int cubeCase, int faceBits) {
        int[] next = new int[12];
        Arrays.fill(next, -1);
        for (int f = 0; f < 6; f++) {
            int[] q = FACE_CORNERS[f];
            int[] faceEdges = new int[4];
            boolean[] crossing = new boolean[4];
            int crossings = 0;
            for (int s = 0; s < 4; s++) {
                faceEdges[s] = edgeOf(q[s], q[(s + 1) & 3]);
                crossing[s] = inside(cubeCase, q[s]) != inside(cubeCase, q[(s + 1) & 3]);
                crossings += crossing[s] ? 1 : 0;
            }
            if (crossings == 2) {
                int s0 = -1;
                int s1 = -1;
                for (int s = 0; s < 4; s++) {
                    if (crossing[s]) {
                        if (s0 < 0) {
                            s0 = s;
                        } else {
                            s1 = s;
                        }
                    }
                }
                addSegment(cubeCase, f, faceEdges[s0], faceEdges[s1], q[s0 + 1], next);
            } else if (crossings == 4) {
                boolean centreInside = (faceBits >> f & 1) != 0;
                // cut off the corners whose sign differs from the centre's
                int start = inside(cubeCase, q[1]) != centreInside ? 0 : 1;
                for (int p = 0; p < 2; p++) {
                    int s = start + 2 * p;
                    addSegment(cubeCase, f, faceEdges[s], faceEdges[(s + 1) & 3], q[(s + 1) & 3], next);
                }
            }
        }
        List<Integer> tris = new ArrayList<>();
        List<int[]> centres = new ArrayList<>();
        boolean[] used = new boolean[12];
        for (int e = 0; e < 12; e++) {
            if (next[e] < 0 || used[e]) {
                continue;
            }
            List<Integer> loop = new ArrayList<>();
            for (int x = e; !used[x]; x = next[x]) {
                used[x] = true;
                loop.add(x);
            }
            triangulate(loop, tris, centres);
        }
        CENTRES[cubeCase * 64 + faceBits] = centres.toArray(new int[0][]);
        return tris.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Adds the segment between edges a and b on face f, oriented so the inside lies on its right seen from outside. */
    private static void addSegment(int cubeCase, int face, int a, int b, int cutCorner, int[] next) {
        double[] p = midpoint(a);
        double[] r = midpoint(b);
        double[] d = {r[0] - p[0], r[1] - p[1], r[2] - p[2]};
        double[] n = new double[3];
        n[face / 2] = (face & 1) == 0 ? -1 : 1;
        double[] m = {d[1] * n[2] - d[2] * n[1], d[2] * n[0] - d[0] * n[2], d[0] * n[1] - d[1] * n[0]};
        double[] c = corner(cutCorner);
        double towardCut = m[0] * (c[0] - p[0]) + m[1] * (c[1] - p[1]) + m[2] * (c[2] - p[2]);
        boolean forward = (towardCut > 0) == inside(cubeCase, cutCorner);
        int from = forward ? a : b;
        int to = forward ? b : a;
        if (next[from] >= 0) {
            throw new IllegalStateException("case " + cubeCase + ": edge " + from + " starts two segments");
        }
        next[from] = to;
    }

    /** The cube face containing both edges, or -1. */
    private static int sharedFace(int a, int b) {
        int[] ca = EDGE_CORNERS[a];
        int[] cb = EDGE_CORNERS[b];
        for (int f = 0; f < 6; f++) {
            if (onFace(ca[0], f) && onFace(ca[1], f) && onFace(cb[0], f) && onFace(cb[1], f)) {
                return f;
            }
        }
        return -1;
    }

    private static boolean onFace(int corner, int face) {
        return (corner >> (face / 2) & 1) == (face & 1);
    }

    /**
     * Ear clipping that keeps the loop's orientation and only creates diagonals between edges sharing no cube face
     * (such a diagonal can never be created by a neighbouring cube). A loop that has no such triangulation (a few
     * quadrilaterals whose two diagonals both lie on faces) is instead fanned around a centre vertex, id
     * {@code 12 + centre index}, unique to the cube; the extractor places it on the trilinear zero set near the mean of
     * the loop's vertices.
     */
    private static void triangulate(List<Integer> loop, List<Integer> out, List<int[]> centres) {
        List<Integer> poly = new ArrayList<>(loop);
        List<Integer> tris = new ArrayList<>();
        while (poly.size() > 3) {
            int k = poly.size();
            int ear = -1;
            for (int i = 0; i < k && ear < 0; i++) {
                if (sharedFace(poly.get((i + k - 1) % k), poly.get((i + 1) % k)) < 0) {
                    ear = i;
                }
            }
            if (ear < 0) {
                int centre = 12 + centres.size();
                centres.add(loop.stream().mapToInt(Integer::intValue).toArray());
                for (int i = 0; i < loop.size(); i++) {
                    out.add(loop.get(i));
                    out.add(loop.get((i + 1) % loop.size()));
                    out.add(centre);
                }
                return;
            }
            tris.add(poly.get((ear + k - 1) % k));
            tris.add(poly.get(ear));
            tris.add(poly.get((ear + 1) % k));
            poly.remove(ear);
        }
        tris.addAll(poly);
        out.addAll(tris);
    }
}
