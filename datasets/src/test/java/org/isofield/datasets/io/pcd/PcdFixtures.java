package org.isofield.datasets.io.pcd;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.isofield.datasets.io.internal.Lzf;

/** Byte-exact PCD files built from the format description, for tests. */
public final class PcdFixtures {
    private PcdFixtures() {
    }

    /** A PCD header ending with its DATA line; {@code fields} like "x y z rgb", sizes, types, counts alike. */
    public static String header(String fields, String sizes, String types, String counts, int width, int height,
                                String data) {
        return "# .PCD v0.7 - Point Cloud Data file format\nVERSION 0.7\nFIELDS " + fields + "\nSIZE " + sizes
                + "\nTYPE " + types + "\nCOUNT " + counts + "\nWIDTH " + width + "\nHEIGHT " + height
                + "\nVIEWPOINT 0 0 0 1 0 0 0\nPOINTS " + ((long) width * height) + "\nDATA " + data + "\n";
    }

    /** {@code header} followed by {@code body}. */
    public static byte[] file(String header, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** A little-endian buffer for a body of {@code n} bytes. */
    public static ByteBuffer body(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * A binary_compressed body from an array-of-structs body: transposed to one field after the other, then
     * LZF-compressed and prefixed with the two sizes.
     *
     * @param fieldBytes bytes of each field per point (SIZE x COUNT)
     */
    public static byte[] compressed(byte[] records, int points, int... fieldBytes) {
        int rec = 0;
        for (int b : fieldBytes) {
            rec += b;
        }
        byte[] soa = new byte[records.length];
        int out = 0;
        int offset = 0;
        for (int b : fieldBytes) {
            for (int i = 0; i < points; i++) {
                System.arraycopy(records, i * rec + offset, soa, out, b);
                out += b;
            }
            offset += b;
        }
        byte[] packed = Lzf.compress(soa);
        ByteBuffer body = body(8 + packed.length);
        body.putInt(packed.length).putInt(soa.length).put(packed);
        return body.array();
    }

    /** Colour bytes packed as PCL's rgb: {@code 0x00RRGGBB}. */
    public static int rgb(int r, int g, int b) {
        return (r << 16) | (g << 8) | b;
    }
}
