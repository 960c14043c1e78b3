package org.isofield.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.io.FieldFiles;
import org.isofield.reconstruction.gridpull.GridPullFieldFiles;

/** What {@code isofield info FIELD.isf} prints: the kind, the world box of the unit cube, the blocks, and per kind. */
final class FieldInfo {
    private FieldInfo() {
    }

    /** Reads a field file and describes it (keys in snake_case; the grid's config is checked on the way). */
    static Map<String, Object> describe(Path file) {
        FieldFile f = FieldFiles.read(file);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.toString());
        out.put("format", "ISF");
        out.put("kind", f.kind());
        double[] t = f.translation();
        double s = f.scale();
        out.put("bounds_min", new double[] {-t[0] / s, -t[1] / s, -t[2] / s});
        out.put("bounds_max", new double[] {(1 - t[0]) / s, (1 - t[1]) / s, (1 - t[2]) / s});
        out.put("parameters", f.parameterCount());
        Map<String, Object> blocks = new LinkedHashMap<>();
        f.blocks().forEach((name, values) -> blocks.put(name, values.length));
        out.put("blocks", blocks);
        if (!f.optimizerState().isEmpty()) {
            out.put("optimizer_state_blocks", f.optimizerState().size());
        }
        if (GridPullFieldFiles.isGrid(f)) {
            GridPullFieldFiles.Summary g = GridPullFieldFiles.summary(f, file);
            Map<String, Object> grid = new LinkedHashMap<>();
            grid.put("samples_per_axis", g.samplesPerAxis());
            grid.put("grid_resolution", g.gridResolution());
            grid.put("stored_bricks", g.storedBricks());
            grid.put("stored_samples", (long) g.storedBricks() * 512);
            long nb = g.samplesPerAxis() / 8;
            grid.put("stored_fraction", (double) g.storedBricks() / (nb * nb * nb));
            grid.put("far_value", g.farValue());
            grid.put("min_piece_fraction", g.minPieceFraction());
            out.put("grid", grid);
        }
        return out;
    }
}
