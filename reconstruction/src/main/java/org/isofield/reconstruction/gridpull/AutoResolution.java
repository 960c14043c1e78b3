package org.isofield.reconstruction.gridpull;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.isofield.core.ConfigException;
import org.isofield.core.IsofieldException;

/**
 * Chooses {@code grid_resolution: auto}. The wish comes from the spacing: {@value #CELLS_PER_SPACING} cells per
 * median distance to the 8th nearest neighbour, rounded up to a multiple of 8 within [{@value #MIN}, {@value #MAX}].
 * A thin part sampled on both sides then keeps samples inside it: the sword's blade (about 0.004 of the box) gets
 * about 5 cells at the 1280 this rule gives for 100k points.
 *
 * <p>The wish is then limited by what the band costs. The stored bricks are counted exactly for a candidate
 * resolution (the same rule as {@link BandBuilder}: every 8^3 brick within {@code band_width + 1} cells of a point),
 * and the resolution is lowered until the band holds at most {@value #MAX_STORED_SAMPLES} samples and the estimated
 * peak heap fits {@value #HEAP_SHARE} of the JVM's maximum heap; a cloud whose estimate exceeds the whole heap even at
 * {@value #MIN} is refused before the band is allocated. The estimate: {@value #BYTES_PER_SAMPLE} bytes per
 * stored sample (field, distances, optimiser state of the active part, neighbour tables, garbage; measured 61 on
 * 1M points at 512), {@value #BYTES_PER_POINT} per input point, {@value #BYTES_PER_QUERY} per pooled query, 9 bytes
 * per brick of the whole lattice (directory and labels) and two bits per marching-cubes cell (the seed and visited
 * masks). A 100k-point closed shape stays where the spacing puts it (200-330); a 1M-point scan is held near
 * 640 by the sample cap.
 */
final class AutoResolution {
    /** Cells per median 8th-neighbour distance. */
    static final double CELLS_PER_SPACING = 2.0;
    /** Smallest auto resolution. */
    static final int MIN = 32;
    /** Largest auto resolution. */
    static final int MAX = 2048;
    /** Most stored band samples auto allows (about 1.3 GB and a few minutes of preparation). */
    static final long MAX_STORED_SAMPLES = 16_000_000L;
    /** Share of the maximum heap the estimate may use. */
    static final double HEAP_SHARE = 0.6;
    static final int BYTES_PER_SAMPLE = 80;
    static final int BYTES_PER_POINT = 200;
    static final int BYTES_PER_QUERY = 64;

    /**
     * The outcome.
     *
     * @param cells the chosen resolution
     * @param wanted the spacing rule's resolution before limits
     * @param storedSamples stored band samples at {@code cells} (exact count of bricks times 512)
     * @param estimatedBytes the estimated peak heap at {@code cells}
     * @param limit {@code "none"}, {@code "band"} (sample cap) or {@code "heap"}
     */
    public record Choice(int cells, int wanted, long storedSamples, long estimatedBytes, String limit) {
    }

    private AutoResolution() {
    }

    /** The spacing rule alone: a resolution for a median 8th-neighbour distance in units of the longest side. */
    static int fromSpacing(double medianSpacing) {
        double cells = Math.ceil(CELLS_PER_SPACING / medianSpacing);
        return (int) Math.max(MIN, Math.min(MAX, roundUp8((int) Math.min(cells, 1 << 20))));
    }

    /**
     * Chooses the resolution.
     *
     * @param unit point positions centred on the bounding box and divided by its longest side, {@code 3N}
     * @param medianSpacing median 8th-neighbour distance in the same units
     * @param bandWidth the config's band width
     * @param mcCells the marching-cubes resolution, or 0 when it follows the grid
     * @param poolSize pooled queries
     * @param heapBytes the heap available (normally {@link Runtime#maxMemory()})
     */
    static Choice choose(float[] unit, double medianSpacing, int bandWidth, int mcCells, int poolSize, long heapBytes) {
        return choose(unit, medianSpacing, bandWidth, mcCells, poolSize, heapBytes, MAX_STORED_SAMPLES);
    }

    /** {@link #choose(float[], double, int, int, int, long)} with another sample cap. */
    static Choice choose(float[] unit, double medianSpacing, int bandWidth, int mcCells, int poolSize, long heapBytes,
            long maxStoredSamples) {
        int wanted = fromSpacing(medianSpacing);
        double budget = HEAP_SHARE * heapBytes;
        int cells = wanted;
        String limit = "none";
        while (true) {
            long samples = storedSamples(unit, cells, bandWidth);
            long bytes = estimateBytes(samples, cells, mcCells > 0 ? mcCells : cells, bandWidth, unit.length / 3,
                    poolSize);
            boolean overBand = samples > maxStoredSamples;
            boolean overHeap = bytes > budget;
            if (cells <= MIN && bytes > heapBytes) {
                throw tooBig(unit.length / 3, cells, samples, bytes, heapBytes);
            }
            if ((!overBand && !overHeap) || cells <= MIN) {
                return new Choice(cells, wanted, samples, bytes, limit);
            }
            // the band grows with the area, about the square of the resolution; the limit named is the one that
            // asks for the larger cut (over both, the heap was named first, which misreported a cloud of 10M points
            // held by the sample cap)
            double bandFactor = overBand ? Math.sqrt((double) maxStoredSamples / samples) : 1.0;
            double heapFactor = overHeap ? Math.sqrt(budget / bytes) : 1.0;
            limit = heapFactor < bandFactor ? "heap" : "band";
            double factor = Math.min(bandFactor, heapFactor);
            int next = Math.max(MIN, (int) Math.floor(cells * factor * 0.98 / 8) * 8);
            cells = next < cells ? next : cells - 8;
        }
    }

