package org.isofield.reconstruction.gridpull;

import java.util.Locale;
import org.isofield.core.NumericalException;
import org.isofield.core.Progress;
import org.isofield.datasets.clean.SmallPieces;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import org.isofield.reconstruction.Spacing;
import org.isofield.reconstruction.mc.CellMask;
import org.isofield.reconstruction.mc.SampleGrid;
import org.isofield.reconstruction.mc.SparseMarchingCubes;
import org.isofield.reconstruction.mc.Trim;

/**
 * GridPull's last stages: the zero set of the optimised grid ({@link #extract}, marching cubes' own phases) and the
 * mesh's clean-up ({@link #clean}, phase {@code gridpull.clean}): an open sheet trimmed at {@code trim_distance}
 * point spacings (the mean one, or the nearest point's local one where that is larger: {@link Spacing#smoothed}),
 * then small pieces removed (a piece that enough points lie on stays, {@code min_piece_points}).
 */
final class MeshStages {
    /**
     * Open sheets: each point seeds the extraction at least this many of its own {@value
     * GridPull#SPACING_NEIGHBOURS}th-neighbour distances around it, so that the seeds of neighbouring points overlap
     * (that distance is about 1.7 nearest-neighbour spacings on a surface) and a sparse part of the scan comes out
     * as one sheet, not as patches around each point. Where the cloud is dense the fixed 1.5-cell radius is larger.
     */
    static final double SEED_SPACINGS = 0.5;

    private MeshStages() {
    }

    /** The extracted zero set and the marching-cubes resolution it was taken at. */
    record Extracted(TriangleMesh mesh, int resolution, long visitedCells, long crossedCells) {
    }

    /**
     * What the clean-up did.
     *
     * @param meanSpacing open sheets: the mean nearest-neighbour distance of the points (world), else NaN
     * @param facesTrimmed open sheets: faces removed by the trim, else -1
     * @param boundary open sheets: the mesh's checks, else null
     */
    record Cleaned(TriangleMesh mesh, double meanSpacing, int facesTrimmed, int piecesRemoved, int piecesKept,
            MeshReport boundary) {
    }

    /** {@code factor} times each of {@code spacing} (unit frame), as world distances. */
    private static float[] scaled(float[] spacing, double factor) {
        float[] out = new float[spacing.length];
        for (int i = 0; i < spacing.length; i++) {
            out[i] = (float) (factor * spacing[i]);
        }
        return out;
    }

    static Extracted extract(SparseGrid grid, CloudFrame frame, CloudFrame.Lattice lattice, boolean open,
            GridPullConfig config, Progress progress) {
        int cells = lattice.cells();
        int mcCells = config.resolution().orElse(cells);
        double ratio = (double) cells / mcCells;
        double h = frame.longest() / cells;
        double half = lattice.half();
        Vec3d origin = frame.center().minus(new Vec3d(half * h, half * h, half * h));
        SampleGrid mcGrid = GridField.mcLattice(lattice.samples(), cells, mcCells, origin, h);
        double seedRadius = Math.max(1.5 * mcGrid.spacing(), h);
        CellMask seeds = open
                ? CellMask.near(mcGrid, frame.cloud(), seedRadius, scaled(frame.spacing(), h * cells * SEED_SPACINGS))
                : CellMask.near(mcGrid, frame.cloud(), seedRadius);
        GridField field = new GridField(grid, ratio);
        SparseMarchingCubes.Result r = open ? SparseMarchingCubes.extractWithin(field, seeds, progress)
                : SparseMarchingCubes.extract(field, seeds, progress);
        return new Extracted(r.mesh(), mcCells, r.visitedCells(), r.crossedCells());
    }

    static Cleaned clean(Extracted extracted, CloudFrame frame, CloudFrame.Lattice lattice, boolean open,
            GridPullConfig config) {
        TriangleMesh raw = extracted.mesh();
        double meanSpacing = Double.NaN;
        int trimmed = -1;
        if (open) {
            meanSpacing = frame.unitSpacing().meanNearest() * frame.longest();
            double trim = config.trimDistance() * meanSpacing;
            double scale = frame.longest() * config.trimDistance();
            float[] local = scaled(Spacing.smoothed(lattice.points(), lattice.tree(), frame.unitSpacing().nearest(),
                    GridPull.SPACING_NEIGHBOURS), scale);
            Trim.Result t = Trim.byDistance(raw, frame.cloud(), trim, local);
            trimmed = t.facesRemoved();
            raw = t.mesh();
        }
        SmallPieces.Result cleaned = open
                ? SmallPieces.remove(raw, config.minPieceFraction(), frame.cloud(), config.minPiecePoints())
                : SmallPieces.remove(raw, config.minPieceFraction());
        if (open && cleaned.mesh().faceCount() == 0) {
            throw new NumericalException("gridpull.extract", -1, "the open surface has no zero crossing within "
                    + config.trimDistance() + " mean point spacings of the points; expected the oriented field to "
                    + "change sign at the points (try a lower grid_resolution or a larger trim_distance)");
        }
        MeshReport checks = open ? MeshChecks.check(cleaned.mesh()) : null;
        if (cleaned.mesh().faceCount() == 0) {
            throw new NumericalException("gridpull.extract", -1, "the field has no zero crossing near the points; "
                    + "expected a closed surface (an open scan has no inside; or the sampling has holes wider than "
                    + String.format(Locale.ROOT, "%.1f", 2 * lattice.nearDistance()) + " cells: try a lower "
                    + "grid_resolution; for an open scan set surface=open)");
        }
        return new Cleaned(cleaned.mesh(), meanSpacing, trimmed, cleaned.componentsRemoved(),
                cleaned.componentsBefore() - cleaned.componentsRemoved(), checks);
    }
}
