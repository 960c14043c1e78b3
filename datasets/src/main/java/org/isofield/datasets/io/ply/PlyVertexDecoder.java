package org.isofield.datasets.io.ply;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.isofield.core.FormatException;
import org.isofield.datasets.io.internal.BinaryInput;
import org.isofield.datasets.io.internal.GeometryBuilder;
import org.isofield.datasets.io.internal.Locator;
import org.isofield.datasets.io.ply.PlyHeader.Property;

/**
 * Decodes binary vertex records of fixed size straight from the input buffer into preallocated arrays, a
 * buffer-full of records at a time. When every property is a {@code float} the records are copied with one bulk
 * {@code FloatBuffer} read per buffer and scattered from there; otherwise each used property is read at its offset.
 * Positions are stored relative to the origin chosen from the first record.
 */
final class PlyVertexDecoder {
    private final BinaryInput in;
    private final PlyLayout layout;
    private final GeometryBuilder builder;
    private final int n;
    private final int stride;
    /** For each slot, its byte offset in the record and its type (null when unused). */
    private final int[] offset = new int[PlyLayout.SLOTS];
    private final PlyType[] type = new PlyType[PlyLayout.SLOTS];
    private final boolean allFloat;
    /** For each named scalar, its byte offset in the record and its type. */
    private final int[] scalarOffset;
    private final PlyType[] scalarType;
    private float[][] sca;
    private float[] pos;
    private float[] nrm;
    private float[] col;
    /** File offset of the record being rejected or dropped. */
    private long errorOffset;
    private final Locator atError = d -> errorAtOffset(d);

    PlyVertexDecoder(BinaryInput in, PlyLayout layout, GeometryBuilder builder) {
        this.in = in;
        this.layout = layout;
        this.builder = builder;
        this.n = layout.vertexCount();
        this.stride = layout.vertex.fixedSize();
        List<Property> props = layout.vertex.properties();
        int at = 0;
        boolean floats = true;
        scalarOffset = new int[layout.scalarNames.size()];
        scalarType = new PlyType[scalarOffset.length];
        for (int i = 0; i < props.size(); i++) {
            PlyType t = props.get(i).type();
            int slot = layout.slots[i];
            if (slot >= 0) {
                offset[slot] = at;
                type[slot] = t;
            }
            if (layout.scalar[i] >= 0) {
                scalarOffset[layout.scalar[i]] = at;
                scalarType[layout.scalar[i]] = t;
            }
            floats &= t == PlyType.FLOAT;
            at += t.size();
        }
        this.allFloat = floats;
    }

    void read() throws IOException {
        pos = builder.positions().extend(3 * n);
        nrm = layout.normals ? builder.normals().extend(3 * n) : null;
        col = layout.colors ? builder.colors().extend(3 * n) : null;
        sca = new float[scalarOffset.length][];
        for (int k = 0; k < sca.length; k++) {
            sca[k] = builder.scalar(k).extend(n);
        }
        float[] scratch = allFloat ? new float[BinaryInput.CAPACITY / 4] : null;
        int floatsPerRecord = stride / 4;
        for (int i = 0; i < n; ) {
            if (!in.request(stride)) {
                throw in.truncated("vertex " + i + " of " + n + " (records of " + stride + " bytes)", stride);
            }
            ByteBuffer b = in.buffer();
            int p = b.position();
            if (i == 0) {
                builder.chooseOrigin(get(b, p, 0), get(b, p, 1), get(b, p, 2));
            }
            int k = Math.min(n - i, b.remaining() / stride);
            if (allFloat) {
                b.asFloatBuffer().get(scratch, 0, k * floatsPerRecord);
                decodeFloats(scratch, floatsPerRecord, i, k, p);
            } else {
                decode(b, p, i, k);
            }
            b.position(p + k * stride);
            i += k;
        }
    }

    private double get(ByteBuffer b, int record, int slot) {
        return type[slot].get(b, record + offset[slot]);
    }

