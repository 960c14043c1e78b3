package org.isofield.datasets.io.las;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.isofield.core.ProgressMeter;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryFormat;
import org.isofield.datasets.io.GeometryReader;
import org.isofield.datasets.io.ReadOptions;
import org.isofield.datasets.io.internal.FloatList;
import org.isofield.datasets.io.internal.GeometryBuilder;

/**
 * Reads LAS files (ASPRS LAS 1.0 to 1.4, point data formats 0 to 10, uncompressed; see {@link LasHeader}).
 * Positions are {@code int32 * scale + offset} computed in double and stored relative to the origin chosen from
 * the first point, so georeferenced coordinates (around 1e6 with a millimetre scale) keep their precision. Colours
 * come from the {@code uint16} red, green, blue of formats 2, 3, 5, 7, 8 and 10, divided by 65535. Extra bytes
 * after a format's base record are skipped, as are variable length records and anything after the points
 * (waveform data, extended variable length records). Intensity ({@code uint16} at byte 12 in every format) is
 * kept as the scalar {@code intensity} (raw values, 0 to 65535). LAS has no normals and no faces.
 *
 * <p>Records are decoded in bulk from a large direct little-endian buffer straight into the position and colour
 * arrays, with no per-point objects or calls. LAS coordinates are always finite, so nothing is dropped.
 */
public final class LasReader implements GeometryReader {
    private static final int BUFFER = 1 << 23;

    @Override
    public GeometryData read(Path file, ReadOptions options) throws IOException {
        ProgressMeter meter = ProgressMeter.of(options.progress(), "read", Files.size(file));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            LasHeader h = LasHeader.read(file, channel);
            int n = (int) h.pointCount();
            GeometryBuilder builder = new GeometryBuilder(options.dropNonFinite(), n);
            int rgbAt = h.rgbOffset();
            if (rgbAt >= 0) {
                builder.withColors();
            }
            float[] intensity = new float[n];
            if (n > 0) {
                decode(channel, h, builder, intensity, meter);
            }
            builder.setScalar("intensity", intensity);
            meter.done();
            return builder.build(GeometryFormat.LAS);
        }
    }

    private static void decode(FileChannel channel, LasHeader h, GeometryBuilder builder, float[] intensity,
                               ProgressMeter meter) throws IOException {
        int n = intensity.length;
        int len = h.recordLength();
        int rgbAt = h.rgbOffset();
        double sx = h.scale(0);
        double sy = h.scale(1);
        double sz = h.scale(2);
        double tx = h.offset(0);
        double ty = h.offset(1);
        double tz = h.offset(2);
        ByteBuffer buf = ByteBuffer.allocateDirect(Math.max(BUFFER / len, 1) * len).order(ByteOrder.LITTLE_ENDIAN);
        FloatList positions = builder.positions();
        float[] p = positions.extend(3 * n);
        float[] c = rgbAt >= 0 ? builder.colors().extend(3 * n) : null;
        int perChunk = buf.capacity() / len;
        long at = h.pointOffset();
        double ox = 0;
        double oy = 0;
        double oz = 0;
        for (int first = 0; first < n; first += perChunk) {
            int k = Math.min(perChunk, n - first);
            buf.clear().limit(k * len);
            while (buf.hasRemaining()) {
                if (channel.read(buf, at + buf.position()) < 0) {
                    throw new IOException("file shrank while reading, at byte " + (at + buf.position()));
                }
            }
            if (first == 0) {
                builder.chooseOrigin(buf.getInt(0) * sx + tx, buf.getInt(4) * sy + ty, buf.getInt(8) * sz + tz);
                ox = builder.origin().x();
                oy = builder.origin().y();
                oz = builder.origin().z();
            }
            for (int j = 0, r = 0, i = 3 * first; j < k; j++, r += len, i += 3) {
                p[i] = (float) (buf.getInt(r) * sx + tx - ox);
                p[i + 1] = (float) (buf.getInt(r + 4) * sy + ty - oy);
                p[i + 2] = (float) (buf.getInt(r + 8) * sz + tz - oz);
                intensity[first + j] = buf.getShort(r + 12) & 0xFFFF;
                if (c != null) {
                    c[i] = (buf.getShort(r + rgbAt) & 0xFFFF) / 65535f;
                    c[i + 1] = (buf.getShort(r + rgbAt + 2) & 0xFFFF) / 65535f;
                    c[i + 2] = (buf.getShort(r + rgbAt + 4) & 0xFFFF) / 65535f;
                }
            }
            at += (long) k * len;
            meter.step((long) k * len);
        }
    }

}
