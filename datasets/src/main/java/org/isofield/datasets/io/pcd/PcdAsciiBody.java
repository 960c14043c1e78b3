package org.isofield.datasets.io.pcd;

import java.io.IOException;
import java.util.List;
import org.isofield.datasets.io.internal.DecimalParser;
import org.isofield.datasets.io.internal.TextInput;
import org.isofield.datasets.io.pcd.PcdHeader.Field;

/**
 * Reads the body of an ascii PCD file: one point per line with {@code COUNT} values per field in field order
 * ({@code nan} for missing values, as PCL writes them). A packed {@code rgb}/{@code rgba} value written as a
 * whole number (what PCL writes) is the packed integer itself; written with a fraction or exponent (older
 * writers) it is the float whose bits hold the colour. Blank lines are skipped; anything after the last point is
 * an error.
 */
final class PcdAsciiBody {
    private final TextInput in;
    private final PcdHeader header;
    private final PcdLayout layout;
    private final PcdPoints points;
    private final DecimalParser parser = new DecimalParser();
    private final double[] v = new double[PcdLayout.ROLES];

    PcdAsciiBody(TextInput in, PcdHeader header, PcdLayout layout, PcdPoints points) {
        this.in = in;
        this.header = header;
        this.layout = layout;
        this.points = points;
    }

    void read() throws IOException {
        in.comment((char) 0);
        List<Field> fields = header.fields();
        int[] roleOf = new int[fields.size()];
        for (int i = 0; i < roleOf.length; i++) {
            roleOf[i] = -1;
            for (int r = 0; r < PcdLayout.ROLES; r++) {
                if (layout.index[r] == i) {
                    roleOf[i] = r;
                }
            }
        }
        long n = header.points();
        long done = 0;
        while (done < n) {
            if (!in.nextLine()) {
                throw in.error("file ends after " + done + " of " + n + " points; expected " + n
                        + " point lines (POINTS " + n + ")");
            }
            if (in.isBlank()) {
                continue;
            }
            int rgb = 0;
            for (int i = 0; i < roleOf.length; i++) {
                Field f = fields.get(i);
                int r = roleOf[i];
                if (r == PcdLayout.RGB) {
                    rgb = packed(f);
                } else if (r >= 0) {
                    in.number("field \"" + f.name() + "\" of point " + done);
                    v[r] = in.value();
                } else {
                    for (int k = 0; k < f.count(); k++) {
                        if (!in.nextToken()) {
                            throw in.error("line ends where field \"" + f.name() + "\" of point " + done
                                    + " was expected; expected " + header.valuesPerPoint() + " values per line");
                        }
                    }
                }
            }
            in.expectEnd("the " + header.valuesPerPoint() + " values of point " + done);
            points.add(v[PcdLayout.X], v[PcdLayout.Y], v[PcdLayout.Z], v[PcdLayout.NX], v[PcdLayout.NY],
                    v[PcdLayout.NZ], rgb, v[PcdLayout.INTENSITY], in);
            done++;
        }
        while (in.nextLine()) {
            if (!in.isBlank()) {
                throw in.error("found " + in.lineText() + " after the last point; expected the file to end (the "
                        + "header declares " + n + " points)");
            }
        }
    }

    private int packed(Field f) {
        String what = "field \"" + f.name() + "\" of point " + points.count();
        if (!in.nextToken()) {
            throw in.error("line ends where " + what + " was expected; found " + in.lineText());
        }
        byte[] b = in.buffer();
        int s = in.tokenStart();
        int e = in.tokenEnd();
        boolean digits = true;
        for (int i = s; i < e; i++) {
            digits &= b[i] >= '0' && b[i] <= '9';
        }
        if (digits) {
            long value = DecimalParser.parseLong(b, s, e);
            if (value >= 0 && value <= 0xFFFF_FFFFL) {
                return (int) value;
            }
        } else if (parser.parse(b, s, e)) {
            return Float.floatToRawIntBits(parser.floatValue());
        }
        throw in.error("found " + in.token() + " where " + what + " was expected; expected a packed colour "
                + "(a whole number 0 to 4294967295, or a float whose bits hold 0xRRGGBB)");
    }
}
