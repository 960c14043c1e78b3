package org.isofield.datasets.io.stl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.isofield.core.FormatException;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryWriter;
import org.isofield.datasets.io.WriteOptions;
import org.isofield.datasets.io.internal.BinaryOutput;
import org.isofield.datasets.io.internal.TextOutput;
import org.isofield.datasets.io.internal.WriteMeter;

/**
 * Writes STL: binary by default (an 80-byte header that does not start with "solid", the triangle count, then per
 * triangle its unit normal, three float corners in world coordinates and a zero attribute word), ascii when
 * {@link WriteOptions#binary()} is false (ascii corners are doubles when the origin is not zero). Facet normals are
 * computed from the corners (zero for degenerate triangles). STL holds only triangles: vertex normals, colours and
 * unreferenced vertices are lost, and data without faces is refused.
 */
public final class StlWriter implements GeometryWriter {
    @Override
    public void check(GeometryData data, Path target) {
        if (data.faces() == null) {
            throw FormatException.inFile(target, "STL holds only triangles and the data has none ("
                    + data.vertexCount() + " points); write points as PLY, XYZ, OBJ or OFF");
        }
    }

    @Override
    public void write(GeometryData data, OutputStream out, WriteOptions options) throws IOException {
        WriteMeter meter = new WriteMeter(options.progress(), data.faceCount());
        if (options.binary()) {
            writeBinary(data, new BinaryOutput(out, ByteOrder.LITTLE_ENDIAN), meter);
        } else {
            writeAscii(data, new TextOutput(out), meter);
        }
        meter.done();
    }

    private static void writeBinary(GeometryData data, BinaryOutput out, WriteMeter meter) throws IOException {
        byte[] header = new byte[80];
        byte[] text = "isofield binary STL".getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(header, (byte) ' ');
        System.arraycopy(text, 0, header, 0, text.length);
        out.put(header).putInt(data.faceCount());
        float[] p = data.positions();
        int[] f = data.faces();
        Vec3d o = data.origin();
        boolean wide = !o.equals(Vec3d.ZERO);
        float[] nrm = new float[3];
        for (int t = 0; t < f.length; t += 3) {
            normal(p, f[t], f[t + 1], f[t + 2], nrm);
            out.putFloat(nrm[0]).putFloat(nrm[1]).putFloat(nrm[2]);
            for (int k = 0; k < 3; k++) {
                int v = 3 * f[t + k];
                if (wide) {
                    out.putFloat((float) (o.x() + p[v])).putFloat((float) (o.y() + p[v + 1]))
                            .putFloat((float) (o.z() + p[v + 2]));
                } else {
                    out.putFloat(p[v]).putFloat(p[v + 1]).putFloat(p[v + 2]);
                }
            }
            out.putShort(0);
            meter.item();
        }
        out.flush();
    }

    private static void writeAscii(GeometryData data, TextOutput out, WriteMeter meter) throws IOException {
        out.text("solid isofield\n");
        float[] p = data.positions();
        int[] f = data.faces();
        Vec3d o = data.origin();
        boolean wide = !o.equals(Vec3d.ZERO);
        float[] nrm = new float[3];
        for (int t = 0; t < f.length; t += 3) {
            normal(p, f[t], f[t + 1], f[t + 2], nrm);
            out.text("  facet normal ").number(nrm[0]).ch(' ').number(nrm[1]).ch(' ').number(nrm[2])
                    .text("\n    outer loop\n");
            for (int k = 0; k < 3; k++) {
                int v = 3 * f[t + k];
                out.text("      vertex ");
                if (wide) {
                    out.number(o.x() + p[v]).ch(' ').number(o.y() + p[v + 1]).ch(' ').number(o.z() + p[v + 2]);
                } else {
                    out.number(p[v]).ch(' ').number(p[v + 1]).ch(' ').number(p[v + 2]);
                }
                out.ch('\n');
            }
            out.text("    endloop\n  endfacet\n");
            meter.item();
        }
        out.text("endsolid isofield\n");
        out.flush();
    }

    /** The unit normal of triangle (a, b, c) into {@code n}; zero when degenerate. */
    private static void normal(float[] p, int a, int b, int c, float[] n) {
        double ux = p[3 * b] - p[3 * a], uy = p[3 * b + 1] - p[3 * a + 1], uz = p[3 * b + 2] - p[3 * a + 2];
        double vx = p[3 * c] - p[3 * a], vy = p[3 * c + 1] - p[3 * a + 1], vz = p[3 * c + 2] - p[3 * a + 2];
        double x = uy * vz - uz * vy, y = uz * vx - ux * vz, z = ux * vy - uy * vx;
        double len = Math.sqrt(x * x + y * y + z * z);
        boolean ok = len > 0 && Double.isFinite(len);
        n[0] = ok ? (float) (x / len) : 0f;
        n[1] = ok ? (float) (y / len) : 0f;
        n[2] = ok ? (float) (z / len) : 0f;
    }
}
