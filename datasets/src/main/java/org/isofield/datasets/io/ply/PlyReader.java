package org.isofield.datasets.io.ply;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isofield.core.FormatException;
import org.isofield.core.ProgressMeter;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryFormat;
import org.isofield.datasets.io.GeometryReader;
import org.isofield.datasets.io.ReadOptions;
import org.isofield.datasets.io.internal.BinaryInput;
import org.isofield.datasets.io.internal.GeometryBuilder;
import org.isofield.datasets.io.internal.TextInput;
import org.isofield.datasets.io.ply.PlyHeader.Element;

/**
 * Reads PLY files (Turk 1994): ascii, binary little endian and binary big endian, with properties in any order and
 * of any type. Uses element {@code vertex} (x y z; nx ny nz when all three are present; red green blue, also named
 * r g b or diffuse_red ..., when all three are present: integer colours are divided by 255, or 65535 for 16-bit
 * types, float colours are taken as they are; alpha is ignored) and element {@code face} (list
 * {@code vertex_indices} or {@code vertex_index} of any count and index type, polygons fan-triangulated). Every
 * other element and property is skipped, lists included (e.g. {@code range_grid} of Stanford range scans).
 *
 * <p>Before allocating, the declared counts are checked against the bytes that follow the header. Binary bodies
 * are read through a large direct buffer, with a fast path when all vertex properties are {@code float}. The
 * file must end after the last declared element (blank lines aside in ascii files).
 */
public final class PlyReader implements GeometryReader {
    @Override
    public GeometryData read(Path file, ReadOptions options) throws IOException {
        ProgressMeter meter = ProgressMeter.of(options.progress(), "read", Files.size(file));
        try (TextInput in = TextInput.open(file, meter)) {
            PlyHeader header = PlyHeader.read(in);
            PlyLayout layout = PlyLayout.of(header, file);
            long bodyBytes = in.channel().size() - header.bodyOffset();
            checkCounts(header, bodyBytes, file);
            GeometryBuilder builder = new GeometryBuilder(options.dropNonFinite(), layout.vertexCount());
            if (layout.normals) {
                builder.withNormals();
            }
            if (layout.colors) {
                builder.withColors();
            }
            for (String name : layout.scalarNames) {
                builder.withScalar(name);
            }
            if (layout.face != null) {
                builder.withFaces((int) Math.min(layout.face.count(), Integer.MAX_VALUE / 4));
            }
            if (header.encoding() == PlyHeader.Encoding.ASCII) {
                new PlyAsciiBody(in, header, layout, builder).read();
            } else {
                ByteOrder order = header.encoding() == PlyHeader.Encoding.BINARY_LITTLE_ENDIAN
                        ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                BinaryInput body = new BinaryInput(file, in.channel(), header.bodyOffset(), order, meter);
                new PlyBinaryBody(body, header, layout, builder).read();
            }
            meter.done();
            return builder.build(GeometryFormat.PLY);
        }
    }

    /** Rejects counts the body cannot hold before anything is allocated for them. */
    private static void checkCounts(PlyHeader header, long bodyBytes, Path file) {
        long needed = 0;
        long tokens = 0;
        for (Element e : header.elements()) {
            needed += e.count() * e.minSize();
            tokens += e.count() * e.properties().size();
        }
        if (header.encoding() == PlyHeader.Encoding.ASCII) {
            if (2 * tokens - 1 > bodyBytes) {
                throw FormatException.atLine(file, header.lines(), "the header declares " + describe(header)
                        + ", at least " + (2 * tokens - 1) + " bytes of ascii data, but only " + bodyBytes
                        + " bytes follow the header; the counts are wrong or the file is truncated");
            }
        } else if (needed > bodyBytes) {
            throw FormatException.atByte(file, header.bodyOffset(), "the header declares " + describe(header)
                    + ", at least " + needed + " bytes, but only " + bodyBytes
                    + " bytes follow the header; the counts are wrong or the file is truncated");
        }
    }

    private static String describe(PlyHeader header) {
        StringBuilder s = new StringBuilder();
        for (Element e : header.elements()) {
            s.append(s.length() == 0 ? "" : " and ").append(e.count()).append(' ').append(e.name()).append(" records");
        }
        return s.toString();
    }
}
