package org.isofield.datasets.io.pcd;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.isofield.datasets.io.internal.GeometryBuilder;
import org.isofield.datasets.io.internal.TextInput;

/**
 * The header of a PCD file (Point Cloud Library, format 0.7): its fields with their sizes, types and counts, the
 * organisation ({@code WIDTH} x {@code HEIGHT}), the point count and the body encoding, up to and including the
 * {@code DATA} line. Lines starting with {@code #} are comments; {@code VERSION} and {@code VIEWPOINT} are
 * checked for syntax only; a missing {@code COUNT} means 1 per field and a missing {@code POINTS} means
 * {@code WIDTH * HEIGHT}. Parsing checks the header on its own; which fields mean what is up to {@link PcdLayout}.
 * Instances are immutable.
 */
public final class PcdHeader {
    /** Largest point record accepted, in bytes. */
    public static final int MAX_RECORD = 1 << 20;
    static final String KEYWORDS = "VERSION, FIELDS, SIZE, TYPE, COUNT, WIDTH, HEIGHT, VIEWPOINT, POINTS or DATA";

    /** How the body is stored. */
    public enum Data { ASCII, BINARY, BINARY_COMPRESSED }

    /**
     * One field: {@code count} values of {@code size} bytes and {@code type} {@code I} (signed), {@code U}
     * (unsigned) or {@code F} (float).
     *
     * @param offset byte offset of the field in a binary point record
     */
    public record Field(String name, int size, char type, int count, int offset) {
        /** Bytes of all values of this field in one point. */
        public int bytes() {
            return size * count;
        }
    }

    private final List<Field> fields;
    private final long width;
    private final long height;
    private final long points;
    private final Data data;
    private final long bodyOffset;
    private final long lines;
    private final long fieldsLine;

    private PcdHeader(List<Field> fields, long width, long height, long points, Data data, long bodyOffset,
                      long lines, long fieldsLine) {
        this.fields = Collections.unmodifiableList(fields);
        this.width = width;
        this.height = height;
        this.points = points;
        this.data = data;
        this.bodyOffset = bodyOffset;
        this.lines = lines;
        this.fieldsLine = fieldsLine;
    }

    public List<Field> fields() {
        return fields;
    }

    public long width() {
        return width;
    }

    /** 1 for an unorganised cloud; the number of rows of an organised one. */
    public long height() {
        return height;
    }

    public long points() {
        return points;
    }

    public Data data() {
        return data;
    }

    /** File offset of the first body byte (just after the {@code DATA} line). */
    public long bodyOffset() {
        return bodyOffset;
    }

    /** Number of header lines, comments and the {@code DATA} line included. */
    public long lines() {
        return lines;
    }

    /** The line of {@code FIELDS}, for messages about fields. */
    public long fieldsLine() {
        return fieldsLine;
    }

    /** Bytes per point in a binary body. */
    public int recordSize() {
        int n = 0;
        for (Field f : fields) {
            n += f.bytes();
        }
        return n;
    }

    /** Values per point in an ascii body. */
    public long valuesPerPoint() {
        long n = 0;
        for (Field f : fields) {
            n += f.count();
        }
        return n;
    }

    /**
     * Reads the header from the start of {@code in}, leaving it on the {@code DATA} line.
     *
     * @throws org.isofield.core.FormatException at the offending header line
     */
    public static PcdHeader read(TextInput in) throws IOException {
        Lines h = new Lines(in);
        while (in.nextLine()) {
            if (!in.nextToken()) {
                continue;
            }
            String keyword = in.tokenString().toUpperCase(Locale.ROOT);
            if (keyword.startsWith("#")) {
                continue;
            }
            if (keyword.equals("DATA")) {
                Data data = h.data();
                return h.finish(data);
            }
            h.line(keyword);
        }
        throw in.error("file ends inside the header; expected a DATA line (ascii, binary or binary_compressed)");
    }

    /** The header lines seen so far. */
    private static final class Lines {
        private final TextInput in;
        private List<String> names;
        private int[] sizes;
        private char[] types;
        private int[] counts;
        private long width = -1;
        private long height = -1;
        private long points = -1;
        private long fieldsLine;
        private long pointsLine;
        private final List<String> seen = new ArrayList<>();

        Lines(TextInput in) {
            this.in = in;
        }

