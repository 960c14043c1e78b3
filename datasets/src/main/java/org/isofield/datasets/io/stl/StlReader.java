package org.isofield.datasets.io.stl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.isofield.core.FormatException;
import org.isofield.core.ProgressMeter;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryFormat;
import org.isofield.datasets.io.GeometryReader;
import org.isofield.datasets.io.ReadOptions;
import org.isofield.datasets.io.internal.BinaryInput;
import org.isofield.datasets.io.internal.GeometryBuilder;
import org.isofield.datasets.io.internal.TextInput;

/**
 * Reads STL, binary or ascii. A file is binary when its size is exactly {@code 84 + 50 n} for the triangle count
 * {@code n} at byte 80, even if its header starts with "solid" (many binary writers do that); it is ascii when it
 * starts with "solid" and its first kilobyte is text. Bit-identical corner positions are welded into one vertex
 * ({@link VertexWelder}); facet normals are not used. With {@link ReadOptions#dropNonFinite()} a triangle with a
 * non-finite corner is dropped before its corners are welded.
 */
public final class StlReader implements GeometryReader {
    static final int HEADER = 84;
    static final int RECORD = 50;

    @Override
    public GeometryData read(Path file, ReadOptions options) throws IOException {
        ProgressMeter meter = ProgressMeter.of(options.progress(), "read", Files.size(file));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, 1024)).order(ByteOrder.LITTLE_ENDIAN);
            while (head.hasRemaining() && ch.read(head, head.position()) > 0) {
                // fill
            }
            head.flip();
            long declared = size >= HEADER ? head.getInt(80) & 0xFFFF_FFFFL : -1;
            if (declared >= 0 && size == HEADER + RECORD * declared) {
                return readBinary(file, ch, declared, options, meter);
            }
            if (startsWithSolid(head) && isText(head)) {
                try (TextInput in = TextInput.open(file, meter)) {
                    return new StlAsciiReader(in, options).read();
                }
            }
            if (size < HEADER) {
                throw FormatException.inFile(file, "only " + size + " bytes: too short for a binary STL (at least 84)"
                        + " and not an ascii STL (expected \"solid\" and text)");
            }
            throw FormatException.atByte(file, 80, "binary STL declares " + declared
                    + " triangles, which take 84 + 50 x "
                    + declared + " = " + (HEADER + RECORD * declared) + " bytes, but the file has " + size
                    + " bytes; the file is truncated or is not an STL file");
        }
    }

    private static boolean startsWithSolid(ByteBuffer head) {
        int i = 0;
        while (i < head.limit() && Character.isWhitespace(head.get(i))) {
            i++;
        }
        byte[] solid = {'s', 'o', 'l', 'i', 'd'};
        for (int k = 0; k < solid.length; k++) {
            if (i + k >= head.limit() || head.get(i + k) != solid[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isText(ByteBuffer head) {
        for (int i = 0; i < head.limit(); i++) {
            int c = head.get(i) & 0xFF;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                return false;
            }
        }
        return true;
    }

    private static GeometryData readBinary(Path file, FileChannel ch, long declared, ReadOptions options,
                                           ProgressMeter meter) throws IOException {
        if (3 * declared > GeometryBuilder.MAX_VERTICES) {
            throw FormatException.atByte(file, 80, "binary STL declares " + declared + " triangles; at most "
                    + GeometryBuilder.MAX_VERTICES / 3 + " are supported");
        }
        int n = (int) declared;
        GeometryBuilder builder = new GeometryBuilder(options.dropNonFinite(), n / 2 + 16).withFaces(n);
        VertexWelder welder = new VertexWelder(builder, n / 2 + 16);
        BinaryInput in = new BinaryInput(file, ch, HEADER, ByteOrder.LITTLE_ENDIAN, meter);
        float[] c = new float[9];
        int[] v = new int[3];
        for (int t = 0; t < n; t++) {
            if (!in.request(RECORD)) {
                throw in.truncated("triangle " + t + " of " + n, RECORD);
            }
            ByteBuffer b = in.buffer();
            long start = in.offset();
            int p = b.position() + 12;
            boolean finite = true;
            for (int k = 0; k < 9; k++) {
                c[k] = b.getFloat(p + 4 * k);
                finite &= c[k] - c[k] == 0;
            }
            b.position(b.position() + RECORD);
            if (!finite) {
                if (!options.dropNonFinite()) {
                    throw in.errorAt(start + 12, "triangle " + t + " has a non-finite corner (" + c[0] + ", " + c[1]
                            + ", " + c[2] + " / " + c[3] + ", " + c[4] + ", " + c[5] + " / " + c[6] + ", " + c[7]
                            + ", " + c[8] + "); expected finite numbers (ReadOptions.dropNonFinite drops such "
                            + "triangles)");
                }
                continue;
            }
            for (int k = 0; k < 3; k++) {
                v[k] = welder.vertex(c[3 * k], c[3 * k + 1], c[3 * k + 2], in);
            }
            builder.addTriangle(v[0], v[1], v[2]);
        }
        meter.done();
        return builder.build(GeometryFormat.STL);
    }
}