    /**
     * The error for a cloud whose estimate exceeds the whole heap even at the smallest resolution: raised before the
     * band is allocated, instead of an out-of-memory error minutes later.
     */
    private static IsofieldException tooBig(int points, int cells, long samples, long bytes, long heapBytes) {
        return new IsofieldException(String.format(Locale.ROOT, "GridPull lattice: a cloud of %d points needs about "
                + "%.1f GB of heap even at the smallest auto resolution (%d cells, %.1fM band samples) but the JVM may "
                + "use %.1f GB; expected a larger heap (e.g. ISOFIELD_OPTS=-Xmx%dg) or fewer points (isofield prep "
                + "--voxel-size)", points, bytes / 1e9, cells, samples / 1e6, heapBytes / 1e9,
                (long) Math.ceil(bytes / HEAP_SHARE / (1L << 30))));
    }

    /**
     * Refuses an explicit grid resolution whose band would not fit the heap by the same estimate (with the whole
     * heap as the budget), before anything big is allocated, instead of running out of memory minutes later.
     *
     * @throws ConfigException at {@code $.grid_resolution}, naming the estimate, the heap, the resolution auto would
     *     choose and a heap that would do
     */
    static void checkExplicit(float[] unit, double medianSpacing, int cells, int bandWidth, int mcCells, int poolSize,
            long heapBytes) {
        long samples = storedSamples(unit, cells, bandWidth);
        long bytes = estimateBytes(samples, cells, mcCells > 0 ? mcCells : cells, bandWidth, unit.length / 3, poolSize);
        if (bytes > heapBytes) {
            Choice auto = choose(unit, medianSpacing, bandWidth, mcCells, poolSize, heapBytes);
            throw new ConfigException("$.grid_resolution", String.format(Locale.ROOT, "%d needs about %.1f GB of heap "
                    + "(%.1fM band samples) but the JVM may use %.1f GB; expected a resolution that fits (auto would "
                    + "choose %d here) or a larger heap (e.g. ISOFIELD_OPTS=-Xmx%dg)", cells, bytes / 1e9,
                    samples / 1e6, heapBytes / 1e9, auto.cells(), (long) Math.ceil(bytes / HEAP_SHARE / (1L << 30))));
        }
    }

    /** Stored samples of the band at {@code cells}: bricks within {@code bandWidth + 1} cells of a point, times 512. */
    static long storedSamples(float[] unit, int cells, int bandWidth) {
        int samples = GridPull.samplesPerAxis(cells, bandWidth);
        double half = (samples - 1) / 2.0;
        int nb = samples / SparseGrid.BRICK;
        byte[] stored = BandBuilder.markBricks(unit, half, cells, nb, bandWidth + 1);
        long count = 0;
        for (byte b : stored) {
            count += b;
        }
        return count * SparseGrid.BRICK_SAMPLES;
    }

    static long estimateBytes(long storedSamples, int cells, int mcCells, int bandWidth, int points, int poolSize) {
        long nb = GridPull.samplesPerAxis(cells, bandWidth) / SparseGrid.BRICK;
        long mcSide = (long) Math.ceil((double) GridPull.samplesPerAxis(cells, bandWidth) * mcCells / cells);
        return storedSamples * BYTES_PER_SAMPLE + (long) points * BYTES_PER_POINT + (long) poolSize * BYTES_PER_QUERY
                + 9 * nb * nb * nb + 2 * mcSide * mcSide * mcSide / 8;
    }

    /**
     * The per-unit costs behind {@code estimated_peak_heap_bytes}, for the report: bytes per stored band sample, per
     * input point and per pooled query (measured on a million points at resolution 624: 1.39 GB peak for 15.2M
     * stored samples and 1M points, about 90 bytes per stored sample with the points' share included).
     */
    static Map<String, Integer> memoryModel() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("per_stored_sample", BYTES_PER_SAMPLE);
        m.put("per_input_point", BYTES_PER_POINT);
        m.put("per_pooled_query", BYTES_PER_QUERY);
        return m;
    }

    /** One line for the log. */
    static String describe(Choice c) {
        return String.format(Locale.ROOT, "grid_resolution auto: %d (spacing rule %d, limit %s; %.1fM stored samples, "
                + "about %.2f GB estimated peak heap)", c.cells(), c.wanted(), c.limit(), c.storedSamples() / 1e6,
                c.estimatedBytes() / 1e9);
    }

    private static int roundUp8(int x) {
        return (x + 7) / 8 * 8;
    }
}
