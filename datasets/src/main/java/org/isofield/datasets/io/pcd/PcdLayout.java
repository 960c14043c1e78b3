package org.isofield.datasets.io.pcd;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.isofield.core.FormatException;
import org.isofield.datasets.io.pcd.PcdHeader.Field;

/**
 * What the fields of a {@link PcdHeader} mean: {@code x y z} (required, {@code F} of 4 or 8 bytes, one value
 * each), {@code normal_x normal_y normal_z} (when all three are present, {@code F}), {@code rgb} or {@code rgba}
 * (4 bytes whose low 24 bits are {@code 0xRRGGBB}, as {@code F} or {@code U}; alpha is ignored) and
 * {@code intensity} (any numeric type). Every other field, and the padding field {@code _}, is skipped, whatever
 * its count. Also reads the values of these roles from binary records.
 */
final class PcdLayout {
    static final int X = 0;
    static final int Y = 1;
    static final int Z = 2;
    static final int NX = 3;
    static final int NY = 4;
    static final int NZ = 5;
    static final int RGB = 6;
    static final int INTENSITY = 7;
    static final int ROLES = 8;
    private static final String[][] NAMES = {{"x"}, {"y"}, {"z"}, {"normal_x"}, {"normal_y"}, {"normal_z"},
        {"rgb", "rgba"}, {"intensity"}};

    /** The field of each role, or null. */
    final Field[] fields = new Field[ROLES];
    /** The index in the header's field list of each role, or -1. */
    final int[] index = new int[ROLES];
    final boolean normals;
    final boolean colors;
    final boolean intensity;

    private PcdLayout(PcdHeader header, Path file) {
        List<Field> all = header.fields();
        for (int r = 0; r < ROLES; r++) {
            index[r] = -1;
            for (int i = 0; i < all.size() && index[r] < 0; i++) {
                for (String name : NAMES[r]) {
                    if (all.get(i).name().equals(name)) {
                        index[r] = i;
                        fields[r] = all.get(i);
                    }
                }
            }
        }
        for (int r = X; r <= Z; r++) {
            if (fields[r] == null) {
                throw FormatException.atLine(file, header.fieldsLine(), "no field \"" + NAMES[r][0]
                        + "\"; expected fields x, y and z");
            }
        }
        normals = fields[NX] != null && fields[NY] != null && fields[NZ] != null;
        colors = fields[RGB] != null;
        intensity = fields[INTENSITY] != null;
        for (int r = 0; r < ROLES; r++) {
            Field f = fields[r];
            if (f == null || (r >= NX && r <= NZ && !normals)) {
                fields[r] = null;
                index[r] = -1;
                continue;
            }
            if (f.count() != 1) {
                throw FormatException.atLine(file, header.fieldsLine(), "field \"" + f.name() + "\" has COUNT "
                        + f.count() + "; expected 1");
            }
            if (r <= NZ && f.type() != 'F') {
                throw FormatException.atLine(file, header.fieldsLine(), "field \"" + f.name() + "\" has TYPE "
                        + f.type() + " SIZE " + f.size() + "; expected F 4 or F 8");
            }
            if (r == RGB && f.size() != 4) {
                throw FormatException.atLine(file, header.fieldsLine(), "field \"" + f.name() + "\" has SIZE "
                        + f.size() + "; expected 4 (packed 0xRRGGBB as F or U)");
            }
        }
    }

    /** The layout of {@code header}'s fields; errors name the {@code FIELDS} line of {@code file}. */
    static PcdLayout of(PcdHeader header, Path file) {
        return new PcdLayout(header, file);
    }

    /** The value of role {@code r} stored at {@code pos} in {@code b} (as the field's type says). */
    double value(ByteBuffer b, int pos, int r) {
        Field f = fields[r];
        return switch (f.type()) {
            case 'F' -> f.size() == 4 ? b.getFloat(pos) : b.getDouble(pos);
            case 'U' -> switch (f.size()) {
                case 1 -> b.get(pos) & 0xFF;
                case 2 -> b.getShort(pos) & 0xFFFF;
                case 4 -> b.getInt(pos) & 0xFFFF_FFFFL;
                default -> unsigned(b.getLong(pos));
            };
            default -> switch (f.size()) {
                case 1 -> b.get(pos);
                case 2 -> b.getShort(pos);
                case 4 -> b.getInt(pos);
                default -> (double) b.getLong(pos);
            };
        };
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }
}
