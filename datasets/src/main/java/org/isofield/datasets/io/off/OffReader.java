package org.isofield.datasets.io.off;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isofield.core.ProgressMeter;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryFormat;
import org.isofield.datasets.io.GeometryReader;
import org.isofield.datasets.io.ReadOptions;
import org.isofield.datasets.io.internal.DecimalParser;
import org.isofield.datasets.io.internal.GeometryBuilder;
import org.isofield.datasets.io.internal.TextInput;
import org.isofield.datasets.io.internal.Texts;

/**
 * Reads Object File Format (Geomview) text files: a header keyword {@code [ST][C][N]OFF} ({@code OFF}, {@code NOFF},
 * {@code COFF}, {@code CNOFF}, ...), a counts line {@code vertices faces [edges]} (which may share the header
 * line; the header keyword may be left out), one vertex per line ({@code x y z}, then {@code nx ny nz} with N, then
 * {@code r g b [a]} with C, then
 * {@code s t} with ST), then one face per line ({@code n i1 ... in} with 0-based indices, optionally followed by a
 * face colour, which is ignored); polygons are fan-triangulated. {@code #} starts a comment; blank lines are
 * skipped. Colour values written as whole numbers are divided by 255, values with a decimal point or exponent are
 * taken as they are. Binary OFF and 4D/nD variants are not supported.
 */
public final class OffReader implements GeometryReader {
    @Override
    public GeometryData read(Path file, ReadOptions options) throws IOException {
        ProgressMeter meter = ProgressMeter.of(options.progress(), "read", Files.size(file));
        try (TextInput in = TextInput.open(file, meter)) {
            in.comment('#');
            nextDataLine(in, "the OFF header");
            in.nextToken();
            OffHeader header;
            if (DecimalParser.parseLong(in.buffer(), in.tokenStart(), in.tokenEnd()) != Long.MIN_VALUE) {
                header = new OffHeader(false, false, false);
                in.rewindLine();
            } else {
                header = OffHeader.parse(in);
            }
            if (in.remainingTokens() == 0) {
                nextDataLine(in, "the counts line (vertices faces edges)");
            }
            int nv = (int) in.integer("the vertex count", 0, GeometryBuilder.MAX_VERTICES);
            int nf = (int) in.integer("the face count", 0, GeometryBuilder.MAX_VERTICES);
            if (in.remainingTokens() > 0) {
                in.integer("the edge count", 0, Long.MAX_VALUE / 2);
            }
            in.expectEnd("the counts");
            long left = in.channel().size() - in.offsetAfterLine();
            long needed = 6L * nv + 8L * nf - 1;
            if (needed > left) {
                throw in.error("the counts declare " + nv + " vertices and " + nf + " faces, at least " + needed
                        + " bytes, but only " + left + " bytes follow; the counts are wrong or the file is truncated");
            }
            GeometryBuilder builder = new GeometryBuilder(options.dropNonFinite(), nv).withFaces(nf);
            if (header.normals()) {
                builder.withNormals();
            }
            if (header.colors()) {
                builder.withColors();
            }
            for (int i = 0; i < nv; i++) {
                nextRecord(in, i, nv, "vertices");
                vertex(in, header, builder);
            }
            for (int i = 0; i < nf; i++) {
                nextRecord(in, i, nf, "faces");
                face(in, nv, builder);
            }
            while (in.nextLine()) {
                if (!in.isBlank()) {
                    throw in.error("found " + in.lineText() + " after the last face; expected the file to end (the "
                            + "counts line declares " + Texts.count(nv, "vertex", "vertices") + " and "
                            + Texts.count(nf, "face", "faces") + ")");
                }
            }
            meter.done();
            return builder.build(GeometryFormat.OFF);
        }
    }

    private static void nextDataLine(TextInput in, String what) throws IOException {
        do {
            if (!in.nextLine()) {
                throw in.error("file ends before " + what);
            }
        } while (in.isBlank());
    }

    private static void nextRecord(TextInput in, int i, int n, String what) throws IOException {
        do {
            if (!in.nextLine()) {
                throw in.error("file ends after " + i + " of " + n + " " + what + "; expected " + n
                        + " as the counts line declares");
            }
        } while (in.isBlank());
    }

    private static void vertex(TextInput in, OffHeader header, GeometryBuilder builder) {
        int have = in.remainingTokens();
        int base = 3 + (header.normals() ? 3 : 0) + (header.textures() ? 2 : 0);
        boolean alpha = header.colors() && have == base + 4;
        int expected = base + (header.colors() ? (alpha ? 4 : 3) : 0);
        if (have != expected) {
            throw in.error("vertex line has " + have + " values; expected " + header.describeVertex());
        }
        in.number("x of a vertex");
        double x = in.value();
        float fx = in.floatValue();
        in.number("y of a vertex");
        double y = in.value();
        float fy = in.floatValue();
        in.number("z of a vertex");
        builder.addPosition(x, fx, y, fy, in.value(), in.floatValue(), in);
        if (header.normals()) {
            float nx = next(in, "nx of a vertex");
            float ny = next(in, "ny of a vertex");
            builder.addNormal(nx, ny, next(in, "nz of a vertex"), in);
        }
        if (header.colors()) {
            float r = color(in);
            float g = color(in);
            builder.addColor(r, g, color(in));
            if (alpha) {
                color(in);
            }
        }
        while (in.remainingTokens() > 0) {
            in.number("a texture coordinate");
        }
    }

    private static float next(TextInput in, String what) {
        in.number(what);
        return in.floatValue();
    }

    /** A colour value: whole numbers are 0..255, others 0..1. */
    private static float color(TextInput in) {
        in.number("a colour value");
        byte[] b = in.buffer();
        for (int i = in.tokenStart(); i < in.tokenEnd(); i++) {
            if (b[i] == '.' || b[i] == 'e' || b[i] == 'E') {
                return in.floatValue();
            }
        }
        return (float) (in.value() / 255.0);
    }

    private static void face(TextInput in, int nv, GeometryBuilder builder) {
        long n = in.integer("the vertex count of a face", 0, Integer.MAX_VALUE);
        if (n < 3) {
            throw in.error("face has " + n + " vertices; expected at least 3");
        }
        int first = (int) in.integer("a face vertex index", 0, nv - 1L);
        int prev = (int) in.integer("a face vertex index", 0, nv - 1L);
        for (long k = 2; k < n; k++) {
            int cur = (int) in.integer("a face vertex index", 0, nv - 1L);
            builder.addTriangle(first, prev, cur);
            prev = cur;
        }
        int extra = in.remainingTokens();
        if (extra > 4) {
            throw in.error("face line has " + extra + " values after its " + n + " indices; expected at most a colour "
                    + "(3 or 4 values)");
        }
    }
}
