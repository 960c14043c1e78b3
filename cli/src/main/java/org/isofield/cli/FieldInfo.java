package org.isofield.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.io.FieldFiles;
import org.isofield.reconstruction.FieldKinds;

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
        out.putAll(FieldKinds.of(f, file).summary(f, file));
        return out;
    }
}
