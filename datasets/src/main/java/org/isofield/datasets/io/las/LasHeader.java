package org.isofield.datasets.io.las;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.isofield.core.FormatException;
import org.isofield.datasets.io.internal.GeometryBuilder;
import org.isofield.datasets.io.internal.Texts;

/**
 * The public header block of a LAS file (ASPRS LAS 1.0 to 1.4, little endian): version, where the point records
 * start, their format and length, how many there are (the 64-bit count of LAS 1.4 when set, else the legacy
 * 32-bit one) and the scale and offset that turn the stored {@code int32} coordinates into
 * {@code int * scale + offset}. Everything is checked against the file size; variable length records are skipped.
 * Instances are immutable.
 */
public final class LasHeader {
    /** Bytes of the public header block in LAS 1.0 to 1.2 (1.3: 235, 1.4: 375). */
    public static final int MIN_SIZE = 227;
    static final int SIZE_14 = 375;
    /** Base record length of point data formats 0 to 10. */
    static final int[] BASE_LENGTH = {20, 28, 26, 34, 57, 63, 30, 36, 38, 59, 67};
    /** Byte offset of red, green, blue ({@code uint16} each) in formats 0 to 10, or -1 without colour. */
    static final int[] RGB_OFFSET = {-1, -1, 20, 28, -1, 28, -1, 30, 30, -1, 30};
    /** Largest coordinate magnitude accepted, so that positions stay well inside float range. */
    private static final double MAX_COORDINATE = 1e30;

    private final int versionMinor;
    private final int pointFormat;
    private final int recordLength;
    private final long pointOffset;
    private final long pointCount;
    private final double[] scale;
    private final double[] offset;

    private LasHeader(int versionMinor, int pointFormat, int recordLength, long pointOffset, long pointCount,
                      double[] scale, double[] offset) {
        this.versionMinor = versionMinor;
        this.pointFormat = pointFormat;
        this.recordLength = recordLength;
        this.pointOffset = pointOffset;
        this.pointCount = pointCount;
        this.scale = scale;
        this.offset = offset;
    }

    /** The minor version: 0 to 4 (the major version is always 1). */
    public int versionMinor() {
        return versionMinor;
    }

    /** Point data format 0 to 10 (the LAZ compression bits masked off and refused). */
    public int pointFormat() {
        return pointFormat;
    }

    /** Bytes per point record: the format's base length plus any extra bytes. */
    public int recordLength() {
        return recordLength;
    }

    /** File offset of the first point record. */
    public long pointOffset() {
        return pointOffset;
    }

    public long pointCount() {
        return pointCount;
    }

    /** Scale of axis 0 (x), 1 (y) or 2 (z). */
    public double scale(int axis) {
        return scale[axis];
    }

    /** Offset of axis 0 (x), 1 (y) or 2 (z). */
    public double offset(int axis) {
        return offset[axis];
    }

    /** Byte offset of red in a point record, or -1 when the format has no colour. */
    public int rgbOffset() {
        return RGB_OFFSET[pointFormat];
    }

    /**
     * Reads and checks the header of {@code file}.
     *
     * @throws FormatException at the offending byte
     */
    public static LasHeader read(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(size, SIZE_14)).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining() && channel.read(b, b.position()) > 0) {
            continue;
        }
        byte[] sig = new byte[Math.min(4, b.limit())];
        b.get(0, sig);
        if (sig.length < 4 || sig[0] != 'L' || sig[1] != 'A' || sig[2] != 'S' || sig[3] != 'F') {
            throw FormatException.atByte(file, 0, "found " + Texts.quote(sig, 0, sig.length)
                    + "; expected the signature \"LASF\" of a LAS file");
        }
        if (size < MIN_SIZE) {
            throw FormatException.atByte(file, 0, "only " + size + " bytes; expected a LAS public header block of "
                    + "at least " + MIN_SIZE + " bytes");
        }
        int major = b.get(24) & 0xFF;
        int minor = b.get(25) & 0xFF;
        if (major != 1 || minor > 4) {
            throw FormatException.atByte(file, 24, "LAS version " + major + "." + minor + "; expected 1.0 to 1.4");
        }
        int headerSize = b.getShort(94) & 0xFFFF;
        int minHeader = minor >= 4 ? SIZE_14 : MIN_SIZE;
        if (headerSize < minHeader || headerSize > size) {
            throw FormatException.atByte(file, 94, "header size " + headerSize + " bytes; expected at least "
                    + minHeader + " for LAS 1." + minor + " and at most the file size " + size);
        }
        long pointOffset = b.getInt(96) & 0xFFFF_FFFFL;
        if (pointOffset < headerSize || pointOffset > size) {
            throw FormatException.atByte(file, 96, "offset to point data " + pointOffset + "; expected "
                    + headerSize + " (the header size) to " + size + " (the file size)");
        }
        int formatByte = b.get(104) & 0xFF;
        if ((formatByte & 0xC0) != 0) {
            throw FormatException.atByte(file, 104, String.format("point data format byte 0x%02X has the LAZ "
                    + "compression bits set: the points are LAZ-compressed; expected uncompressed LAS "
                    + "(decompress first, e.g. laszip -i in.laz -o out.las)", formatByte));
        }
        if (formatByte > 10) {
            throw FormatException.atByte(file, 104, "point data format " + formatByte + "; expected 0 to 10");
        }
        int recordLength = b.getShort(105) & 0xFFFF;
        if (recordLength < BASE_LENGTH[formatByte]) {
            throw FormatException.atByte(file, 105, "point record length " + recordLength + " bytes; point data "
                    + "format " + formatByte + " needs at least " + BASE_LENGTH[formatByte]);
        }
        long count = b.getInt(107) & 0xFFFF_FFFFL;
        long countAt = 107;
        if (minor >= 4 && b.getLong(247) != 0) {
            count = b.getLong(247);
            countAt = 247;
        }
        if (count < 0 || count > GeometryBuilder.MAX_VERTICES) {
            throw FormatException.atByte(file, countAt, "the header declares " + Long.toUnsignedString(count)
                    + " points; at most " + GeometryBuilder.MAX_VERTICES + " are supported");
        }
        if (count * recordLength > size - pointOffset) {
            throw FormatException.atByte(file, pointOffset, "the header declares " + count + " points of "
                    + recordLength + " bytes, " + count * recordLength + " bytes, but only " + (size - pointOffset)
                    + " bytes follow the point data offset; the count is wrong or the file is truncated");
        }
        double[] scale = new double[3];
        double[] offset = new double[3];
        for (int axis = 0; axis < 3; axis++) {
            scale[axis] = b.getDouble(131 + 8 * axis);
            offset[axis] = b.getDouble(155 + 8 * axis);
            double extent = Math.abs(scale[axis]) * 0x1p31 + Math.abs(offset[axis]);
            if (scale[axis] == 0 || !(extent < MAX_COORDINATE)) {
                throw FormatException.atByte(file, 131 + 8 * axis, "axis " + "xyz".charAt(axis) + " has scale "
                        + scale[axis] + " and offset " + offset[axis] + "; expected a non-zero scale and "
                        + "coordinates within +-" + MAX_COORDINATE);
            }
        }
        return new LasHeader(minor, formatByte, recordLength, pointOffset, count, scale, offset);
    }
}
