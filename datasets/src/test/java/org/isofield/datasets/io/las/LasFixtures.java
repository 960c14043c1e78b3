package org.isofield.datasets.io.las;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Byte-exact LAS files built from the LAS 1.4 R15 tables, for tests. */
public final class LasFixtures {
    private static final int[] BASE = {20, 28, 26, 34, 57, 63, 30, 36, 38, 59, 67};
    private static final int[] RGB = {-1, -1, 20, 28, -1, 28, -1, 30, 30, -1, 30};
    private static final int[] HEADER = {227, 227, 227, 235, 375};

    private LasFixtures() {
    }

    /**
     * A LAS 1.{@code minor} file of point data format {@code format} with {@code extra} extra bytes per record
     * (filled with 0xEE), one variable length record of 60 bytes, and the given points: {@code xyz} stored
     * integers, {@code rgb} 16-bit colours (ignored for formats without colour), intensity {@code 1000 + i}. LAS
     * 1.4 files set the legacy count to 0 and the 64-bit count.
     */
    public static byte[] file(int minor, int format, int extra, int[] xyz, int[] rgb, double scale, double[] offset) {
        int headerSize = HEADER[minor];
        int vlr = 54 + 6;
        int n = xyz.length / 3;
        int len = BASE[format] + extra;
        ByteBuffer b = ByteBuffer.allocate(headerSize + vlr + n * len).order(ByteOrder.LITTLE_ENDIAN);
        b.put("LASF".getBytes(StandardCharsets.US_ASCII));
        b.position(24);
        b.put((byte) 1).put((byte) minor);
        b.position(94);
        b.putShort((short) headerSize).putInt(headerSize + vlr).putInt(1).put((byte) format).putShort((short) len);
        b.putInt(minor >= 4 ? 0 : n);
        b.position(131);
        for (int i = 0; i < 3; i++) {
            b.putDouble(scale);
        }
        for (int i = 0; i < 3; i++) {
            b.putDouble(offset[i]);
        }
        if (minor >= 4) {
            b.position(247);
            b.putLong(n);
        }
        b.position(headerSize);
        b.putShort((short) 0).put("LASF_Projection\0".getBytes(StandardCharsets.US_ASCII)).putShort((short) 1);
        b.putShort((short) 6);
        b.position(headerSize + vlr);
        for (int i = 0; i < n; i++) {
            int start = b.position();
            b.putInt(xyz[3 * i]).putInt(xyz[3 * i + 1]).putInt(xyz[3 * i + 2]).putShort((short) (1000 + i));
            for (int k = start + 14; k < start + len; k++) {
                b.put(k, (byte) (k >= start + BASE[format] ? 0xEE : 0x11));
            }
            if (RGB[format] >= 0) {
                b.position(start + RGB[format]);
                b.putShort((short) rgb[3 * i]).putShort((short) rgb[3 * i + 1]).putShort((short) rgb[3 * i + 2]);
            }
            b.position(start + len);
        }
        return b.array();
    }
}
