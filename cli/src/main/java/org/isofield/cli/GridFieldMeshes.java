package org.isofield.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.isofield.core.Progress;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.Backends;
import org.isofield.core.compute.Precision;
import org.isofield.datasets.clean.SmallPieces;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.io.FieldFiles;
import org.isofield.reconstruction.FieldKind;
import org.isofield.reconstruction.FieldKinds;
import org.isofield.render.scene.FieldSlice;
import org.isofield.render.scene.FieldSurface;
import org.isofield.render.scene.RenderItem;

/**
 * Meshes of stored fields for the commands, through their {@link FieldKinds kind}: {@code extract} for every kind,
 * and for {@code render}/{@code view} the kinds the renderer cannot trace ({@link FieldKind.Display#EXTRACTED_MESH},
 * such as GridPull's sparse grids): they are extracted here and drawn as meshes labelled "NAME (KIND, extracted)".
 */
final class GridFieldMeshes {
    private GridFieldMeshes() {
    }

    /**
     * The mesh of a stored field, small pieces removed.
     *
     * @param resolution null for the kind's default (neural: 256 samples per axis over the unit cube; gridpull-sparse:
     *     the stored grid resolution)
     * @param minPieceFraction null for the kind's default (neural: {@value SmallPieces#DEFAULT_MIN_PIECE_FRACTION};
     *     gridpull-sparse: the reconstruction's, stored with the grid)
     */
    static SmallPieces.Result extract(FieldFile field, Path file, Integer resolution, Double minPieceFraction,
            Progress progress) {
        return extract(field, file, resolution, minPieceFraction, new Backends.Selection(
                Backend.CPU, null, "asked for"), progress);
    }

    /** As above, a neural field's values evaluated on {@code backend}. */
    static SmallPieces.Result extract(FieldFile field, Path file, Integer resolution, Double minPieceFraction,
            Backends.Selection backend, Progress progress) {
        return extract(field, file, resolution, minPieceFraction, backend, Precision.FP32,
                progress);
    }

    /** As above, with the precision of a device's network passes. */
    static SmallPieces.Result extract(FieldFile field, Path file, Integer resolution, Double minPieceFraction,
            Backends.Selection backend, Precision precision,
            Progress progress) {
        return FieldKinds.of(field, file).extract(field, file, new FieldKind.Extraction(resolution, minPieceFraction,
                backend, precision), progress);
    }

    /** Whether a path names a field file (by its extension). */
    static boolean isFieldFile(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(FieldFiles.EXTENSION);
    }

    /**
     * A render or viewer item for an {@code .isf} file: a grid field as its extracted mesh, a neural field
     * sphere-traced (with the distance slice, when given).
     */
    static RenderItem renderItem(Path file, FieldSlice slice, Progress progress) {
        FieldFile field = FieldFiles.read(file);
        String label = file.getFileName().toString();
        if (FieldKinds.of(field, file).display() == FieldKind.Display.EXTRACTED_MESH) {
            return RenderItem.of(label + " (" + field.kind() + ", extracted)", extract(field, file, null, null,
                    progress).mesh());
        }
        return RenderItem.of(label, FieldSurface.of(field, file).withSlice(slice));
    }
}
