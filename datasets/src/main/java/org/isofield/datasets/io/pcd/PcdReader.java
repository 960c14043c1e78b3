package org.isofield.datasets.io.pcd;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isofield.core.FormatException;
import org.isofield.core.ProgressMeter;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryReader;
import org.isofield.datasets.io.ReadOptions;
import org.isofield.datasets.io.internal.BinaryInput;
import org.isofield.datasets.io.internal.TextInput;

/**
 * Reads PCD files as the Point Cloud Library writes them (format 0.7): {@code DATA ascii}, {@code binary} and
 * {@code binary_compressed}, organised ({@code HEIGHT > 1}) or not. Fields are described in {@link PcdLayout}:
 * positions, normals, packed {@code rgb}/{@code rgba} colours and intensity; other fields are skipped.
 *
 * <p>Missing points: PCL marks the empty pixels of an organised cloud (and points removed by filters that keep
 * the organisation) with NaN coordinates. Such points are <b>always dropped</b>, whatever
 * {@link ReadOptions#dropNonFinite()}, and counted in {@link GeometryData#droppedNonFinite()}; see
 * {@link PcdPoints}. The organisation itself (row and column of each point) is not kept.
 *
 * <p>Before allocating, the point count is checked against the bytes that follow the header (and, for
 * {@code binary_compressed}, the uncompressed size against what LZF can produce from the compressed bytes), so an
 * absurd header cannot exhaust memory. Intensity is parsed but not yet handed to the geometry (the data model has
 * no per-point scalar; see {@code PcdPoints.handOverIntensity}).
 */
public final class PcdReader implements GeometryReader {
    @Override
    public GeometryData read(Path file, ReadOptions options) throws IOException {
        ProgressMeter meter = ProgressMeter.of(options.progress(), "read", Files.size(file));
        try (TextInput in = TextInput.open(file, meter)) {
            PcdHeader header = PcdHeader.read(in);
            PcdLayout layout = PcdLayout.of(header, file);
            checkCounts(header, in.channel().size() - header.bodyOffset(), file);
            PcdPoints points = new PcdPoints(layout, (int) header.points(), options.dropNonFinite());
            switch (header.data()) {
                case ASCII -> new PcdAsciiBody(in, header, layout, points).read();
                case BINARY -> new PcdBinaryBody(file, header, layout, points).readRecords(
                        new BinaryInput(file, in.channel(), header.bodyOffset(), ByteOrder.LITTLE_ENDIAN, meter));
                default -> new PcdBinaryBody(file, header, layout, points).readCompressed(in.channel(), meter);
            }
            meter.done();
            return points.build();
        }
    }

    /** Rejects point counts the body cannot hold before anything is allocated for them. */
    private static void checkCounts(PcdHeader header, long bodyBytes, Path file) {
        long n = header.points();
        if (header.data() == PcdHeader.Data.ASCII) {
            long needed = n == 0 ? 0 : n * 2 * header.valuesPerPoint() - 1;
            if (needed > bodyBytes) {
                throw FormatException.atLine(file, header.lines(), "the header declares " + n + " points of "
                        + header.valuesPerPoint() + " values, at least " + needed + " bytes of ascii data, but only "
                        + bodyBytes + " bytes follow the header; the counts are wrong or the file is truncated");
            }
        } else if (header.data() == PcdHeader.Data.BINARY && n * header.recordSize() > bodyBytes) {
            throw FormatException.atByte(file, header.bodyOffset(), "the header declares " + n + " points of "
                    + header.recordSize() + " bytes, " + n * header.recordSize() + " bytes, but only " + bodyBytes
                    + " bytes follow the header; the counts are wrong or the file is truncated");
        }
    }
}
