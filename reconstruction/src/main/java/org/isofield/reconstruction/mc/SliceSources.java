package org.isofield.reconstruction.mc;

import java.util.Arrays;

/** Sources of z slices for {@link SlabExtractor}: a stored grid, a field function, and one-sample padding. */
final class SliceSources {
    private SliceSources() {
    }

    /** Fills z slice {@code k} ({@code nx * ny} values, x fastest) into {@code out}. */
    @FunctionalInterface
    interface SliceSource {
        void fill(int k, float[] out);
    }

    /** World positions of the samples of slice {@code k} into {@code xyz[3 nx ny]}. */
    static void slicePositions(SampleGrid g, int k, float[] xyz) {
        double h = g.spacing();
        float z = (float) (g.origin().z() + k * h);
        int p = 0;
        for (int j = 0; j < g.ny(); j++) {
            float y = (float) (g.origin().y() + j * h);
            for (int i = 0; i < g.nx(); i++) {
                xyz[p++] = (float) (g.origin().x() + i * h);
                xyz[p++] = y;
                xyz[p++] = z;
            }
        }
    }

    static SliceSource of(ScalarGrid grid) {
        int slice = grid.grid().sliceSize();
        float[] values = grid.values();
        return (k, out) -> System.arraycopy(values, k * slice, out, 0, slice);
    }

    static SliceSource of(FieldFunction field, SampleGrid g) {
        int slice = g.sliceSize();
        float[] xyz = new float[3 * slice];
        return (k, out) -> {
            slicePositions(g, k, xyz);
            field.evaluate(xyz, slice, out);
        };
    }

    /** Pads an {@code nx x ny x nz} source by one sample of value {@code pad} on every side. */
    static SliceSource padded(SliceSource inner, int nx, int ny, int nz, float pad) {
        float[] tmp = new float[nx * ny];
        int px = nx + 2;
        int py = ny + 2;
        return (k, out) -> {
            Arrays.fill(out, 0, px * py, pad);
            if (k == 0 || k == nz + 1) {
                return;
            }
            inner.fill(k - 1, tmp);
            for (int j = 0; j < ny; j++) {
                System.arraycopy(tmp, j * nx, out, (j + 1) * px + 1, nx);
            }
        };
    }
}
