package org.isofield.datasets.io.ply;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.isofield.core.FormatException;
import org.isofield.datasets.io.internal.BinaryInput;
import org.isofield.datasets.io.internal.GeometryBuilder;
import org.isofield.datasets.io.internal.Locator;
import org.isofield.datasets.io.ply.PlyHeader.Element;
import org.isofield.datasets.io.ply.PlyHeader.Property;

/**
 * Reads the body of a binary PLY file, element by element, into a {@link GeometryBuilder}. Fixed-size vertex
 * records are decoded straight from the input buffer (bulk {@code FloatBuffer} reads when every property is a
 * float); records with lists, faces and skipped elements go property by property.
 */
final class PlyBinaryBody {
    private final BinaryInput in;
    private final PlyHeader header;
    private final PlyLayout layout;
    private final GeometryBuilder builder;
    /** Where the current vertex record starts, for errors about it. */
    private long recordStart;
    private final Locator atRecord = d -> errorAtRecord(d);

    PlyBinaryBody(BinaryInput in, PlyHeader header, PlyLayout layout, GeometryBuilder builder) {
        this.in = in;
        this.header = header;
        this.layout = layout;
        this.builder = builder;
    }

    void read() throws IOException {
        for (Element e : header.elements()) {
            if (e == layout.vertex) {
                if (e.fixedSize() > 0 && e.fixedSize() <= BinaryInput.CAPACITY) {
                    new PlyVertexDecoder(in, layout, builder).read();
                } else {
                    readVerticesPropertyByProperty();
                }
            } else if (e == layout.face) {
                readFaces();
            } else {
                skipElement(e);
            }
        }
        if (in.remaining() > 0) {
            throw in.error(in.remaining() + " bytes follow the last element; expected the file to end here "
                    + "(the header declares " + describe() + ")");
        }
    }

    private String describe() {
        StringBuilder s = new StringBuilder();
        for (Element e : header.elements()) {
            s.append(s.length() == 0 ? "" : ", ").append(e.count()).append(' ').append(e.name()).append(" records");
        }
        return s.toString();
    }

    private void skipElement(Element e) throws IOException {
        int fixed = e.fixedSize();
        if (fixed >= 0) {
            long bytes = e.count() * fixed;
            if (bytes > in.remaining()) {
                throw in.truncated("element " + e.name() + " (" + e.count() + " records of " + fixed + " bytes)",
                        bytes);
            }
            in.skip(bytes);
            return;
        }
        for (long r = 0; r < e.count(); r++) {
            for (Property p : e.properties()) {
                skipProperty(e, r, p);
            }
        }
    }

    private void skipProperty(Element e, long record, Property p) throws IOException {
        if (!p.isList()) {
            need(p.type().size(), e, record);
            in.skip(p.type().size());
            return;
        }
        long n = listCount(e, record, p);
        long bytes = n * p.type().size();
        if (bytes > in.remaining()) {
            throw in.truncated("list \"" + p.name() + "\" of " + e.name() + " " + record + " (" + n + " items)", bytes);
        }
        in.skip(bytes);
    }

    private long listCount(Element e, long record, Property p) throws IOException {
        need(p.countType().size(), e, record);
        long start = in.offset();
        double n = p.countType().read(in.buffer());
        if (n < 0) {
            throw in.errorAt(start, "list \"" + p.name() + "\" of " + e.name() + " " + record + " has " + (long) n
                    + " items; expected 0 or more");
        }
        return (long) n;
    }

    private void need(int bytes, Element e, long record) throws IOException {
        if (!in.request(bytes)) {
            throw in.truncated(e.name() + " " + record + " of " + e.count(), bytes);
        }
    }

    /** Vertices whose records contain lists (or are larger than the buffer): property by property. */
    private void readVerticesPropertyByProperty() throws IOException {
        Element e = layout.vertex;
        List<Property> props = e.properties();
        double[] v = new double[PlyLayout.SLOTS];
        for (long r = 0; r < e.count(); r++) {
            recordStart = in.offset();
            for (int i = 0; i < props.size(); i++) {
                Property p = props.get(i);
                int slot = layout.slots[i];
                if (layout.scalar[i] >= 0) {
                    need(p.type().size(), e, r);
                    builder.addScalar(layout.scalar[i], (float) p.type().read(in.buffer()));
                } else if (slot < 0) {
                    skipProperty(e, r, p);
                } else {
                    need(p.type().size(), e, r);
                    v[slot] = p.type().read(in.buffer()) / layout.divisor[slot];
                }
            }
            builder.addPosition(v[0], v[1], v[2], atRecord);
            if (layout.normals) {
                builder.addNormal((float) v[3], (float) v[4], (float) v[5], atRecord);
            }
            if (layout.colors) {
                builder.addColor((float) v[6], (float) v[7], (float) v[8]);
            }
        }
    }

    private FormatException errorAtRecord(String detail) {
        return in.errorAt(recordStart, detail);
    }

    private void readFaces() throws IOException {
        Element e = layout.face;
        List<Property> props = e.properties();
        int vertices = layout.vertexCount();
        for (long r = 0; r < e.count(); r++) {
            for (int i = 0; i < props.size(); i++) {
                Property p = props.get(i);
                if (i != layout.faceIndices) {
                    skipProperty(e, r, p);
                    continue;
                }
                long start = in.offset();
                long n = listCount(e, r, p);
                if (n < 3) {
                    throw in.errorAt(start, "face " + r + " has " + n + " vertices; expected at least 3");
                }
                int size = p.type().size();
                if (n * size > in.remaining()) {
                    throw in.truncated("face " + r + " of " + e.count() + " (" + n + " vertex indices)", n * size);
                }
                int first = index(p, r, vertices);
                int prev = index(p, r, vertices);
                for (long k = 2; k < n; k++) {
                    int cur = index(p, r, vertices);
                    builder.addTriangle(first, prev, cur);
                    prev = cur;
                }
            }
        }
    }

    private int index(Property p, long face, int vertices) throws IOException {
        in.request(p.type().size());
        ByteBuffer b = in.buffer();
        long at = in.offset();
        double v = p.type().read(b);
        if (v < 0 || v >= vertices) {
            throw in.errorAt(at, "face " + face + " has vertex index " + (long) v + "; expected 0 to " + (vertices - 1)
                    + " (the header declares " + vertices + " vertices)");
        }
        return (int) v;
    }
}
