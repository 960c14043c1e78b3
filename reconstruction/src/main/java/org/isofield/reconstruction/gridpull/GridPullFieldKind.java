package org.isofield.reconstruction.gridpull;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.isofield.core.ConfigException;
import org.isofield.core.Progress;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.Backends;
import org.isofield.core.compute.Precision;
import org.isofield.datasets.clean.SmallPieces;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.fields.io.FieldFile;
import org.isofield.reconstruction.FieldKind;
import org.isofield.reconstruction.SignedField;

/**
 * GridPull's stored sparse grid ({@value GridPullFieldFiles#KIND}, {@code reconstruct --save-field}): meshed on the
 * CPU by sparse marching cubes over its stored bricks, at the reconstruction's resolution unless asked otherwise;
 * drawn as that mesh.
 */
public final class GridPullFieldKind extends FieldKind {
    public GridPullFieldKind() {
        super(GridPullFieldFiles.KIND, Display.EXTRACTED_MESH);
    }

    @Override
    public void checkResolution(int resolution) {
        if (resolution < GridPullConfig.MIN_RESOLUTION || resolution > GridPullConfig.MAX_RESOLUTION) {
            throw new IllegalArgumentException("--resolution " + resolution + ": expected "
                    + GridPullConfig.MIN_RESOLUTION + " to " + GridPullConfig.MAX_RESOLUTION + " marching-cubes cells "
                    + "across the longest side for a " + name() + " field");
        }
    }

    @Override
    public Backends.Selection extractionBackend(FieldFile field, Path file, Backend asked, Precision precision) {
        if (asked != null && asked.isDevice()) {
            throw new ConfigException("backend", "a " + name() + " field is meshed on the CPU (sparse marching cubes "
                    + "over its stored bricks); expected --backend auto or cpu");
        }
        return new Backends.Selection(Backend.CPU, null, "a grid field: marching cubes on the CPU");
    }

    @Override
    public SmallPieces.Result extract(FieldFile field, Path file, Extraction extraction, Progress progress) {
        Integer resolution = extraction.resolution();
        TriangleMesh raw = GridPullFieldExtractor.extract(field, file, resolution == null ? 0 : resolution, progress);
        return extraction.minPieceFraction() == null ? GridPullFieldExtractor.clean(raw, field, file)
                : SmallPieces.remove(raw, extraction.minPieceFraction());
    }

    @Override
    public SignedField signedField(FieldFile field, Path file) {
        return GridPullFieldExtractor.signedField(field, file);
    }

    @Override
    public Map<String, Object> summary(FieldFile field, Path file) {
        GridPullFieldFiles.Summary g = GridPullFieldFiles.summary(field, file);
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("samples_per_axis", g.samplesPerAxis());
        grid.put("grid_resolution", g.gridResolution());
        grid.put("stored_bricks", g.storedBricks());
        grid.put("stored_samples", (long) g.storedBricks() * SparseGrid.BRICK_SAMPLES);
        long nb = g.samplesPerAxis() / SparseGrid.BRICK;
        grid.put("stored_fraction", (double) g.storedBricks() / (nb * nb * nb));
        grid.put("far_value", g.farValue());
        grid.put("min_piece_fraction", g.minPieceFraction());
        return Map.of("grid", grid);
    }
}
