package org.isofield.datasets.io.ply;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.isofield.core.FormatException;
import org.isofield.datasets.io.internal.GeometryBuilder;
import org.isofield.datasets.io.internal.TextInput;

/**
 * The header of a PLY file: its encoding, its elements in file order with their declared counts and properties,
 * and where the body starts. Parsing checks syntax only (known keywords and types, numeric counts, at most
 * {@link GeometryBuilder#MAX_VERTICES} records per element); what the elements mean is up to {@link PlyReader}.
 * {@code comment} and {@code obj_info} lines are skipped. Instances are immutable.
 */
public final class PlyHeader {
    /** How the body is stored. */
    public enum Encoding {
        ASCII("ascii"), BINARY_LITTLE_ENDIAN("binary_little_endian"), BINARY_BIG_ENDIAN("binary_big_endian");

        private final String keyword;

        Encoding(String keyword) {
            this.keyword = keyword;
        }

        /** The word on the {@code format} line. */
        public String keyword() {
            return keyword;
        }
    }

    /**
     * One property: a scalar of {@code type}, or a list ({@code countType != null}) of {@code type} items.
     *
     * @param line header line that declared it, for messages
     */
    public record Property(String name, PlyType type, PlyType countType, long line) {
        public boolean isList() {
            return countType != null;
        }
    }

    /**
     * One element with its declared record count.
     *
     * @param line header line that declared it, for messages
     */
    public record Element(String name, long count, List<Property> properties, long line) {
        /** Bytes per binary record, or -1 when a list makes records vary. */
        public int fixedSize() {
            int size = 0;
            for (Property p : properties) {
                if (p.isList()) {
                    return -1;
                }
                size += p.type().size();
            }
            return size;
        }

        /** The fewest bytes a binary record can take (lists empty). */
        public int minSize() {
            int size = 0;
            for (Property p : properties) {
                size += p.isList() ? p.countType().size() : p.type().size();
            }
            return size;
        }
    }

    private final Encoding encoding;
    private final List<Element> elements;
    private final long bodyOffset;
    private final long lines;

    private PlyHeader(Encoding encoding, List<Element> elements, long bodyOffset, long lines) {
        this.encoding = encoding;
        this.elements = Collections.unmodifiableList(elements);
        this.bodyOffset = bodyOffset;
        this.lines = lines;
    }

    public Encoding encoding() {
        return encoding;
    }

    public List<Element> elements() {
        return elements;
    }

    /** File offset of the first body byte. */
    public long bodyOffset() {
        return bodyOffset;
    }

    /** Number of header lines, including {@code ply} and {@code end_header}. */
    public long lines() {
        return lines;
    }

    /** The element called {@code name}, or null. */
    public Element element(String name) {
        for (Element e : elements) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /**
     * Reads the header from the start of {@code in}, leaving it on the {@code end_header} line.
     *
     * @throws FormatException at the offending header line
     */
    public static PlyHeader read(TextInput in) throws IOException {
        if (!in.nextLine() || !in.nextToken() || !in.tokenIs("ply") || in.remainingTokens() != 0) {
            throw in.error("found " + in.lineText() + "; expected \"ply\" as the first line of a PLY file");
        }
        Encoding encoding = null;
        List<Element> elements = new ArrayList<>();
        List<Property> properties = null;
        while (in.nextLine()) {
            if (!in.nextToken()) {
                continue;
            }
            if (in.tokenIs("comment") || in.tokenIs("obj_info")) {
                continue;
            } else if (in.tokenIs("format")) {
                if (encoding != null) {
                    throw in.error("second format line; expected one");
                }
                encoding = encoding(in);
            } else if (in.tokenIs("element")) {
                properties = new ArrayList<>();
                elements.add(element(in, properties));
            } else if (in.tokenIs("property")) {
                if (properties == null) {
                    throw in.error("property " + in.rest()
                            + " before any element; expected \"element <name> <count>\" first");
                }
                properties.add(property(in));
            } else if (in.tokenIs("end_header")) {
                if (encoding == null) {
                    throw in.error("end_header before any format line; expected \"format ascii 1.0\" or a binary "
                            + "format");
                }
                return new PlyHeader(encoding, elements, in.offsetAfterLine(), in.lineNumber());
            } else {
                throw in.error("unknown header line " + in.lineText()
                        + "; expected format, element, property, comment, obj_info or end_header");
            }
        }
        throw in.error("file ends inside the header; expected an end_header line");
    }

    private static Encoding encoding(TextInput in) {
        if (!in.nextToken()) {
            throw in.error("format line without encoding; expected ascii, binary_little_endian or binary_big_endian");
        }
        for (Encoding e : Encoding.values()) {
            if (in.tokenIs(e.keyword())) {
                if (!in.nextToken()) {
                    throw in.error("format line without version; expected \"format " + e.keyword() + " 1.0\"");
                }
                in.expectEnd("the format line");
                return e;
            }
        }
        throw in.error("unknown format " + in.token() + "; expected ascii, binary_little_endian or binary_big_endian");
    }

    private static Element element(TextInput in, List<Property> properties) {
        if (!in.nextToken()) {
            throw in.error("element line without a name; expected \"element <name> <count>\"");
        }
        String name = in.tokenString();
        long count = in.integer("the record count of element \"" + name + "\"", 0, Long.MAX_VALUE / 2);
        if (count > GeometryBuilder.MAX_VERTICES) {
            throw in.error("element \"" + name + "\" declares " + count + " records; at most "
                    + GeometryBuilder.MAX_VERTICES + " are supported");
        }
        in.expectEnd("the element line");
        return new Element(name, count, properties, in.lineNumber());
    }

    private static Property property(TextInput in) {
        if (!in.nextToken()) {
            throw in.error("property line without a type; expected \"property <type> <name>\"");
        }
        PlyType countType = null;
        if (in.tokenIs("list")) {
            countType = type(in, "list count type");
            if (!countType.isInteger()) {
                throw in.error("list count type " + countType.plyName()
                        + "; expected an integer type such as uchar or int");
            }
        } else {
            in.rewindLine();
            in.nextToken();
        }
        PlyType type = type(in, countType == null ? "property type" : "list item type");
        if (!in.nextToken()) {
            throw in.error("property line without a name; expected \"property <type> <name>\"");
        }
        String name = in.tokenString();
        in.expectEnd("the property name");
        return new Property(name, type, countType, in.lineNumber());
    }

    private static PlyType type(TextInput in, String what) {
        if (!in.nextToken()) {
            throw in.error("property line ends where the " + what + " was expected; expected one of "
                    + PlyType.knownNames());
        }
        PlyType t = PlyType.byName(in.tokenString());
        if (t == null) {
            throw in.error("unknown " + what + " " + in.token() + "; expected one of " + PlyType.knownNames());
        }
        return t;
    }
}
