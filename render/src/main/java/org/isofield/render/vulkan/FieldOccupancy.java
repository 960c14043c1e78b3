package org.isofield.render.vulkan;

/**
 * The tracer's empty-space map: the unit cube cut into {@code res^3} cells; a cell is empty (0) when the field at
 * all 8 of its vertices exceeds {@code lipschitz * half its diagonal}, so (for a field whose gradient norm stays below
 * {@code lipschitz}) it is positive everywhere inside and holds no surface; else it is occupied (1). The vertex values
 * come from one {@code field_eval} dispatch on the {@code (res+1)^3} lattice. The tracer jumps over empty cells.
 * With the tracer's step safety 0.8 the bound is 1.25, the slope the sphere tracing itself already trusts.
 */
final class FieldOccupancy {
    private FieldOccupancy() {
    }

    /** The lattice vertices, x fastest: {@code 3 (res+1)^3} coordinates in [0, 1]. */
    static float[] lattice(int res) {
        int n = res + 1;
        float[] xyz = new float[3 * n * n * n];
        int i = 0;
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    xyz[i++] = (float) x / res;
                    xyz[i++] = (float) y / res;
                    xyz[i++] = (float) z / res;
                }
            }
        }
        return xyz;
    }

    /**
     * Cell flags (1 occupied, 0 empty; x fastest) from the field's values at {@link #lattice} vertices.
     *
     * @param lipschitz the assumed bound on the field's gradient norm
     */
    static float[] cells(float[] values, int res, double lipschitz) {
        int n = res + 1;
        if (values.length != n * n * n) {
            throw new IllegalArgumentException(values.length + " lattice values; expected " + n * n * n);
        }
        double margin = lipschitz * 0.5 * Math.sqrt(3) / res;
        float[] cells = new float[res * res * res];
        for (int z = 0; z < res; z++) {
            for (int y = 0; y < res; y++) {
                for (int x = 0; x < res; x++) {
                    float min = Float.POSITIVE_INFINITY;
                    for (int k = 0; k < 8; k++) {
                        int v = ((z + (k >> 2 & 1)) * n + y + (k >> 1 & 1)) * n + x + (k & 1);
                        float f = values[v];
                        min = Float.isNaN(f) ? Float.NEGATIVE_INFINITY : Math.min(min, f);
                    }
                    cells[(z * res + y) * res + x] = min > margin ? 0f : 1f;
                }
            }
        }
        return cells;
    }

    /** The fraction of occupied cells. */
    static double occupiedFraction(float[] cells) {
        int occupied = 0;
        for (float c : cells) {
            occupied += c != 0 ? 1 : 0;
        }
        return (double) occupied / cells.length;
    }
}
