package org.isofield.cli;

import java.nio.file.Path;
import org.isofield.core.Progress;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.Backends;
import org.isofield.core.compute.Precision;
import org.isofield.datasets.clean.SmallPieces;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.io.FieldFiles;
import org.isofield.reconstruction.gridpull.GridPullFieldExtractor;
import org.isofield.reconstruction.gridpull.GridPullFieldFiles;
import org.isofield.reconstruction.neural.FieldExtractor;
import org.isofield.render.scene.FieldSlice;
import org.isofield.render.scene.FieldSurface;
import org.isofield.render.scene.RenderItem;

/**
 * Meshes of stored fields for the commands: {@code extract} for every kind, and for {@code render}/{@code view} the
 * {@value GridPullFieldFiles#KIND} fields, which the renderer (it does not depend on the reconstruction module) cannot
 * draw itself: they are extracted here and drawn as meshes labelled "NAME (grid, extracted)".
 */
final class GridFieldMeshes {
    private GridFieldMeshes() {
    }

    /**
     * The mesh of a stored field, small pieces removed.
     *
     * @param resolution null for the kind's default: neural 256 samples per axis over the unit cube; gridpull-sparse
     *     the stored grid resolution (marching-cubes cells across the longest side)
     * @param minPieceFraction null for the kind's default: neural {@value SmallPieces#DEFAULT_MIN_PIECE_FRACTION},
     *     gridpull-sparse the one stored with the grid (the reconstruction's)
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
        if (GridPullFieldFiles.isGrid(field)) {
            TriangleMesh raw = GridPullFieldExtractor.extract(field, file, resolution == null ? 0 : resolution, progress);
            return minPieceFraction == null ? GridPullFieldExtractor.clean(raw, field, file)
                    : SmallPieces.remove(raw, minPieceFraction);
        }
        int n = resolution == null ? FieldExtractor.DEFAULT_RESOLUTION : resolution;
        TriangleMesh raw = FieldExtractor.extract(field, file, n, backend, precision, progress);
        return SmallPieces.remove(raw, minPieceFraction == null ? SmallPieces.DEFAULT_MIN_PIECE_FRACTION : minPieceFraction);
    }

    /** Whether a path names a field file (by its extension). */
    static boolean isFieldFile(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(FieldFiles.EXTENSION);
    }

    /**
     * A render or viewer item for an {@code .isf} file: a grid field as its extracted mesh, a neural field
     * sphere-traced (with the distance slice, when given).
     */
    static RenderItem renderItem(Path file, FieldSlice slice, Progress progress) {
        FieldFile field = FieldFiles.read(file);
        String label = file.getFileName().toString();
        if (GridPullFieldFiles.isGrid(field)) {
            return RenderItem.of(label + " (grid, extracted)", extract(field, file, null, null, progress).mesh());
        }
        return RenderItem.of(label, FieldSurface.of(field, file).withSlice(slice));
    }
}
