package org.isofield.datasets.io.obj;

import org.isofield.core.FormatException;
import org.isofield.datasets.io.internal.DecimalParser;
import org.isofield.datasets.io.internal.FloatList;
import org.isofield.datasets.io.internal.GeometryBuilder;
import org.isofield.datasets.io.internal.IntList;
import org.isofield.datasets.io.internal.TextInput;
import org.isofield.datasets.io.internal.Texts;

/**
 * Parses the {@code f} statements of an OBJ file: resolves 1-based and negative indices, fan-triangulates polygons
 * into the builder, remembers which normal each corner names, and at the end checks forward references and turns
 * corner normals into vertex normals.
 */
final class ObjFaces {
    private final TextInput in;
    private final GeometryBuilder builder;
    private final FloatList normals;
    /** Per polygon corner that names a normal: vertex index, normal index. */
    private final IntList corners = new IntList(0);
    private long maxVertex = -1;
    private long maxVertexLine;
    private long maxNormal = -1;
    private long maxNormalLine;
    /** Whether every corner so far names the normal with its own vertex's index ({@code f a//a}). */
    private boolean sameIndices = true;

    ObjFaces(TextInput in, GeometryBuilder builder, FloatList normals) {
        this.in = in;
        this.builder = builder;
        this.normals = normals;
    }

    /** Parses the rest of an {@code f} line. */
    void face() {
        int first = -1;
        int prev = -1;
        int n = 0;
        while (in.nextToken()) {
            byte[] b = in.buffer();
            int start = in.tokenStart();
            int end = in.tokenEnd();
            int s1 = indexOf(b, start, end, (byte) '/');
            int vEnd = s1 < 0 ? end : s1;
            int v = resolve(b, start, vEnd, builder.vertexCount(), "vertex");
            if (v > maxVertex) {
                maxVertex = v;
                maxVertexLine = in.lineNumber();
            }
            if (s1 >= 0) {
                int s2 = indexOf(b, s1 + 1, end, (byte) '/');
                if (s2 < 0) {
                    index(b, s1 + 1, end, "texture");
                } else {
                    if (s2 > s1 + 1) {
                        index(b, s1 + 1, s2, "texture");
                    }
                    if (s2 + 1 < end) {
                        int nrm = resolve(b, s2 + 1, end, normals.size() / 3, "normal");
                        if (nrm > maxNormal) {
                            maxNormal = nrm;
                            maxNormalLine = in.lineNumber();
                        }
                        corners.add(v);
                        corners.add(nrm);
                        sameIndices &= nrm == v;
                    }
                }
            }
            if (n == 0) {
                first = v;
            } else if (n >= 2) {
                builder.addTriangle(first, prev, v);
            }
            prev = v;
            n++;
        }
        if (n < 3) {
            throw in.error("face has " + n + " vertices; expected at least 3");
        }
    }

    private static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private long index(byte[] b, int from, int to, String what) {
        long i = DecimalParser.parseLong(b, from, to);
        if (i == Long.MIN_VALUE || i == 0) {
            throw in.error("found " + in.token() + " in a face; expected " + what
                    + " indices as whole numbers from 1 (or negative, counting back from the last " + what + ")");
        }
        return i;
    }

    /** A 0-based index from a 1-based or negative one; forward references are checked in {@link #finish}. */
    private int resolve(byte[] b, int from, int to, int count, String what) {
        long i = index(b, from, to, what);
        long r = i > 0 ? i - 1 : count + i;
        if (r < 0) {
            throw in.error("face " + what + " index " + i + " reaches before the first " + what + " (" + count
                    + " defined so far); expected -1 to -" + count);
        }
        if (r > GeometryBuilder.MAX_VERTICES) {
            throw in.error("face " + what + " index " + i + " is too large; the file cannot have that many");
        }
        return (int) r;
    }

    /** Checks indices against the final counts and sets vertex normals. */
    void finish() {
        int nv = builder.vertexCount();
        int nn = normals.size() / 3;
        if (maxVertex >= nv) {
            throw FormatException.atLine(in.file(), maxVertexLine, "face vertex index " + (maxVertex + 1)
                    + " is out of range; expected 1 to " + nv + " (the file has " + Texts.count(nv, "vertex",
                    "vertices") + ")");
        }
        if (maxNormal >= nn) {
            throw FormatException.atLine(in.file(), maxNormalLine, "face normal index " + (maxNormal + 1)
                    + " is out of range; expected 1 to " + nn + " (the file has " + Texts.count(nn, "normal",
                    "normals") + ")");
        }
        if (corners.size() > 0 && !(sameIndices && nn == nv)) {
            builder.setNormals(average(nv));
        } else if (nn == nv && nn > 0) {
            builder.setNormals(normals.toArray());
        }
    }

    /** Sum of the corner normals at each vertex, normalised; zero where none or where they cancel. */
    private float[] average(int nv) {
        double[] sum = new double[3 * nv];
        int[] c = corners.array();
        float[] n = normals.array();
        for (int i = 0; i < corners.size(); i += 2) {
            int v = 3 * c[i];
            int k = 3 * c[i + 1];
            sum[v] += n[k];
            sum[v + 1] += n[k + 1];
            sum[v + 2] += n[k + 2];
        }
        float[] out = new float[3 * nv];
        for (int v = 0; v < out.length; v += 3) {
            double len = Math.sqrt(sum[v] * sum[v] + sum[v + 1] * sum[v + 1] + sum[v + 2] * sum[v + 2]);
            if (len > 0) {
                out[v] = (float) (sum[v] / len);
                out[v + 1] = (float) (sum[v + 1] / len);
                out[v + 2] = (float) (sum[v + 2] / len);
            }
        }
        return out;
    }
}
