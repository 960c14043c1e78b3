package org.isofield.datasets.io.off;

import java.io.IOException;
import java.io.OutputStream;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryWriter;
import org.isofield.datasets.io.WriteOptions;
import org.isofield.datasets.io.internal.TextOutput;
import org.isofield.datasets.io.internal.WriteMeter;

/**
 * Writes OFF (always text): header {@code OFF}, {@code NOFF}, {@code COFF} or {@code CNOFF} by the attributes
 * present, counts line {@code vertices faces 0}, vertex lines {@code x y z [nx ny nz] [r g b 255]} (colours as
 * whole numbers 0..255; positions as floats, or double world coordinates when the origin is not zero), then
 * {@code 3 a b c} per triangle.
 */
public final class OffWriter implements GeometryWriter {
    @Override
    public void write(GeometryData data, OutputStream stream, WriteOptions options) throws IOException {
        WriteMeter meter = new WriteMeter(options.progress(), (long) data.vertexCount() + data.faceCount());
        TextOutput out = new TextOutput(stream);
        float[] p = data.positions();
        float[] n = data.normals();
        float[] c = data.colors();
        out.text(c != null ? "C" : "").text(n != null ? "N" : "").text("OFF\n")
                .number((long) data.vertexCount()).ch(' ').number((long) data.faceCount()).text(" 0\n");
        Vec3d o = data.origin();
        boolean wide = !o.equals(Vec3d.ZERO);
        for (int i = 0; i < p.length; i += 3) {
            if (wide) {
                out.number(o.x() + p[i]).ch(' ').number(o.y() + p[i + 1]).ch(' ').number(o.z() + p[i + 2]);
            } else {
                out.number(p[i]).ch(' ').number(p[i + 1]).ch(' ').number(p[i + 2]);
            }
            if (n != null) {
                out.ch(' ').number(n[i]).ch(' ').number(n[i + 1]).ch(' ').number(n[i + 2]);
            }
            if (c != null) {
                out.ch(' ').number(WriteMeter.colorByte(c[i])).ch(' ').number(WriteMeter.colorByte(c[i + 1]))
                        .ch(' ').number(WriteMeter.colorByte(c[i + 2])).text(" 255");
            }
            out.ch('\n');
            meter.item();
        }
        int[] f = data.faces();
        if (f != null) {
            for (int t = 0; t < f.length; t += 3) {
                out.text("3 ").number(f[t]).ch(' ').number(f[t + 1]).ch(' ').number(f[t + 2]).ch('\n');
                meter.item();
            }
        }
        out.flush();
        meter.done();
    }
}
