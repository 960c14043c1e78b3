package org.isofield.datasets.io.pcd;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryWriter;
import org.isofield.datasets.io.WriteOptions;
import org.isofield.datasets.io.internal.BinaryOutput;
import org.isofield.datasets.io.internal.TextOutput;
import org.isofield.datasets.io.internal.WriteMeter;

/**
 * Writes PCD 0.7 as PCL's tools do: {@code DATA binary} by default, {@code DATA ascii} when
 * {@link WriteOptions#binary()} is false; an unorganised cloud ({@code HEIGHT 1}) with the identity viewpoint.
 * Fields: {@code x y z} as {@code F 4} when the origin is zero, else as {@code F 8} world coordinates so that no
 * precision is lost; then {@code normal_x normal_y normal_z} ({@code F 4}) and {@code rgb} ({@code F 4} whose bits
 * are {@code 0x00RRGGBB}, colours times 255, rounded; written as that whole number in ascii, as PCL does) when
 * present, then {@code intensity} ({@code F 4}) when the data has that scalar (other scalars are not written). Faces
 * are not written. Ascii numbers read back to the same float or double.
 */
public final class PcdWriter implements GeometryWriter {
    @Override
    public void write(GeometryData data, OutputStream out, WriteOptions options) throws IOException {
        boolean wide = !data.origin().equals(Vec3d.ZERO);
        int xyzSize = wide ? 8 : 4;
        StringBuilder fields = new StringBuilder("x y z");
        StringBuilder size = new StringBuilder(xyzSize + " " + xyzSize + " " + xyzSize);
        StringBuilder type = new StringBuilder("F F F");
        StringBuilder count = new StringBuilder("1 1 1");
        if (data.hasNormals()) {
            fields.append(" normal_x normal_y normal_z");
            size.append(" 4 4 4");
            type.append(" F F F");
            count.append(" 1 1 1");
        }
        if (data.hasColors()) {
            fields.append(" rgb");
            size.append(" 4");
            type.append(" F");
            count.append(" 1");
        }
        float[] in = data.scalars().get("intensity");
        if (in != null) {
            fields.append(" intensity");
            size.append(" 4");
            type.append(" F");
            count.append(" 1");
        }
        int n = data.vertexCount();
        String header = "# .PCD v0.7 - Point Cloud Data file format (written by isofield)\nVERSION 0.7\n"
                + "FIELDS " + fields + "\nSIZE " + size + "\nTYPE " + type + "\nCOUNT " + count + "\nWIDTH " + n
                + "\nHEIGHT 1\nVIEWPOINT 0 0 0 1 0 0 0\nPOINTS " + n + "\nDATA "
                + (options.binary() ? "binary" : "ascii") + "\n";
        WriteMeter meter = new WriteMeter(options.progress(), n);
        TextOutput text = new TextOutput(out);
        text.text(header);
        float[] p = data.positions();
        float[] nn = data.normals();
        float[] c = data.colors();
        Vec3d o = data.origin();
        BinaryOutput bin = null;
        if (options.binary()) {
            text.flush();
            bin = new BinaryOutput(out, ByteOrder.LITTLE_ENDIAN);
        }
        for (int i = 0; i < p.length; i += 3) {
            int rgb = c == null ? 0 : (WriteMeter.colorByte(c[i]) << 16) | (WriteMeter.colorByte(c[i + 1]) << 8)
                    | WriteMeter.colorByte(c[i + 2]);
            if (bin != null) {
                if (wide) {
                    bin.putDouble(o.x() + p[i]).putDouble(o.y() + p[i + 1]).putDouble(o.z() + p[i + 2]);
                } else {
                    bin.putFloat(p[i]).putFloat(p[i + 1]).putFloat(p[i + 2]);
                }
                if (nn != null) {
                    bin.putFloat(nn[i]).putFloat(nn[i + 1]).putFloat(nn[i + 2]);
                }
                if (c != null) {
                    bin.putInt(rgb);
                }
                if (in != null) {
                    bin.putFloat(in[i / 3]);
                }
            } else {
                if (wide) {
                    text.number(o.x() + p[i]).ch(' ').number(o.y() + p[i + 1]).ch(' ').number(o.z() + p[i + 2]);
                } else {
                    text.number(p[i]).ch(' ').number(p[i + 1]).ch(' ').number(p[i + 2]);
                }
                if (nn != null) {
                    text.ch(' ').number(nn[i]).ch(' ').number(nn[i + 1]).ch(' ').number(nn[i + 2]);
                }
                if (c != null) {
                    text.ch(' ').number((long) rgb);
                }
                if (in != null) {
                    text.ch(' ').number(in[i / 3]);
                }
                text.ch('\n');
            }
            meter.item();
        }
        if (bin != null) {
            bin.flush();
        } else {
            text.flush();
        }
        meter.done();
    }
}
