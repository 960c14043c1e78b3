package org.isofield.datasets.io.pcd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.isofield.core.FormatException;
import org.isofield.core.ProgressMeter;
import org.isofield.datasets.io.internal.BinaryInput;
import org.isofield.datasets.io.internal.Locator;
import org.isofield.datasets.io.internal.Lzf;
import org.isofield.datasets.io.pcd.PcdHeader.Field;

/**
 * Reads the body of a binary PCD file (little endian, as PCL writes it on every common machine). {@code binary} is
 * an array of point records, {@code binary_compressed} is a {@code uint32} compressed size, a {@code uint32}
 * uncompressed size, then the {@link Lzf}-compressed fields one after the other: every value of the first field
 * for all points, then the second, and so on. Bytes after the points are ignored.
 */
final class PcdBinaryBody {
    private final Path file;
    private final PcdHeader header;
    private final PcdLayout layout;
    private final PcdPoints points;
    private final int[] base = new int[PcdLayout.ROLES];
    private final int[] stride = new int[PcdLayout.ROLES];
    private long at;
    private final Locator atPoint = d -> FormatException.atByte(fileName(), at, d);

    PcdBinaryBody(Path file, PcdHeader header, PcdLayout layout, PcdPoints points) {
        this.file = file;
        this.header = header;
        this.layout = layout;
        this.points = points;
    }

    private Path fileName() {
        return file;
    }

    /** Reads {@code binary} records through {@code in}, which starts at the body. */
    void readRecords(BinaryInput in) throws IOException {
        int rec = header.recordSize();
        for (int r = 0; r < PcdLayout.ROLES; r++) {
            Field f = layout.fields[r];
            base[r] = f == null ? 0 : f.offset();
        }
        long n = header.points();
        for (long i = 0; i < n; i++) {
            if (!in.request(rec)) {
                throw in.truncated("point " + i + " of " + n, rec);
            }
            at = in.offset();
            ByteBuffer b = in.buffer();
            int start = b.position();
            decode(b, start, 0);
            b.position(start + rec);
        }
    }

    /** Reads a {@code binary_compressed} body from {@code channel}, whose header the caller has checked. */
    void readCompressed(FileChannel channel, ProgressMeter meter) throws IOException {
        long start = header.bodyOffset();
        long left = channel.size() - start;
        if (left < 8) {
            throw FormatException.atByte(file, start, "file ends after " + left + " bytes of the binary_compressed "
                    + "body; expected a uint32 compressed size and a uint32 uncompressed size");
        }
        ByteBuffer sizes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, sizes, start);
        long compressed = sizes.getInt(0) & 0xFFFF_FFFFL;
        long uncompressed = sizes.getInt(4) & 0xFFFF_FFFFL;
        long expected = header.points() * header.recordSize();
        if (uncompressed != expected) {
            throw FormatException.atByte(file, start + 4, "uncompressed size " + uncompressed + " bytes; expected "
                    + "POINTS x point size = " + header.points() + " x " + header.recordSize() + " = " + expected);
        }
        if (compressed > left - 8) {
            throw FormatException.atByte(file, start, "compressed size " + compressed + " bytes, but only "
                    + (left - 8) + " bytes follow; the file is truncated or the size is wrong");
        }
        if (uncompressed > compressed * Lzf.MAX_RATIO || uncompressed > Integer.MAX_VALUE - 8) {
            throw FormatException.atByte(file, start, "uncompressed size " + uncompressed + " bytes from "
                    + compressed + " compressed bytes; expected at most " + Lzf.MAX_RATIO + " times the compressed "
                    + "size (and under 2 GiB), as LZF can produce");
        }
        if (expected == 0) {
            return;
        }
        byte[] in = new byte[(int) compressed];
        readFully(channel, ByteBuffer.wrap(in), start + 8);
        meter.step(compressed);
        byte[] out = new byte[(int) uncompressed];
        try {
            Lzf.decompress(in, 0, in.length, out);
        } catch (Lzf.DecompressionException e) {
            throw FormatException.atByte(file, start + 8 + e.inputOffset(), "corrupt LZF data: " + e.getMessage()
                    + "; expected a binary_compressed body as PCL writes it");
        }
        long fieldStart = 0;
        for (Field f : header.fields()) {
            for (int r = 0; r < PcdLayout.ROLES; r++) {
                if (layout.fields[r] == f) {
                    base[r] = (int) fieldStart;
                    stride[r] = f.bytes();
                }
            }
            fieldStart += header.points() * f.bytes();
        }
        at = start;
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        int n = (int) header.points();
        for (int i = 0; i < n; i++) {
            decode(b, 0, i);
        }
    }

    private void decode(ByteBuffer b, int start, int i) {
        double x = layout.value(b, start + base[PcdLayout.X] + i * stride[PcdLayout.X], PcdLayout.X);
        double y = layout.value(b, start + base[PcdLayout.Y] + i * stride[PcdLayout.Y], PcdLayout.Y);
        double z = layout.value(b, start + base[PcdLayout.Z] + i * stride[PcdLayout.Z], PcdLayout.Z);
        double nx = 0;
        double ny = 0;
        double nz = 0;
        if (layout.normals) {
            nx = layout.value(b, start + base[PcdLayout.NX] + i * stride[PcdLayout.NX], PcdLayout.NX);
            ny = layout.value(b, start + base[PcdLayout.NY] + i * stride[PcdLayout.NY], PcdLayout.NY);
            nz = layout.value(b, start + base[PcdLayout.NZ] + i * stride[PcdLayout.NZ], PcdLayout.NZ);
        }
        int rgb = layout.colors ? b.getInt(start + base[PcdLayout.RGB] + i * stride[PcdLayout.RGB]) : 0;
        double intensity = layout.intensity ? layout.value(b, start + base[PcdLayout.INTENSITY]
                + i * stride[PcdLayout.INTENSITY], PcdLayout.INTENSITY) : 0;
        points.add(x, y, z, nx, ny, nz, rgb, intensity, atPoint);
    }

    private static void readFully(FileChannel channel, ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            int n = channel.read(b, p);
            if (n < 0) {
                throw new IOException("unexpected end of file at byte " + p);
            }
            p += n;
        }
    }
}
