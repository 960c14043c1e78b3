package org.isofield.reconstruction.gridpull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.isofield.core.FormatException;
import org.isofield.core.IsofieldException;
import org.isofield.core.config.Json;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.fields.io.FieldFile;

/**
 * Field files of kind {@value #KIND}: GridPull's optimised sparse grid as an {@code .isf} field (layout in
 * {@code docs/isf-format.md}). Blocks: {@code bricks} (3 whole numbers per stored brick, its brick coordinates; the
 * brick directory is rebuilt from them), {@code labels} (the sign labels of all {@code (n/8)^3} bricks, run-length
 * encoded) and {@code values} (512 samples per stored brick, in cells). The transform maps world to the unit cube
 * like a neural field's; lattice position = {@code (n - 1) / 2 + grid_resolution * (unit - 0.5)}.
 *
 * <p>Packing shares the grid's value array (no copy); reading validates everything (config keys and ranges, block
 * names and lengths, brick coordinates in range and distinct, label runs covering the brick directory exactly) and
 * reports a defect as a {@link FormatException} naming the file, the block and what was expected.
 */
public final class GridPullFieldFiles {
    /** The field-file kind of a GridPull grid. */
    public static final String KIND = "gridpull-sparse";
    /** Config keys, all required. */
    public static final List<String> KEYS = List.of("samples_per_axis", "grid_resolution", "brick_size", "far_value",
            "min_piece_fraction");
    /** Largest run in the {@code labels} block: runs stay exact in float32. */
    static final int MAX_RUN = 1 << 24;
    /** Largest samples per axis a file may declare (the dense directory has {@code (n/8)^3} entries). */
    static final int MAX_SAMPLES = 4096;

    private GridPullFieldFiles() {
    }

    /** What a {@value #KIND} file holds. */
    public record Summary(int samplesPerAxis, int gridResolution, int storedBricks, float farValue,
            double minPieceFraction) {
    }

    /** A grid read back, with its lattice size and the extraction's piece threshold. */
    record Stored(SparseGrid grid, int gridResolution, double minPieceFraction) {
    }

    /**
     * Packs a grid: {@code center} and {@code longest} are the frame of {@link GridPull#run} (lattice =
     * {@code half + cells * (p - center) / longest}); the values array is shared.
     */
    static FieldFile pack(SparseGrid grid, int cells, Vec3d center, double longest, double minPieceFraction) {
        double scale = 1.0 / longest;
        double[] translation = {0.5 - center.x() * scale, 0.5 - center.y() * scale, 0.5 - center.z() * scale};
        int nb = grid.nb;
        int count = grid.brickCount();
        float[] bricks = new float[3 * count];
        for (int b = 0; b < count; b++) {
            int cell = grid.brickCells[b];
            bricks[3 * b] = cell % nb;
            bricks[3 * b + 1] = cell / nb % nb;
            bricks[3 * b + 2] = cell / nb / nb;
        }
        ObjectNode config = Json.mapper().createObjectNode();
        config.put("samples_per_axis", grid.n);
        config.put("grid_resolution", cells);
        config.put("brick_size", SparseGrid.BRICK);
        config.put("far_value", grid.farValue);
        config.put("min_piece_fraction", minPieceFraction);
        Map<String, float[]> blocks = new LinkedHashMap<>();
        blocks.put("bricks", bricks);
        blocks.put("labels", runs(grid.label));
        blocks.put("values", grid.values);
        return FieldFile.of(KIND, Json.write(config), scale, translation, blocks);
    }

    /** Run lengths of +1, -1, +1, ... labels (a run may be 0; none longer than {@link #MAX_RUN}). */
    static float[] runs(byte[] label) {
        float[] out = new float[16];
        int m = 0;
        int want = 1;
        int i = 0;
        while (i < label.length) {
            int start = i;
            while (i < label.length && label[i] == want && i - start < MAX_RUN) {
                i++;
            }
            if (i < label.length && label[i] != 1 && label[i] != -1) {
                throw new IllegalArgumentException("brick label " + label[i] + " at " + i + "; expected +1 or -1");
            }
            if (m == out.length) {
                out = Arrays.copyOf(out, 2 * m);
            }
            out[m++] = i - start;
            want = -want;
        }
        return Arrays.copyOf(out, m);
    }

    /**
     * What a {@value #KIND} file holds, after the config and the block lengths are checked.
     *
     * @throws FormatException for another kind or an inconsistent config or block lengths
     */
    public static Summary summary(FieldFile field, Path file) {
        Config c = config(field, file);
        return new Summary(c.n, c.cells, c.bricks, c.farValue, c.minPieceFraction);
    }

    /** Whether a field file is of kind {@value #KIND}. */
    public static boolean isGrid(FieldFile field) {
        return KIND.equals(Objects.requireNonNull(field, "field").kind());
    }

    /**
     * Rebuilds the grid (sharing the file's value array) after checking every block.
     *
     * @throws FormatException naming the file and the block for any defect
     */
    static Stored unpack(FieldFile field, Path file) {
        Config c = config(field, file);
        int nb = c.n / SparseGrid.BRICK;
        int dirSize = nb * nb * nb;
        float[] bricks = field.block("bricks");
        int[] directory = new int[dirSize];
        Arrays.fill(directory, -1);
        int[] brickCells = new int[c.bricks];
        for (int b = 0; b < c.bricks; b++) {
            int x = coordinate(bricks, 3 * b, nb, file);
            int y = coordinate(bricks, 3 * b + 1, nb, file);
            int z = coordinate(bricks, 3 * b + 2, nb, file);
            int cell = x + nb * (y + nb * z);
            if (directory[cell] >= 0) {
                throw bad(file, "bricks", "brick " + b + " at (" + x + ", " + y + ", " + z + ") repeats brick "
                        + directory[cell] + "; expected each brick stored once");
            }
            directory[cell] = b;
            brickCells[b] = cell;
        }
        byte[] label = labels(field.block("labels"), dirSize, file);
        SparseGrid grid = new SparseGrid(c.n, directory, label, brickCells, field.block("values"), c.farValue);
        return new Stored(grid, c.cells, c.minPieceFraction);
    }

