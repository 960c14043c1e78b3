package org.isofield.datasets.io.xyz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isofield.core.FormatException;
import org.isofield.core.ProgressMeter;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryFormat;
import org.isofield.datasets.io.GeometryReader;
import org.isofield.datasets.io.ReadOptions;
import org.isofield.datasets.io.internal.GeometryBuilder;
import org.isofield.datasets.io.internal.TextInput;

/**
 * Reads XYZ point files: one point per line, {@code x y z} or {@code x y z nx ny nz}, separated by blanks or
 * commas; {@code #} starts a comment and blank lines are skipped. The first point line fixes the column count (3
 * or 6) and every other line must have the same. A file without any point is an error. Never has faces.
 */
public final class XyzReader implements GeometryReader {
    @Override
    public GeometryData read(Path file, ReadOptions options) throws IOException {
        ProgressMeter meter = ProgressMeter.of(options.progress(), "read", Files.size(file));
        try (TextInput in = TextInput.open(file, meter)) {
            in.comment('#').commas(true);
            GeometryBuilder builder = new GeometryBuilder(options.dropNonFinite(), 1 << 12);
            int columns = 0;
            long firstLine = 0;
            while (in.nextLine()) {
                int have = in.remainingTokens();
                if (have == 0) {
                    continue;
                }
                if (columns == 0) {
                    if (have != 3 && have != 6) {
                        throw in.error("found " + have + " values; expected 3 (x y z) or 6 (x y z nx ny nz)");
                    }
                    columns = have;
                    firstLine = in.lineNumber();
                    if (columns == 6) {
                        builder.withNormals();
                    }
                } else if (have != columns) {
                    throw in.error("found " + have + " values; expected " + columns + " like line " + firstLine);
                }
                in.number("x");
                double x = in.value();
                float fx = in.floatValue();
                in.number("y");
                double y = in.value();
                float fy = in.floatValue();
                in.number("z");
                builder.addPosition(x, fx, y, fy, in.value(), in.floatValue(), in);
                if (columns == 6) {
                    in.number("nx");
                    float nx = in.floatValue();
                    in.number("ny");
                    float ny = in.floatValue();
                    in.number("nz");
                    builder.addNormal(nx, ny, in.floatValue(), in);
                }
            }
            if (columns == 0) {
                throw FormatException.inFile(file, "no points in " + in.lineNumber()
                        + " lines; expected lines of x y z or x y z nx ny nz");
            }
            meter.done();
            return builder.build(GeometryFormat.XYZ);
        }
    }
}
