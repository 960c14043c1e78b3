package org.isofield.datasets.io.las;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryWriter;
import org.isofield.datasets.io.WriteOptions;
import org.isofield.datasets.io.internal.BinaryOutput;
import org.isofield.datasets.io.internal.WriteMeter;

/**
 * Writes LAS 1.2 (always binary): point data format 0, or 2 when the data has colours ({@code uint16}, colours
 * times 65535, rounded), no variable length records, every point a single return of class 0 with the scalar
 * {@code intensity} (rounded and clamped to 0..65535) when the data has it, else 0. Per axis the offset is the
 * data's origin and the scale the power of two that fits the largest stored coordinate into 30 bits, so a coordinate
 * comes back within half a scale step (about 1e-9 of the cloud's extent) of what was written. Normals and faces
 * are not written.
 */
public final class LasWriter implements GeometryWriter {
    private static final int MIN_EXPONENT = -60;

    @Override
    public void write(GeometryData data, OutputStream out, WriteOptions options) throws IOException {
        float[] p = data.positions();
        float[] c = data.colors();
        float[] in = data.scalars().get("intensity");
        int n = data.vertexCount();
        Vec3d o = data.origin();
        double[] offset = {o.x(), o.y(), o.z()};
        double[] scale = new double[3];
        double[] min = new double[3];
        double[] max = new double[3];
        for (int axis = 0; axis < 3; axis++) {
            double m = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = axis; i < p.length; i += 3) {
                m = Math.max(m, Math.abs(p[i]));
                lo = Math.min(lo, p[i]);
                hi = Math.max(hi, p[i]);
            }
            int e = m == 0 ? MIN_EXPONENT : Math.max(MIN_EXPONENT, Math.getExponent(m) + 1 - 30);
            scale[axis] = Math.scalb(1.0, e);
            min[axis] = n == 0 ? 0 : offset[axis] + lo;
            max[axis] = n == 0 ? 0 : offset[axis] + hi;
        }
        int format = c == null ? 0 : 2;
        int recordLength = c == null ? 20 : 26;
        BinaryOutput bin = new BinaryOutput(out, ByteOrder.LITTLE_ENDIAN);
        bin.put("LASF".getBytes(StandardCharsets.US_ASCII)).putShort(0).putShort(0).put(new byte[16]);
        bin.putByte(1).putByte(2).put(padded("isofield", 32)).put(padded("isofield", 32)).putShort(0).putShort(0);
        bin.putShort(LasHeader.MIN_SIZE).putInt(LasHeader.MIN_SIZE).putInt(0).putByte(format).putShort(recordLength);
        bin.putInt(n).putInt(n).putInt(0).putInt(0).putInt(0).putInt(0);
        for (double s : scale) {
            bin.putDouble(s);
        }
        for (double t : offset) {
            bin.putDouble(t);
        }
        for (int axis = 0; axis < 3; axis++) {
            bin.putDouble(max[axis]).putDouble(min[axis]);
        }
        WriteMeter meter = new WriteMeter(options.progress(), n);
        for (int i = 0; i < p.length; i += 3) {
            bin.putInt((int) Math.round(p[i] / scale[0])).putInt((int) Math.round(p[i + 1] / scale[1]))
                    .putInt((int) Math.round(p[i + 2] / scale[2]));
            bin.putShort(in == null ? 0 : clamp16(in[i / 3])).putByte(0b0000_1001).putByte(0).putByte(0).putByte(0)
                    .putShort(0);
            if (c != null) {
                bin.putShort(color16(c[i])).putShort(color16(c[i + 1])).putShort(color16(c[i + 2]));
            }
            meter.item();
        }
        bin.flush();
        meter.done();
    }

    private static byte[] padded(String s, int length) {
        return Arrays.copyOf(s.getBytes(StandardCharsets.US_ASCII), length);
    }

    /** A colour in [0, 1] as 0..65535, rounded and clamped; NaN becomes 0. */
    private static int color16(float v) {
        return clamp16(v * 65535f);
    }

    /** Rounded and clamped to 0..65535; NaN becomes 0. */
    private static int clamp16(float v) {
        int q = Math.round(v);
        return q < 0 ? 0 : Math.min(q, 65535);
    }
}
