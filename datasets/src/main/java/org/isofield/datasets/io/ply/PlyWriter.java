package org.isofield.datasets.io.ply;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import org.isofield.datasets.geom.DoubleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.geom.VertexAttributes;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryWriter;
import org.isofield.datasets.io.WriteOptions;
import org.isofield.datasets.io.internal.BinaryOutput;
import org.isofield.datasets.io.internal.TextOutput;
import org.isofield.datasets.io.internal.WriteMeter;

/**
 * Writes PLY: binary little endian by default, ascii when {@link WriteOptions#binary()} is false. Vertices carry
 * x y z as {@code float} when the origin is zero, else as {@code double} world coordinates so that no precision is
 * lost; then nx ny nz ({@code float}) and red green blue ({@code uchar}, colours times 255, rounded) when present,
 * then each named scalar as a {@code float} property of its name ({@code quality}, {@code intensity}, ...).
 * Faces, when present, are {@code property list uchar int vertex_indices} with three indices each. Ascii numbers
 * read back to the same float or double.
 */
public final class PlyWriter implements GeometryWriter {
    @Override
    public void write(GeometryData data, OutputStream out, WriteOptions options) throws IOException {
        boolean wide = !data.origin().equals(Vec3d.ZERO);
        String xyzType = wide ? "double" : "float";
        StringBuilder h = new StringBuilder("ply\nformat ")
                .append(options.binary() ? "binary_little_endian" : "ascii").append(" 1.0\n")
                .append("comment written by isofield\n")
                .append("element vertex ").append(data.vertexCount()).append('\n');
        for (String axis : new String[] {"x", "y", "z"}) {
            h.append("property ").append(xyzType).append(' ').append(axis).append('\n');
        }
        if (data.hasNormals()) {
            h.append("property float nx\nproperty float ny\nproperty float nz\n");
        }
        if (data.hasColors()) {
            h.append("property uchar red\nproperty uchar green\nproperty uchar blue\n");
        }
        for (String name : data.scalars().keySet()) {
            h.append("property float ").append(name).append('\n');
        }
        if (data.faces() != null) {
            h.append("element face ").append(data.faceCount()).append('\n')
                    .append("property list uchar int vertex_indices\n");
        }
        h.append("end_header\n");
        WriteMeter meter = new WriteMeter(options.progress(), (long) data.vertexCount() + data.faceCount());
        TextOutput text = new TextOutput(out);
        text.text(h.toString());
        if (options.binary()) {
            text.flush();
            writeBinary(data, new BinaryOutput(out, ByteOrder.LITTLE_ENDIAN), wide, meter);
        } else {
            writeAscii(data, text, wide, meter);
            text.flush();
        }
        meter.done();
    }

    /**
     * Writes a mesh with double coordinates as PLY with {@code double} x y z, so the file holds exactly the doubles
     * given (ascii numbers read back to the same double), then the attributes' colours and scalars as in
     * {@link #write}; faces as in {@link #write}.
     */
    public static void writeDouble(DoubleMesh mesh, VertexAttributes attributes, OutputStream out,
            WriteOptions options) throws IOException {
        StringBuilder h = new StringBuilder("ply\nformat ").append(options.binary() ? "binary_little_endian" : "ascii")
                .append(" 1.0\ncomment written by isofield\nelement vertex ").append(mesh.vertexCount())
                .append("\nproperty double x\nproperty double y\nproperty double z\n");
        float[] c = attributes.colors();
        if (c != null) {
            h.append("property uchar red\nproperty uchar green\nproperty uchar blue\n");
        }
        for (String name : attributes.scalars().keySet()) {
            h.append("property float ").append(name).append('\n');
        }
        h.append("element face ").append(mesh.faceCount()).append("\nproperty list uchar int vertex_indices\n")
                .append("end_header\n");
        float[][] sc = attributes.scalars().values().toArray(new float[0][]);
        WriteMeter meter = new WriteMeter(options.progress(), (long) mesh.vertexCount() + mesh.faceCount());
        TextOutput text = new TextOutput(out);
        text.text(h.toString());
        double[] p = mesh.vertices();
        int[] f = mesh.faces();
        if (options.binary()) {
            text.flush();
            BinaryOutput bin = new BinaryOutput(out, ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < p.length; i += 3) {
                bin.putDouble(p[i]).putDouble(p[i + 1]).putDouble(p[i + 2]);
                if (c != null) {
                    bin.putByte(WriteMeter.colorByte(c[i])).putByte(WriteMeter.colorByte(c[i + 1]))
                            .putByte(WriteMeter.colorByte(c[i + 2]));
                }
                for (float[] a : sc) {
                    bin.putFloat(a[i / 3]);
                }
                meter.item();
            }
            for (int t = 0; t < f.length; t += 3) {
                bin.putByte(3).putInt(f[t]).putInt(f[t + 1]).putInt(f[t + 2]);
                meter.item();
            }
            bin.flush();
        } else {
            for (int i = 0; i < p.length; i += 3) {
                text.number(p[i]).ch(' ').number(p[i + 1]).ch(' ').number(p[i + 2]);
                if (c != null) {
                    text.ch(' ').number(WriteMeter.colorByte(c[i])).ch(' ').number(WriteMeter.colorByte(c[i + 1]))
                            .ch(' ').number(WriteMeter.colorByte(c[i + 2]));
                }
                for (float[] a : sc) {
                    text.ch(' ').number(a[i / 3]);
                }
                text.ch('\n');
                meter.item();
            }
            for (int t = 0; t < f.length; t += 3) {
                text.text("3 ").number(f[t]).ch(' ').number(f[t + 1]).ch(' ').number(f[t + 2]).ch('\n');
                meter.item();
            }
            text.flush();
        }
        meter.done();
    }

    private static void writeBinary(GeometryData data, BinaryOutput out, boolean wide, WriteMeter meter)
            throws IOException {
        float[] p = data.positions();
        float[] n = data.normals();
        float[] c = data.colors();
        float[][] sc = data.scalars().values().toArray(new float[0][]);
        Vec3d o = data.origin();
        for (int i = 0; i < p.length; i += 3) {
            if (wide) {
                out.putDouble(o.x() + p[i]).putDouble(o.y() + p[i + 1]).putDouble(o.z() + p[i + 2]);
            } else {
                out.putFloat(p[i]).putFloat(p[i + 1]).putFloat(p[i + 2]);
            }
            if (n != null) {
                out.putFloat(n[i]).putFloat(n[i + 1]).putFloat(n[i + 2]);
            }
            if (c != null) {
                out.putByte(WriteMeter.colorByte(c[i])).putByte(WriteMeter.colorByte(c[i + 1]))
                        .putByte(WriteMeter.colorByte(c[i + 2]));
            }
            for (float[] a : sc) {
                out.putFloat(a[i / 3]);
            }
            meter.item();
        }
        int[] f = data.faces();
        if (f != null) {
            for (int t = 0; t < f.length; t += 3) {
                out.putByte(3).putInt(f[t]).putInt(f[t + 1]).putInt(f[t + 2]);
                meter.item();
            }
        }
        out.flush();
    }

    private static void writeAscii(GeometryData data, TextOutput out, boolean wide, WriteMeter meter)
            throws IOException {
        float[] p = data.positions();
        float[] n = data.normals();
        float[] c = data.colors();
        float[][] sc = data.scalars().values().toArray(new float[0][]);
        Vec3d o = data.origin();
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
                        .ch(' ').number(WriteMeter.colorByte(c[i + 2]));
            }
            for (float[] a : sc) {
                out.ch(' ').number(a[i / 3]);
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
    }
}