    private static int coordinate(float[] bricks, int index, int nb, Path file) {
        float v = bricks[index];
        if (!(v >= 0 && v < nb && v == Math.rint(v))) {
            throw bad(file, "bricks", "value " + v + " at index " + index + " (brick " + index / 3 + ", "
                    + "xyz".charAt(index % 3) + ") is not a brick coordinate; expected a whole number 0 to "
                    + (nb - 1));
        }
        return (int) v;
    }

    private static byte[] labels(float[] runs, int dirSize, Path file) {
        byte[] label = new byte[dirSize];
        int at = 0;
        byte sign = 1;
        for (int r = 0; r < runs.length; r++) {
            float v = runs[r];
            if (!(v >= 0 && v <= MAX_RUN && v == Math.rint(v))) {
                throw bad(file, "labels", "run " + r + " is " + v + "; expected a whole number 0 to " + MAX_RUN);
            }
            int len = (int) v;
            if (len > dirSize - at) {
                throw bad(file, "labels", "runs reach past the " + dirSize + " bricks of the directory at run " + r
                        + "; expected runs summing to " + dirSize);
            }
            Arrays.fill(label, at, at + len, sign);
            at += len;
            sign = (byte) -sign;
        }
        if (at != dirSize) {
            throw bad(file, "labels", "runs sum to " + at + "; expected " + dirSize + " ((samples_per_axis / 8)^3)");
        }
        return label;
    }

    private record Config(int n, int cells, float farValue, double minPieceFraction, int bricks) {
    }

    private static Config config(FieldFile field, Path file) {
        Objects.requireNonNull(field, "field");
        if (!isGrid(field)) {
            throw FormatException.inFile(file, "field kind \"" + field.kind() + "\"; expected \"" + KIND + "\"");
        }
        JsonNode root;
        try {
            root = Json.parse(field.configJson(), "config");
        } catch (IsofieldException e) {
            throw FormatException.inFile(file, e.getMessage(), e);
        }
        if (!root.isObject()) {
            throw FormatException.inFile(file, "config is not a JSON object; expected keys " + KEYS);
        }
        root.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                throw FormatException.inFile(file, "config key \"" + k + "\" is unknown; expected " + KEYS);
            }
        });
        int n = intKey(root, "samples_per_axis", 8, MAX_SAMPLES, file);
        if (n % SparseGrid.BRICK != 0) {
            throw FormatException.inFile(file, "config samples_per_axis = " + n + "; expected a multiple of 8");
        }
        int cells = intKey(root, "grid_resolution", 1, n - 1, file);
        intKey(root, "brick_size", SparseGrid.BRICK, SparseGrid.BRICK, file);
        double far = number(root, "far_value", file);
        if (!(far > 0) || (float) far != far || Float.isInfinite((float) far)) {
            throw FormatException.inFile(file, "config far_value = " + far + "; expected a finite float32 above 0");
        }
        double minPiece = number(root, "min_piece_fraction", file);
        if (!(minPiece >= 0 && minPiece <= 1)) {
            throw FormatException.inFile(file, "config min_piece_fraction = " + minPiece + "; expected 0 to 1");
        }
        if (!field.optimizerState().isEmpty()) {
            throw FormatException.inFile(file, "has optimizer state blocks " + field.optimizerState().keySet()
                    + "; expected none in a " + KIND + " field");
        }
        for (String name : field.blocks().keySet()) {
            if (!List.of("bricks", "labels", "values").contains(name)) {
                throw bad(file, name, "is unknown; expected the blocks bricks, labels, values");
            }
        }
        for (String name : List.of("bricks", "labels", "values")) {
            if (!field.blocks().containsKey(name)) {
                throw bad(file, name, "is missing; expected the blocks bricks, labels, values");
            }
        }
        long nb = n / SparseGrid.BRICK;
        int coords = field.block("bricks").length;
        if (coords % 3 != 0 || coords / 3 > nb * nb * nb) {
            throw bad(file, "bricks", "has " + coords + " values; expected 3 per stored brick, at most "
                    + nb * nb * nb + " bricks");
        }
        int count = coords / 3;
        long values = field.block("values").length;
        if (values != (long) count * SparseGrid.BRICK_SAMPLES) {
            throw bad(file, "values", "has " + values + " values; expected " + (long) count * SparseGrid.BRICK_SAMPLES
                    + " (512 per stored brick, " + count + " bricks)");
        }
        return new Config(n, cells, (float) far, minPiece, count);
    }

    private static int intKey(JsonNode root, String key, int min, int max, Path file) {
        JsonNode v = root.get(key);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            throw FormatException.inFile(file, "config " + key + " = " + (v == null ? "missing" : v.toString())
                    + "; expected a whole number " + (min == max ? "equal to " + min : min + " to " + max));
        }
        return v.intValue();
    }

    private static double number(JsonNode root, String key, Path file) {
        JsonNode v = root.get(key);
        if (v == null || !v.isNumber()) {
            throw FormatException.inFile(file, "config " + key + " = " + (v == null ? "missing" : v.toString())
                    + "; expected a number");
        }
        return v.doubleValue();
    }

    private static FormatException bad(Path file, String block, String detail) {
        return FormatException.inFile(file, "block \"" + block + "\" " + detail);
    }
}
