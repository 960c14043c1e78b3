package org.isofield.reconstruction.gridpull;

import java.nio.file.Path;
import org.isofield.core.Check;
import org.isofield.core.Progress;
import org.isofield.datasets.clean.SmallPieces;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.fields.io.FieldFile;
import org.isofield.reconstruction.mc.CellMask;
import org.isofield.reconstruction.mc.SampleGrid;
import org.isofield.reconstruction.mc.SparseMarchingCubes;

/**
 * Meshes a stored GridPull grid ({@value GridPullFieldFiles#KIND}) the way {@link GridPull} meshes it after training:
 * {@link SparseMarchingCubes} on a lattice of {@code resolution} cells across the longest side of the input's bounds
 * (the grid read trilinearly when that differs from the grid's own resolution), in the world frame of the input.
 * GridPull seeds the search with the cells near the input points, which the file does not hold; here every cell that
 * touches a stored brick is a seed. The search follows each piece of the zero set whole, so the pieces GridPull found
 * are found again with the same triangles, in the same order (the extractor lists crossed cells in index order);
 * pieces that lie in the band but away from the points are found too, and are removed with the small pieces
 * ({@link #clean}) when they are below the stored {@code min_piece_fraction} of the largest piece.
 *
 * <p>Memory: the grid as stored plus a bit per marching-cubes cell. Thread-safe.
 */
public final class GridPullFieldExtractor {
    private GridPullFieldExtractor() {
    }

    /**
     * The zero set of a stored grid before small pieces are removed.
     *
     * @param resolution marching-cubes cells across the longest side, 8 to 2048; 0 for the stored grid resolution
     * @throws org.isofield.core.FormatException for a file of another kind or with inconsistent blocks
     */
    public static TriangleMesh extract(FieldFile field, Path file, int resolution, Progress progress) {
        GridPullFieldFiles.Stored stored = GridPullFieldFiles.unpack(field, file);
        int cells = stored.gridResolution();
        int mcCells = resolution == 0 ? cells : resolution;
        Check.range("resolution", mcCells, 8, 2048);
        SparseGrid grid = stored.grid();
        double ratio = (double) cells / mcCells;
        int mcSamples = (int) Math.floor((grid.n - 1) / ratio + 1e-9) + 1;
        double half = (grid.n - 1) / 2.0;
        double[] t = field.translation();
        double scale = field.scale();
        double h = 1.0 / (scale * cells);
        double u0 = 0.5 - half / cells;
        Vec3d origin = new Vec3d((u0 - t[0]) / scale, (u0 - t[1]) / scale, (u0 - t[2]) / scale);
        SampleGrid mcGrid = new SampleGrid(mcSamples, mcSamples, mcSamples, origin, h * ratio);
        CellMask seeds = brickCells(grid, mcGrid, ratio);
        return SparseMarchingCubes.extract(new GridField(grid, ratio), seeds,
                progress == null ? Progress.NONE : progress).mesh();
    }

    /** The mesh with pieces below the file's {@code min_piece_fraction} of the largest removed, as GridPull does. */
    public static SmallPieces.Result clean(TriangleMesh mesh, FieldFile field, Path file) {
        return SmallPieces.remove(mesh, GridPullFieldFiles.summary(field, file).minPieceFraction());
    }

    /** The marching-cubes cells that overlap a stored brick's samples (or the cell before them). */
    private static CellMask brickCells(SparseGrid grid, SampleGrid mcGrid, double ratio) {
        CellMask mask = new CellMask(mcGrid);
        int last = mcGrid.nx() - 2;
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int b = 0; b < grid.brickCount(); b++) {
            int cell = grid.brickCells[b];
            int[] bc = {cell % grid.nb, cell / grid.nb % grid.nb, cell / grid.nb / grid.nb};
            for (int a = 0; a < 3; a++) {
                int first = bc[a] * SparseGrid.BRICK;
                lo[a] = Math.max(0, (int) Math.floor((first - 1) / ratio));
                hi[a] = Math.min(last, (int) Math.floor((first + SparseGrid.BRICK) / ratio));
            }
            for (int k = lo[2]; k <= hi[2]; k++) {
                for (int j = lo[1]; j <= hi[1]; j++) {
                    for (int i = lo[0]; i <= hi[0]; i++) {
                        mask.set(mask.index(i, j, k));
                    }
                }
            }
        }
        return mask;
    }
}
