package org.isofield.datasets.io.xyz;

import java.io.IOException;
import java.io.OutputStream;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryWriter;
import org.isofield.datasets.io.WriteOptions;
import org.isofield.datasets.io.internal.TextOutput;
import org.isofield.datasets.io.internal.WriteMeter;

/**
 * Writes XYZ (always text): {@code x y z} or {@code x y z nx ny nz} per line, positions as floats or, when the
 * origin is not zero, as double world coordinates. Faces and colours are not written.
 */
public final class XyzWriter implements GeometryWriter {
    @Override
    public void write(GeometryData data, OutputStream stream, WriteOptions options) throws IOException {
        WriteMeter meter = new WriteMeter(options.progress(), data.vertexCount());
        TextOutput out = new TextOutput(stream);
        float[] p = data.positions();
        float[] n = data.normals();
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
            out.ch('\n');
            meter.item();
        }
        out.flush();
        meter.done();
    }
}
