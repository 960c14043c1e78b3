package org.isofield.reconstruction.mc;

import java.util.Arrays;
import java.util.Objects;
import org.isofield.core.Parallel;
import org.isofield.core.Progress;
import org.isofield.core.ProgressMeter;
import org.isofield.datasets.geom.TriangleMesh;

/**
 * Marching cubes evaluated only in chosen cells: the cells of a seed {@link CellMask} (typically the cells near the
 * input points, {@link CellMask#near}) and, from there, every cell the zero set continues into. Uses the same case
 * table, face rule and vertex placement as {@link MarchingCubes}, so wherever both visit a cell they produce the same
 * triangles.
 *
 * <p>Search: the seed cells are classified in parallel; for every cell the zero set crosses, each face with a sign
 * change among its four corners leads into the neighbouring cell, which is added to the next wave unless already
 * visited. The search ends when no face leads to a new cell, so every connected piece of the zero set that passes
 * through a seed cell is extracted whole: such pieces are closed (watertight) unless they reach the domain boundary,
 * where they stay open (give a field that is positive on the boundary). Pieces that touch no seed cell are never
 * seen, which is the point: the cost follows the surface area near the seeds, not the grid volume, so 512^3 and
 * beyond are practical. Seeds are chosen by distance to the points, not by a coarse sign test, so thin sheets between
 * two samples of the same sign are not missed.
 *
 * <p>Output: vertices relative to the grid's origin, faces counter-clockwise seen from the positive side, unit vertex
 * normals from {@link LatticeField#gradient}, built from the crossed cells in ascending cell order (so the same pieces
 * give the same mesh whatever the seeds); if the mesh's signed volume is negative (a field positive inside), the
 * faces and normals are flipped so the result always faces outward. Deterministic for any thread count.
 */
public final class SparseMarchingCubes {
    private static final int GRAIN = 4096;

    private SparseMarchingCubes() {
    }

    /** Result of a sparse extraction: the mesh and how many cells were visited and crossed. */
    public record Result(TriangleMesh mesh, long visitedCells, long crossedCells) {
    }

    /**
     * Extracts the zero set of {@code field} on {@code grid} in the seed cells and the cells the surface continues
     * into; reports phase {@code "extract"}.
     *
     * @throws IllegalArgumentException if the field is NaN at a visited sample
     * @throws org.isofield.core.CancelledException if {@code progress} asks to stop
     */
    public static Result extract(LatticeField field, CellMask seeds, Progress progress) {
        return extract(field, seeds, true, progress);
    }

    /**
     * Extracts the zero set of {@code field} in the seed cells only: the surface is not followed out of them, and
     * the faces keep the field's orientation (counter-clockwise seen from the positive side; no outward flip, which
     * means nothing for an open surface). For open sheets, where the zero set away from the points is an artefact.
     */
    public static Result extractWithin(LatticeField field, CellMask cells, Progress progress) {
        return extract(field, cells, false, progress);
    }