    private void decodeFloats(float[] s, int step, int first, int k, int bufferStart) {
        int ox = offset[0] / 4;
        int oy = offset[1] / 4;
        int oz = offset[2] / 4;
        boolean zero = builder.zeroOrigin();
        double cx = builder.origin().x();
        double cy = builder.origin().y();
        double cz = builder.origin().z();
        for (int j = 0, q = 0, v = 3 * first; j < k; j++, q += step, v += 3) {
            float x = s[q + ox];
            float y = s[q + oy];
            float z = s[q + oz];
            if (zero) {
                pos[v] = x;
                pos[v + 1] = y;
                pos[v + 2] = z;
            } else {
                pos[v] = (float) (x - cx);
                pos[v + 1] = (float) (y - cy);
                pos[v + 2] = (float) (z - cz);
            }
            if ((x - x) + (y - y) + (z - z) != 0) {
                nonFinite(first + j, "position", x, y, z, bufferStart + j * stride);
            }
        }
        if (nrm != null) {
            int nx = offset[3] / 4;
            int ny = offset[4] / 4;
            int nz = offset[5] / 4;
            for (int j = 0, q = 0, v = 3 * first; j < k; j++, q += step, v += 3) {
                float a = s[q + nx];
                float c = s[q + ny];
                float d = s[q + nz];
                nrm[v] = a;
                nrm[v + 1] = c;
                nrm[v + 2] = d;
                if ((a - a) + (c - c) + (d - d) != 0) {
                    nonFinite(first + j, "normal", a, c, d, bufferStart + j * stride);
                }
            }
        }
        if (col != null) {
            for (int j = 0, q = 0, v = 3 * first; j < k; j++, q += step, v += 3) {
                col[v] = s[q + offset[6] / 4];
                col[v + 1] = s[q + offset[7] / 4];
                col[v + 2] = s[q + offset[8] / 4];
            }
        }
        for (int c = 0; c < sca.length; c++) {
            float[] dst = sca[c];
            int o = scalarOffset[c] / 4;
            for (int j = 0, q = 0; j < k; j++, q += step) {
                dst[first + j] = s[q + o];
            }
        }
    }

    private void decode(ByteBuffer b, int p, int first, int k) {
        boolean zero = builder.zeroOrigin();
        double cx = builder.origin().x();
        double cy = builder.origin().y();
        double cz = builder.origin().z();
        for (int j = 0, r = p, v = 3 * first; j < k; j++, r += stride, v += 3) {
            double x = get(b, r, 0);
            double y = get(b, r, 1);
            double z = get(b, r, 2);
            pos[v] = (float) (zero ? x : x - cx);
            pos[v + 1] = (float) (zero ? y : y - cy);
            pos[v + 2] = (float) (zero ? z : z - cz);
            if ((x - x) + (y - y) + (z - z) != 0) {
                nonFinite(first + j, "position", x, y, z, r);
            }
            if (nrm != null) {
                nrm[v] = (float) get(b, r, 3);
                nrm[v + 1] = (float) get(b, r, 4);
                nrm[v + 2] = (float) get(b, r, 5);
                if ((nrm[v] - nrm[v]) + (nrm[v + 1] - nrm[v + 1]) + (nrm[v + 2] - nrm[v + 2]) != 0) {
                    nonFinite(first + j, "normal", nrm[v], nrm[v + 1], nrm[v + 2], r);
                }
            }
            if (col != null) {
                col[v] = (float) (get(b, r, 6) / layout.divisor[6]);
                col[v + 1] = (float) (get(b, r, 7) / layout.divisor[7]);
                col[v + 2] = (float) (get(b, r, 8) / layout.divisor[8]);
            }
            for (int c = 0; c < sca.length; c++) {
                sca[c][first + j] = (float) scalarType[c].get(b, r + scalarOffset[c]);
            }
        }
    }

    /** Rejects or drops a vertex; {@code bufferIndex} is where its record starts in the buffer. */
    private void nonFinite(int vertex, String what, double a, double b, double c, int bufferIndex) {
        errorOffset = in.offset() + (bufferIndex - in.buffer().position());
        builder.nonFinite(vertex, what, a, b, c, atError);
    }

    private FormatException errorAtOffset(String detail) {
        return in.errorAt(errorOffset, detail);
    }
}
