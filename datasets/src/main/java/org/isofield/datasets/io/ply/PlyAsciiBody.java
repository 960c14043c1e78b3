package org.isofield.datasets.io.ply;

import java.io.IOException;
import java.util.List;
import org.isofield.datasets.io.internal.GeometryBuilder;
import org.isofield.datasets.io.internal.TextInput;
import org.isofield.datasets.io.ply.PlyHeader.Element;
import org.isofield.datasets.io.ply.PlyHeader.Property;

/**
 * Reads the body of an ascii PLY file: one record per line, values in header order. Blank lines are skipped; a
 * line with too few or too many values, a non-numeric value, fewer records than declared or data after the last
 * record is an error at its line.
 */
final class PlyAsciiBody {
    private final TextInput in;
    private final PlyHeader header;
    private final PlyLayout layout;
    private final GeometryBuilder builder;

    PlyAsciiBody(TextInput in, PlyHeader header, PlyLayout layout, GeometryBuilder builder) {
        this.in = in;
        this.header = header;
        this.layout = layout;
        this.builder = builder;
    }

    void read() throws IOException {
        for (Element e : header.elements()) {
            if (e.properties().isEmpty()) {
                continue;
            }
            String[] what = new String[e.properties().size()];
            for (int i = 0; i < what.length; i++) {
                what[i] = "property \"" + e.properties().get(i).name() + "\" of element " + e.name();
            }
            String record = "a " + e.name() + " record";
            for (long r = 0; r < e.count(); r++) {
                nextRecord(e, r);
                if (e == layout.vertex) {
                    vertex(e.properties(), what);
                } else if (e == layout.face) {
                    face(e.properties(), what);
                } else {
                    skip(e.properties(), what);
                }
                in.expectEnd(record);
            }
        }
        while (in.nextLine()) {
            if (!in.isBlank()) {
                throw in.error("found " + in.lineText() + " after the last element; expected the file to end "
                        + "(the header declares " + describe() + ")");
            }
        }
    }

    private String describe() {
        StringBuilder s = new StringBuilder();
        for (Element e : header.elements()) {
            s.append(s.length() == 0 ? "" : ", ").append(e.count()).append(' ').append(e.name()).append(" records");
        }
        return s.toString();
    }

    private void nextRecord(Element e, long r) throws IOException {
        do {
            if (!in.nextLine()) {
                throw in.error("file ends after " + r + " of " + e.count() + " " + e.name()
                        + " records; expected " + e.count() + " as the header declares");
            }
        } while (in.isBlank());
    }

    private void vertex(List<Property> props, String[] what) {
        double x = 0, y = 0, z = 0;
        float fx = 0, fy = 0, fz = 0, nx = 0, ny = 0, nz = 0, r = 0, g = 0, b = 0;
        for (int i = 0; i < what.length; i++) {
            Property p = props.get(i);
            if (p.isList()) {
                skipList(p, what[i]);
                continue;
            }
            in.number(what[i]);
            if (layout.scalar[i] >= 0) {
                builder.addScalar(layout.scalar[i], in.floatValue());
            }
            switch (layout.slots[i]) {
                case 0 -> { x = in.value(); fx = in.floatValue(); }
                case 1 -> { y = in.value(); fy = in.floatValue(); }
                case 2 -> { z = in.value(); fz = in.floatValue(); }
                case 3 -> nx = in.floatValue();
                case 4 -> ny = in.floatValue();
                case 5 -> nz = in.floatValue();
                case 6 -> r = in.floatValue() / layout.divisor[6];
                case 7 -> g = in.floatValue() / layout.divisor[7];
                case 8 -> b = in.floatValue() / layout.divisor[8];
                default -> { }
            }
        }
        builder.addPosition(x, fx, y, fy, z, fz, in);
        if (layout.normals) {
            builder.addNormal(nx, ny, nz, in);
        }
        if (layout.colors) {
            builder.addColor(r, g, b);
        }
    }

    private void face(List<Property> props, String[] what) {
        for (int i = 0; i < what.length; i++) {
            Property p = props.get(i);
            if (i != layout.faceIndices) {
                if (p.isList()) {
                    skipList(p, what[i]);
                } else {
                    in.number(what[i]);
                }
                continue;
            }
            long n = in.integer("the vertex count of a face", 0, Integer.MAX_VALUE);
            if (n < 3) {
                throw in.error("face has " + n + " vertices; expected at least 3");
            }
            int max = layout.vertexCount() - 1;
            int first = (int) in.integer("a face vertex index", 0, max);
            int prev = (int) in.integer("a face vertex index", 0, max);
            for (long k = 2; k < n; k++) {
                int cur = (int) in.integer("a face vertex index", 0, max);
                builder.addTriangle(first, prev, cur);
                prev = cur;
            }
        }
    }

    private void skip(List<Property> props, String[] what) {
        for (int i = 0; i < what.length; i++) {
            if (props.get(i).isList()) {
                skipList(props.get(i), what[i]);
            } else {
                in.number(what[i]);
            }
        }
    }

    private void skipList(Property p, String what) {
        long n = in.integer("the item count of " + what, 0, Integer.MAX_VALUE);
        for (long k = 0; k < n; k++) {
            in.number("an item of " + what);
        }
    }
}