    private static Result extract(LatticeField field, CellMask seeds, boolean follow, Progress progress) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(seeds, "seeds");
        SampleGrid grid = seeds.grid();
        int cx = seeds.cellsX();
        int cy = seeds.cellsY();
        int cz = seeds.cellsZ();
        ProgressMeter meter = ProgressMeter.of(progress, "extract", 2);
        CellMask visited = new CellMask(grid);
        long[] wave = seeds.toArray();
        for (long c : wave) {
            visited.set(c);
        }
        long visitedCount = wave.length;
        GrowableLongs crossed = new GrowableLongs();
        GrowableArrays.Floats values = new GrowableArrays.Floats();
        while (wave.length > 0) {
            long[] cells = wave;
            float[] v = new float[8 * cells.length];
            int[] cases = new int[cells.length];
            Parallel.forChunks(cells.length, GRAIN, (chunk, start, end) -> {
                for (int w = start; w < end; w++) {
                    long c = cells[w];
                    int i = (int) (c % cx);
                    int j = (int) (c / cx % cy);
                    int k = (int) (c / cx / cy);
                    int cubeCase = 0;
                    for (int corner = 0; corner < 8; corner++) {
                        float val = field.value(i + (corner & 1), j + (corner >> 1 & 1), k + (corner >> 2 & 1));
                        if (Float.isNaN(val)) {
                            throw new IllegalArgumentException("field value is NaN at grid sample (" + (i
                                    + (corner & 1))
                                    + ", " + (j + (corner >> 1 & 1)) + ", " + (k + (corner >> 2 & 1))
                                    + "); expected a number");
                        }
                        v[8 * w + corner] = val;
                        cubeCase |= val < 0 ? 1 << corner : 0;
                    }
                    cases[w] = cubeCase;
                }
            });
            GrowableLongs next = new GrowableLongs();
            for (int w = 0; w < cells.length; w++) {
                int cubeCase = cases[w];
                if (cubeCase == 0 || cubeCase == 255) {
                    continue;
                }
                crossed.add(cells[w]);
                values.ensure(values.size + 8);
                System.arraycopy(v, 8 * w, values.data, values.size, 8);
                values.size += 8;
                if (!follow) {
                    continue;
                }
                long c = cells[w];
                int[] ijk = {(int) (c % cx), (int) (c / cx % cy), (int) (c / cx / cy)};
                int[] limits = {cx, cy, cz};
                for (int f = 0; f < 6; f++) {
                    int[] q = CaseTable.FACE_CORNERS[f];
                    int inside = (cubeCase >> q[0] & 1) + (cubeCase >> q[1] & 1) + (cubeCase >> q[2] & 1)
                            + (cubeCase >> q[3] & 1);
                    if (inside == 0 || inside == 4) {
                        continue;
                    }
                    int axis = f >> 1;
                    int step = (f & 1) == 0 ? -1 : 1;
                    int ni = ijk[axis] + step;
                    if (ni < 0 || ni >= limits[axis]) {
                        continue;
                    }
                    long n = c + step * (axis == 0 ? 1L : axis == 1 ? cx : (long) cx * cy);
                    if (!visited.get(n)) {
                        visited.set(n);
                        next.add(n);
                    }
                }
            }
            wave = next.toArray();
            Arrays.sort(wave);
            visitedCount += wave.length;
            meter.checkCancelled();
        }
        meter.step();
        long[] crossedCells = crossed.toArray();
        float[] crossedValues = values.toArray();
        sortByCell(crossedCells, crossedValues);
        TriangleMesh mesh = new SparseMeshBuilder(grid, field, follow).build(crossedCells, crossedValues);
        meter.done();
        return new Result(mesh, visitedCount, crossed.size);
    }

    /**
     * Puts the crossed cells (with their 8 corner values each) in ascending cell order, so the mesh depends only on
     * which cells are crossed, not on the seeds the search started from.
     */
    static void sortByCell(long[] cells, float[] values) {
        int n = cells.length;
        if (n < 2) {
            return;
        }
        int bits = 64 - Long.numberOfLeadingZeros(n - 1L);
        long max = 0;
        for (long c : cells) {
            max = Math.max(max, c);
        }
        if (64 - Long.numberOfLeadingZeros(max) + bits > 63) {
            return; // cell index and position do not fit one key (grids far beyond 4096^3): keep the search order
        }
        long[] keys = new long[n];
        for (int w = 0; w < n; w++) {
            keys[w] = cells[w] << bits | w;
        }
        Arrays.sort(keys);
        float[] copy = values.clone();
        long mask = (1L << bits) - 1;
        for (int w = 0; w < n; w++) {
            int from = (int) (keys[w] & mask);
            cells[w] = keys[w] >>> bits;
            System.arraycopy(copy, 8 * from, values, 8 * w, 8);
        }
    }

    /** A growable long array. */
    static final class GrowableLongs {
        long[] data = new long[1024];
        int size;

        void add(long x) {
            if (size == data.length) {
                data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, 2L * data.length));
            }
            data[size++] = x;
        }

        long[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
