package org.isofield.encodings.grid;

import org.isofield.core.Check;
import org.isofield.core.ConfigException;

/**
 * The level geometry and cell stencil of tiny-cuda-nn's multiresolution grid (Müller et al. 2022, as implemented in
 * tiny-cuda-nn's {@code grid.h}). Level {@code l} has
 * <ul>
 *   <li>scale {@code s_l = 2^(l * log2(b)) * N_min - 1}, computed in float as tiny-cuda-nn does,</li>
 *   <li>resolution {@code r_l = ceil(s_l) + 1} vertices per axis,</li>
 *   <li>position {@code p = s_l * x + 0.5} (one fused multiply-add, as tiny-cuda-nn's {@code fmaf}), cell
 *   {@code floor(p)}, fraction {@code t = p - floor(p)},</li>
 *   <li>rows {@code min(next_multiple(r_l^d, 8), T)}: dense when {@code next_multiple(r_l^d, 8) <= T} (row
 *   {@code sum_i c_i r_l^i mod rows}, wrapping where the +0.5 shift pushes a vertex past the last one), else hashed
 *   with
 *   the coherent prime hash {@link #hash} {@code mod T}.</li>
 * </ul>
 * A grid built with {@code hashed = false} (DenseGrid) stores every level densely ({@code next_multiple(r_l^d, 8)}
 * rows) and never hashes.
 */
public final class CubicStencil implements Stencil {
    /** tiny-cuda-nn's CoherentPrime primes, as uint32 bit patterns. */
    static final int[] PRIMES = {1, (int) 2654435761L, 805459861, (int) 3674653429L};

    private final int dims;
    private final float[] scale;
    private final int[] resolution;
    private final int[] rows;
    private final boolean[] hashed;
    private final Interpolation interpolation;

    /**
     * @param dims           input dimensions, 1 to 4
     * @param levels         number of levels L
     * @param baseResolution N_min
     * @param perLevelScale  b, the growth factor of the resolution per level
     * @param log2TableSize  log2 of the hash table rows T of a hashed level; ignored when {@code hashing} is false
     * @param hashing        whether levels too large for T are hashed (HashGrid) or all levels are dense (DenseGrid)
     * @param interpolation  the corner weights
     */
    public CubicStencil(int dims, int levels, int baseResolution, double perLevelScale, int log2TableSize,
                        boolean hashing, Interpolation interpolation) {
        this.dims = Check.range("inputDims", dims, 1, 4);
        this.interpolation = interpolation;
        this.scale = new float[levels];
        this.resolution = new int[levels];
        this.rows = new int[levels];
        this.hashed = new boolean[levels];
        long tableSize = 1L << log2TableSize;
        for (int l = 0; l < levels; l++) {
            scale[l] = levelScale(l, baseResolution, (float) perLevelScale);
            resolution[l] = (int) Math.ceil(scale[l]) + 1;
            long dense = nextMultiple8(powClamped(resolution[l], dims));
            hashed[l] = hashing && dense > tableSize;
            long r = hashed[l] ? tableSize : dense;
            if (r > Integer.MAX_VALUE / 8) {
                throw new ConfigException("", "level " + l + " of the grid needs " + r + " rows in " + dims
                        + " dimensions; lower the resolution, the levels or per_level_scale");
            }
            rows[l] = (int) r;
        }
    }

    /** {@code 2^(l * log2(b)) * N_min - 1} in float arithmetic (tiny-cuda-nn's {@code grid_scale}). */
    public static float levelScale(int level, int baseResolution, float perLevelScale) {
        float log2b = (float) (Math.log(perLevelScale) / Math.log(2));
        return (float) Math.pow(2.0, level * log2b) * baseResolution - 1f;
    }

    private static long powClamped(long base, int exp) {
        long r = 1;
        for (int i = 0; i < exp; i++) {
            r = Math.min(r * base, 1L << 40);
        }
        return r;
    }

    private static long nextMultiple8(long v) {
        return (v + 7) / 8 * 8;
    }

    /**
     * The coherent prime hash of a lattice vertex: {@code xor_i (c_i * prime_i)} in uint32 arithmetic (Java's
     * wrapping {@code int} multiply). Reduce it with {@code & (T - 1)}.
     */
    public static int hash(int[] vertex, int dims) {
        int h = 0;
        for (int i = 0; i < dims; i++) {
            h ^= vertex[i] * PRIMES[i];
        }
        return h;
    }

    @Override
    public int dims() {
        return dims;
    }

    @Override
    public int levels() {
        return scale.length;
    }

    @Override
    public int vertices() {
        return 1 << dims;
    }

    @Override
    public int rows(int level) {
        return rows[level];
    }

    /** The scale {@code s_l} of a level. */
    public float scale(int level) {
        return scale[level];
    }

    /** The resolution (vertices per axis) of a level. */
    public int resolution(int level) {
        return resolution[level];
    }

    /** Whether a level is hashed (else dense). */
    public boolean hashed(int level) {
        return hashed[level];
    }

    public Interpolation interpolation() {
        return interpolation;
    }

    /** The table row of an integer vertex on a level, exactly as the kernel computes it. */
    public int row(int level, int[] vertex) {
        if (hashed[level]) {
            return hash(vertex, dims) & (rows[level] - 1);
        }
        int index = 0;
        int stride = 1;
        for (int i = 0; i < dims; i++) {
            index += vertex[i] * stride;
            stride *= resolution[level];
        }
        return Integer.remainderUnsigned(index, rows[level]);
    }

    @Override
    public void fill(int level, float[] in, int off, int[] row, float[] weight, float[] dWeight) {
        float sc = scale[level];
        int[] cell = new int[4];
        float[] s = new float[4];
        float[] ds = new float[4];
        for (int j = 0; j < dims; j++) {
            float p = Math.fma(sc, in[off + j], 0.5f); // one rounding, as tiny-cuda-nn's fmaf
            float fl = (float) Math.floor(p);
            cell[j] = (int) fl;
            float t = p - fl;
            s[j] = interpolation.weight(t);
            ds[j] = sc * interpolation.weightDerivative(t);
        }
        boolean hash = hashed[level];
        int res = resolution[level];
        int mask = rows[level] - 1;
        int nRows = rows[level];
        for (int k = 0, nv = 1 << dims; k < nv; k++) {
            float w = 1f;
            int h = 0;
            int index = 0;
            int stride = 1;
            for (int j = 0; j < dims; j++) {
                int bit = (k >> j) & 1;
                int c = cell[j] + bit;
                w *= bit == 1 ? s[j] : 1f - s[j];
                if (hash) {
                    h ^= c * PRIMES[j];
                } else {
                    index += c * stride;
                    stride *= res;
                }
            }
            row[k] = hash ? h & mask : Integer.remainderUnsigned(index, nRows);
            weight[k] = w;
            if (dWeight != null) {
                for (int j = 0; j < dims; j++) {
                    float dj = ((k >> j) & 1) == 1 ? ds[j] : -ds[j];
                    for (int m = 0; m < dims; m++) {
                        if (m != j) {
                            dj *= ((k >> m) & 1) == 1 ? s[m] : 1f - s[m];
                        }
                    }
                    dWeight[k * dims + j] = dj;
                }
            }
        }
    }
}
