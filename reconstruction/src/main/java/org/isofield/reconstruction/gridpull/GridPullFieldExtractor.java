package org.isofield.reconstruction.gridpull;

import java.nio.file.Path;
import org.isofield.core.Check;
import org.isofield.core.Progress;
import org.isofield.datasets.clean.SmallPieces;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.fields.io.FieldFile;
import org.isofield.reconstruction.SignedField;
import org.isofield.reconstruction.mc.CellMask;
import org.isofield.reconstruction.mc.SampleGrid;
import org.isofield.reconstruction.mc.SparseMarchingCubes;

/**
 * Meshes a stored GridPull grid ({@value GridPullFieldFiles#KIND}) the way {@link GridPull} meshes it after training:
 * {@link SparseMarchingCubes} on a lattice of {@code resolution} cells across the longest side of the input's bounds
 * (the grid read trilinearly when that differs from the grid's own resolution), in the world frame of the input.
 * GridPull seeds the search with the cells near the input points, which the file does not hold; here the seeds are
 * the cells where the stored bricks change sign. The search follows each piece of the zero set whole, so the pieces
 * GridPull found
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
        double half = (grid.n - 1) / 2.0;
        double[] t = field.translation();
        double scale = field.scale();
        double h = 1.0 / (scale * cells);
        double u0 = 0.5 - half / cells;
        Vec3d origin = new Vec3d((u0 - t[0]) / scale, (u0 - t[1]) / scale, (u0 - t[2]) / scale);
        SampleGrid mcGrid = GridField.mcLattice(grid.n, cells, mcCells, origin, h);
        CellMask seeds = crossingCells(grid, mcGrid, ratio);
        return SparseMarchingCubes.extract(new GridField(grid, ratio), seeds,
                progress == null ? Progress.NONE : progress).mesh();
    }

    /**
     * The stored grid as a function of world points: trilinear inside the lattice (as marching cubes reads it), the
     * positive far value outside it.
     */
    public static SignedField signedField(FieldFile field, Path file) {
        GridPullFieldFiles.Stored stored = GridPullFieldFiles.unpack(field, file);
        SparseGrid grid = stored.grid();
        int cells = stored.gridResolution();
        double half = (grid.n - 1) / 2.0;
        double[] t = field.translation();
        double scale = field.scale();
        double h = 1.0 / (scale * cells);
        double u0 = 0.5 - half / cells;
        double[] origin = {(u0 - t[0]) / scale, (u0 - t[1]) / scale, (u0 - t[2]) / scale};
        double last = grid.n - 1;
        return (xyz, n, out) -> {
            for (int i = 0; i < n; i++) {
                double x = (xyz[3 * i] - origin[0]) / h;
                double y = (xyz[3 * i + 1] - origin[1]) / h;
                double z = (xyz[3 * i + 2] - origin[2]) / h;
                boolean in = x >= 0 && y >= 0 && z >= 0 && x <= last && y <= last && z <= last;
                out[i] = in ? (float) grid.trilinear(x, y, z, null) : grid.farValue;
            }
        };
    }

    /** The mesh with pieces below the file's {@code min_piece_fraction} of the largest removed, as GridPull does. */
    public static SmallPieces.Result clean(TriangleMesh mesh, FieldFile field, Path file) {
        return SmallPieces.remove(mesh, GridPullFieldFiles.summary(field, file).minPieceFraction());
    }

    /**
     * Seeds: the marching-cubes cells that overlap a grid cell with corners of both signs and a corner in a stored
     * brick. A marching-cubes cell the zero set crosses overlaps such a grid cell (the field is trilinear in each grid
     * cell, so a grid cell whose corners share one sign has that sign throughout), so every piece that passes through
     * the stored bricks is reached, at a fraction of the cost of seeding every cell of the bricks.
     */
    private static CellMask crossingCells(SparseGrid grid, SampleGrid mcGrid, double ratio) {
        CellMask mask = new CellMask(mcGrid);
        int lastMc = mcGrid.nx() - 2;
        int lastCell = grid.n - 2;
        int side = SparseGrid.BRICK + 2;
        boolean[] negative = new boolean[side * side * side];
        for (int b = 0; b < grid.brickCount(); b++) {
            int cell = grid.brickCells[b];
            int x0 = (cell % grid.nb) * SparseGrid.BRICK - 1;
            int y0 = (cell / grid.nb % grid.nb) * SparseGrid.BRICK - 1;
            int z0 = (cell / grid.nb / grid.nb) * SparseGrid.BRICK - 1;
            for (int k = 0; k < side; k++) {
                for (int j = 0; j < side; j++) {
                    for (int i = 0; i < side; i++) {
                        negative[i + side * (j + side * k)] = grid.get(x0 + i, y0 + j, z0 + k) < 0;
                    }
                }
            }
            for (int k = 0; k < side - 1; k++) {
                for (int j = 0; j < side - 1; j++) {
                    for (int i = 0; i < side - 1; i++) {
                        int x = x0 + i;
                        int y = y0 + j;
                        int z = z0 + k;
                        if (x < 0 || y < 0 || z < 0 || x > lastCell || y > lastCell || z > lastCell
                                || !mixed(negative, i + side * (j + side * k), side)) {
                            continue;
                        }
                        markOverlap(mask, x, y, z, ratio, lastMc);
                    }
                }
            }
        }
        return mask;
    }

    private static boolean mixed(boolean[] negative, int at, int side) {
        boolean first = negative[at];
        int plane = side * side;
        return negative[at + 1] != first || negative[at + side] != first || negative[at + side + 1] != first
                || negative[at + plane] != first || negative[at + plane + 1] != first
                || negative[at + plane + side] != first || negative[at + plane + side + 1] != first;
    }

    /** Marks the marching-cubes cells overlapping (or touching) grid cell {@code (x, y, z)}. */
    private static void markOverlap(CellMask mask, int x, int y, int z, double ratio, int lastMc) {
        if (ratio == 1.0) {
            if (x <= lastMc && y <= lastMc && z <= lastMc) {
                mask.set(mask.index(x, y, z));
            }
            return;
        }
        int i0 = Math.max(0, (int) Math.floor(x / ratio - 1e-9));
        int i1 = Math.min(lastMc, (int) Math.floor((x + 1) / ratio + 1e-9));
        int j0 = Math.max(0, (int) Math.floor(y / ratio - 1e-9));
        int j1 = Math.min(lastMc, (int) Math.floor((y + 1) / ratio + 1e-9));
        int k0 = Math.max(0, (int) Math.floor(z / ratio - 1e-9));
        int k1 = Math.min(lastMc, (int) Math.floor((z + 1) / ratio + 1e-9));
        for (int k = k0; k <= k1; k++) {
            for (int j = j0; j <= j1; j++) {
                for (int i = i0; i <= i1; i++) {
                    mask.set(mask.index(i, j, k));
                }
            }
        }
    }
}
