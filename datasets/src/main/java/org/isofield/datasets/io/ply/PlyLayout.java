package org.isofield.datasets.io.ply;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.isofield.core.FormatException;
import org.isofield.datasets.geom.Scalars;
import org.isofield.datasets.io.ply.PlyHeader.Element;
import org.isofield.datasets.io.ply.PlyHeader.Property;

/**
 * What the elements of a {@link PlyHeader} mean to isofield: which vertex property goes to which attribute slot
 * (x y z, nx ny nz, red green blue) with its colour divisor, which other numeric vertex properties are kept as
 * named scalars, and which face property holds the vertex indices.
 * Checks the header's semantics and reports problems at the header line that declared them.
 */
final class PlyLayout {
    static final int X = 0;
    static final int NX = 3;
    static final int RED = 6;
    static final int SLOTS = 9;
    private static final String[][] NAMES = {
        {"x"}, {"y"}, {"z"}, {"nx"}, {"ny"}, {"nz"},
        {"red", "r", "diffuse_red"}, {"green", "g", "diffuse_green"}, {"blue", "b", "diffuse_blue"},
    };

    final Element vertex;
    final Element face;
    /** For each vertex property, its slot or -1 to skip. */
    final int[] slots;
    /** For each slot, what the value is divided by: 1, or 255 / 65535 for integer colours. */
    final float[] divisor;
    final boolean normals;
    final boolean colors;
    /** For each vertex property, its index among {@link #scalarNames} or -1: the other numeric properties. */
    final int[] scalar;
    /** Names of the vertex properties kept as named scalars ({@code intensity}, {@code confidence}, ...). */
    final List<String> scalarNames;
    /** Index of the vertex index list among the face properties, or -1 without faces. */
    final int faceIndices;

    private PlyLayout(Element vertex, Element face, int[] slots, float[] divisor, boolean normals, boolean colors,
                      int[] scalar, List<String> scalarNames, int faceIndices) {
        this.vertex = vertex;
        this.face = face;
        this.slots = slots;
        this.divisor = divisor;
        this.normals = normals;
        this.colors = colors;
        this.scalar = scalar;
        this.scalarNames = scalarNames;
        this.faceIndices = faceIndices;
    }

    /** Number of vertices the header declares. */
    int vertexCount() {
        return (int) vertex.count();
    }

    /**
     * @throws FormatException when there is no vertex element, x, y or z is missing or a list, or the face element
     *                         has no integer {@code vertex_indices} (or {@code vertex_index}) list
     */
    static PlyLayout of(PlyHeader header, Path file) {
        Element vertex = header.element("vertex");
        if (vertex == null) {
            throw FormatException.atLine(file, header.lines(),
                    "the header has no vertex element; expected \"element vertex <count>\" with x, y and z properties");
        }
        List<Property> props = vertex.properties();
        int[] slots = new int[props.size()];
        int[] found = new int[SLOTS];
        Arrays.fill(found, -1);
        for (int i = 0; i < props.size(); i++) {
            Property p = props.get(i);
            slots[i] = slotOf(p.name());
            if (slots[i] >= 0 && found[slots[i]] < 0) {
                if (p.isList()) {
                    throw FormatException.atLine(file, p.line(), "vertex property \"" + p.name()
                            + "\" declared as list; expected a scalar type such as float or double");
                }
                found[slots[i]] = i;
            } else {
                slots[i] = -1;
            }
        }
        for (int s = X; s < NX; s++) {
            if (found[s] < 0) {
                throw FormatException.atLine(file, vertex.line(), "element vertex has no property \"" + NAMES[s][0]
                        + "\"; expected x, y and z");
            }
        }
        boolean normals = found[3] >= 0 && found[4] >= 0 && found[5] >= 0;
        boolean colors = found[6] >= 0 && found[7] >= 0 && found[8] >= 0;
        float[] divisor = new float[SLOTS];
        for (int i = 0; i < props.size(); i++) {
            int s = slots[i];
            if (s >= 0 && ((s >= NX && s < RED && !normals) || (s >= RED && !colors))) {
                slots[i] = -1;
            } else if (s >= 0) {
                PlyType t = props.get(i).type();
                divisor[s] = s >= RED && t.isInteger() ? (t.size() == 2 ? 65535f : 255f) : 1f;
            }
        }
        int[] scalar = new int[props.size()];
        List<String> scalarNames = new ArrayList<>();
        for (int i = 0; i < props.size(); i++) {
            Property p = props.get(i);
            boolean taken = slotOf(p.name()) >= 0 && slots[i] >= 0 || scalarNames.contains(p.name());
            scalar[i] = slots[i] < 0 && !p.isList() && !taken && Scalars.isName(p.name()) ? scalarNames.size() : -1;
            if (scalar[i] >= 0) {
                scalarNames.add(p.name());
            }
        }
        Element face = header.element("face");
        return new PlyLayout(vertex, face, slots, divisor, normals, colors, scalar, List.copyOf(scalarNames),
                face == null ? -1 : faceIndices(face, file));
    }

    private static int slotOf(String name) {
        for (int s = 0; s < SLOTS; s++) {
            for (String n : NAMES[s]) {
                if (n.equals(name)) {
                    return s;
                }
            }
        }
        return -1;
    }

    private static int faceIndices(Element face, Path file) {
        List<Property> props = face.properties();
        for (int i = 0; i < props.size(); i++) {
            Property p = props.get(i);
            if (p.name().equals("vertex_indices") || p.name().equals("vertex_index")) {
                if (!p.isList()) {
                    throw FormatException.atLine(file, p.line(), "face property \"" + p.name()
                            + "\" declared as " + p.type().plyName()
                            + "; expected a list such as \"property list uchar int "
                            + p.name() + "\"");
                }
                if (!p.type().isInteger()) {
                    throw FormatException.atLine(file, p.line(), "face property \"" + p.name() + "\" has items of type "
                            + p.type().plyName() + "; expected an integer type such as int");
                }
                return i;
            }
        }
        throw FormatException.atLine(file, face.line(), "element face has no vertex_indices list; expected "
                + "\"property list uchar int vertex_indices\"");
    }
}
