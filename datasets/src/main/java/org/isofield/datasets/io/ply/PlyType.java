package org.isofield.datasets.io.ply;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The scalar types of PLY properties with their sizes in bytes. Each has its PLY 1.0 name ({@code uchar}) and its
 * sized alias ({@code uint8}); {@link #byName} accepts both.
 */
public enum PlyType {
    CHAR("char", "int8", 1),
    UCHAR("uchar", "uint8", 1),
    SHORT("short", "int16", 2),
    USHORT("ushort", "uint16", 2),
    INT("int", "int32", 4),
    UINT("uint", "uint32", 4),
    FLOAT("float", "float32", 4),
    DOUBLE("double", "float64", 8);

    private final String plyName;
    private final String alias;
    private final int size;

    PlyType(String plyName, String alias, int size) {
        this.plyName = plyName;
        this.alias = alias;
        this.size = size;
    }

    /** Size in bytes in binary data. */
    public int size() {
        return size;
    }

    /** The PLY 1.0 name, e.g. {@code uchar}. */
    public String plyName() {
        return plyName;
    }

    /** Whether values are whole numbers. */
    public boolean isInteger() {
        return this != FLOAT && this != DOUBLE;
    }

    /** The type called {@code name} (PLY name or alias, any case), or null. */
    public static PlyType byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (PlyType t : values()) {
            if (t.plyName.equals(n) || t.alias.equals(n)) {
                return t;
            }
        }
        return null;
    }

    /** Reads one value of this type at the buffer's position, advancing it. */
    public double read(ByteBuffer b) {
        return switch (this) {
            case CHAR -> b.get();
            case UCHAR -> b.get() & 0xFF;
            case SHORT -> b.getShort();
            case USHORT -> b.getShort() & 0xFFFF;
            case INT -> b.getInt();
            case UINT -> b.getInt() & 0xFFFF_FFFFL;
            case FLOAT -> b.getFloat();
            case DOUBLE -> b.getDouble();
        };
    }

    /** Reads one value of this type at absolute index {@code i}, not moving the position. */
    public double get(ByteBuffer b, int i) {
        return switch (this) {
            case CHAR -> b.get(i);
            case UCHAR -> b.get(i) & 0xFF;
            case SHORT -> b.getShort(i);
            case USHORT -> b.getShort(i) & 0xFFFF;
            case INT -> b.getInt(i);
            case UINT -> b.getInt(i) & 0xFFFF_FFFFL;
            case FLOAT -> b.getFloat(i);
            case DOUBLE -> b.getDouble(i);
        };
    }

    /** The names accepted by {@link #byName}, for messages. */
    public static String knownNames() {
        StringBuilder s = new StringBuilder();
        for (PlyType t : values()) {
            s.append(s.length() == 0 ? "" : ", ").append(t.plyName).append('/').append(t.alias);
        }
        return s.toString();
    }
}
