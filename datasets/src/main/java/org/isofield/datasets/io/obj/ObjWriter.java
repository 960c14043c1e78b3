package org.isofield.datasets.io.obj;

import java.io.IOException;
import java.io.OutputStream;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryWriter;
import org.isofield.datasets.io.WriteOptions;
import org.isofield.datasets.io.internal.TextOutput;
import org.isofield.datasets.io.internal.WriteMeter;

/**
 * Writes Wavefront OBJ (always text): {@code v} lines (floats, or double world coordinates when the origin is not
 * zero), {@code vn} lines when there are normals (one per vertex), and {@code f a b c} with 1-based indices, or
 * {@code f a//a b//b c//c} when there are normals. Colours are not written.
 */
public final class ObjWriter implements GeometryWriter {
    @Override
    public void write(GeometryData data, OutputStream stream, WriteOptions options) throws IOException {
        WriteMeter meter = new WriteMeter(options.progress(), (long) data.vertexCount() + data.faceCount());
        TextOutput out = new TextOutput(stream);
        out.text("# written by isofield: ").number((long) data.vertexCount()).text(" vertices, ")
                .number((long) data.faceCount()).text(" triangles\n");
        float[] p = data.positions();
        Vec3d o = data.origin();
        boolean wide = !o.equals(Vec3d.ZERO);
        for (int i = 0; i < p.length; i += 3) {
            out.text("v ");
            if (wide) {
                out.number(o.x() + p[i]).ch(' ').number(o.y() + p[i + 1]).ch(' ').number(o.z() + p[i + 2]);
            } else {
                out.number(p[i]).ch(' ').number(p[i + 1]).ch(' ').number(p[i + 2]);
            }
            out.ch('\n');
            meter.item();
        }
        float[] n = data.normals();
        if (n != null) {
            for (int i = 0; i < n.length; i += 3) {
                out.text("vn ").number(n[i]).ch(' ').number(n[i + 1]).ch(' ').number(n[i + 2]).ch('\n');
            }
        }
        int[] f = data.faces();
        if (f != null) {
            for (int t = 0; t < f.length; t += 3) {
                out.ch('f');
                for (int k = 0; k < 3; k++) {
                    long v = f[t + k] + 1L;
                    out.ch(' ').number(v);
                    if (n != null) {
                        out.text("//").number(v);
                    }
                }
                out.ch('\n');
                meter.item();
            }
        }
        out.flush();
        meter.done();
    }
}
