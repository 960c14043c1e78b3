package org.isofield.encodings.hashgrid;

import org.isofield.encodings.grid.CubicStencil;

/**
 * Table rows of the 8 corners of a 3D cell, corner {@code k} at {@code (cx + (k & 1), cy + (k >> 1 & 1),
 * cz + (k >> 2 & 1))}: hashed levels XOR the coordinates times tiny-cuda-nn's primes (1, 2654435761, 805459861) and
 * keep the low bits; dense levels index {@code x + y res + z res^2} in uint32 arithmetic, modulo the row count.
 */
final class HashGridCorners {
    private static final int P1 = (int) 2654435761L;
    private static final int P2 = 805459861;

    private HashGridCorners() {
    }

    /** Writes the rows of the corners of cell {@code (cx, cy, cz)} on {@code level} into {@code r[0..7]}. */
    static void rows(CubicStencil g, int level, int cx, int cy, int cz, int[] r) {
        int rows = g.rows(level);
        if (g.hashed(level)) {
            int mask = rows - 1;
            int hy0 = cy * P1;
            int hy1 = (cy + 1) * P1;
            int hz0 = cz * P2;
            int hz1 = (cz + 1) * P2;
            r[0] = (cx ^ hy0 ^ hz0) & mask;
            r[1] = ((cx + 1) ^ hy0 ^ hz0) & mask;
            r[2] = (cx ^ hy1 ^ hz0) & mask;
            r[3] = ((cx + 1) ^ hy1 ^ hz0) & mask;
            r[4] = (cx ^ hy0 ^ hz1) & mask;
            r[5] = ((cx + 1) ^ hy0 ^ hz1) & mask;
            r[6] = (cx ^ hy1 ^ hz1) & mask;
            r[7] = ((cx + 1) ^ hy1 ^ hz1) & mask;
        } else {
            int res = g.resolution(level);
            int rr = res * res;
            int b = cx + cy * res + cz * rr;
            r[0] = HashGrid3dKernel.wrap(b, rows);
            r[1] = HashGrid3dKernel.wrap(b + 1, rows);
            r[2] = HashGrid3dKernel.wrap(b + res, rows);
            r[3] = HashGrid3dKernel.wrap(b + 1 + res, rows);
            r[4] = HashGrid3dKernel.wrap(b + rr, rows);
            r[5] = HashGrid3dKernel.wrap(b + 1 + rr, rows);
            r[6] = HashGrid3dKernel.wrap(b + res + rr, rows);
            r[7] = HashGrid3dKernel.wrap(b + 1 + res + rr, rows);
        }
    }
}