        void line(String keyword) {
            if (seen.contains(keyword)) {
                throw in.error("second " + keyword + " line; expected one");
            }
            switch (keyword) {
                case "VERSION" -> {
                }
                case "FIELDS" -> {
                    names = new ArrayList<>();
                    while (in.nextToken()) {
                        names.add(in.tokenString());
                    }
                    if (names.isEmpty()) {
                        throw in.error("FIELDS line without names; expected e.g. \"FIELDS x y z\"");
                    }
                    fieldsLine = in.lineNumber();
                }
                case "SIZE" -> sizes = integers("SIZE", 1, 8);
                case "COUNT" -> counts = integers("COUNT", 1, MAX_RECORD);
                case "TYPE" -> types();
                case "WIDTH" -> width = one("WIDTH", Integer.MAX_VALUE);
                case "HEIGHT" -> height = one("HEIGHT", Integer.MAX_VALUE);
                case "POINTS" -> {
                    points = one("POINTS", Long.MAX_VALUE / 2);
                    pointsLine = in.lineNumber();
                }
                case "VIEWPOINT" -> {
                    for (int i = 0; i < 7; i++) {
                        in.number("value " + (i + 1) + " of 7 of VIEWPOINT (tx ty tz qw qx qy qz)");
                    }
                    in.expectEnd("the 7 VIEWPOINT values");
                }
                default -> throw in.error("unknown header line " + in.lineText() + "; expected " + KEYWORDS);
            }
            seen.add(keyword);
        }

        private int[] integers(String keyword, int min, int max) {
            int n = need(keyword);
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = (int) in.integer(keyword + " of field \"" + names.get(i) + "\"", min, max);
            }
            in.expectEnd(n + " " + keyword + " values (one per field)");
            return v;
        }

        private void types() {
            int n = need("TYPE");
            types = new char[n];
            for (int i = 0; i < n; i++) {
                if (!in.nextToken()) {
                    throw in.error("line ends where the TYPE of field \"" + names.get(i) + "\" was expected; "
                            + "expected one of I, U, F per field");
                }
                String t = in.tokenString().toUpperCase(Locale.ROOT);
                if (!t.equals("I") && !t.equals("U") && !t.equals("F")) {
                    throw in.error("found TYPE " + in.token() + " for field \"" + names.get(i)
                            + "\"; expected I (signed), U (unsigned) or F (float)");
                }
                types[i] = t.charAt(0);
            }
            in.expectEnd(n + " TYPE values (one per field)");
        }

        private int need(String keyword) {
            if (names == null) {
                throw in.error(keyword + " before FIELDS; expected the FIELDS line first");
            }
            return names.size();
        }

        private long one(String keyword, long max) {
            long v = in.integer("the " + keyword + " value", 0, max);
            in.expectEnd("the " + keyword + " value");
            return v;
        }

        Data data() {
            if (!in.nextToken()) {
                throw in.error("DATA line without encoding; expected ascii, binary or binary_compressed");
            }
            String word = in.tokenString().toLowerCase(Locale.ROOT);
            Data data = switch (word) {
                case "ascii" -> Data.ASCII;
                case "binary" -> Data.BINARY;
                case "binary_compressed" -> Data.BINARY_COMPRESSED;
                default -> throw in.error("unknown DATA " + in.token()
                        + "; expected ascii, binary or binary_compressed");
            };
            in.expectEnd("the DATA encoding");
            return data;
        }

        PcdHeader finish(Data data) {
            for (String k : new String[] {"FIELDS", "SIZE", "TYPE", "WIDTH", "HEIGHT"}) {
                if (!seen.contains(k)) {
                    throw in.error("DATA before any " + k + " line; expected FIELDS, SIZE, TYPE, WIDTH and HEIGHT "
                            + "lines before DATA");
                }
            }
            long organised = width * height;
            if (points < 0) {
                points = organised;
            } else if (points != organised) {
                throw in.error("POINTS " + points + " (line " + pointsLine + ") is not WIDTH x HEIGHT = " + width
                        + " x " + height + " = " + organised + "; expected them to agree");
            }
            if (points > GeometryBuilder.MAX_VERTICES) {
                throw in.error("the header declares " + points + " points; at most " + GeometryBuilder.MAX_VERTICES
                        + " are supported");
            }
            List<Field> fields = new ArrayList<>(names.size());
            long offset = 0;
            for (int i = 0; i < names.size(); i++) {
                int size = sizes[i];
                char type = types[i];
                boolean ok = type == 'F' ? size == 4 || size == 8 : size == 1 || size == 2 || size == 4 || size == 8;
                if (!ok) {
                    throw in.error("field \"" + names.get(i) + "\" has TYPE " + type + " and SIZE " + size
                            + "; expected SIZE " + (type == 'F' ? "4 or 8" : "1, 2, 4 or 8") + " for TYPE " + type);
                }
                int count = counts == null ? 1 : counts[i];
                fields.add(new Field(names.get(i), size, type, count, (int) Math.min(offset, MAX_RECORD)));
                offset += (long) size * count;
            }
            if (offset > MAX_RECORD) {
                throw in.error("points of " + offset + " bytes (the sum of SIZE x COUNT); at most " + MAX_RECORD
                        + " are supported");
            }
            return new PcdHeader(fields, width, height, points, data, in.offsetAfterLine(), in.lineNumber(),
                    fieldsLine);
        }
    }
}
