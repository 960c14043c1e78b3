package org.isofield.encodings.simplexgrid;

import java.util.Arrays;
import org.isofield.core.Check;
import org.isofield.core.ConfigException;
import org.isofield.encodings.grid.CubicStencil;
import org.isofield.encodings.grid.Stencil;

/**
 * The simplex stencil of one level. With {@code s_l} the hash grid's level scale and {@code F_d = (sqrt(d+1) - 1)/d}:
 * <ol>
 *   <li>skew: {@code u = s_l x + F_d (sum_i s_l x_i) 1 + 0.5} (the +0.5 staggers levels as in the hash grid);</li>
 *   <li>cell {@code c = floor(u)}, fraction {@code f = u - c}; the permutation {@code pi} sorting {@code f} in
 *   descending order (ties: lower axis first) picks the simplex {@code v_0 = c, v_k = v_(k-1) + e_pi(k)};</li>
 *   <li>barycentric weights {@code w_0 = 1 - f_pi(1)}, {@code w_k = f_pi(k) - f_pi(k+1)}, {@code w_d = f_pi(d)};</li>
 *   <li>rows: dense {@code sum_i v_i R^i mod rows} with {@code R = ceil(s_l (1 + d F_d)) + 2} while
 *   {@code next_multiple(R^d, 8) <= T}, else the coherent prime hash {@code mod T}.</li>
 * </ol>
 * The weights are affine in {@code u} inside a simplex, so their input derivatives are constant there:
 * {@code dw_k/dx_j = s_l (dw_k/du_j + F_d sum_i dw_k/du_i)}.
 */
final class SimplexStencil implements Stencil {
    private final int dims;
    private final float skew;
    private final float[] scale;
    private final int[] resolution;
    private final int[] rows;
    private final boolean[] hashed;

    SimplexStencil(int dims, SimplexGridConfig c) {
        this.dims = Check.range("inputDims", dims, 1, 4);
        this.skew = (float) ((Math.sqrt(dims + 1.0) - 1) / dims);
        int levels = c.nLevels();
        scale = new float[levels];
        resolution = new int[levels];
        rows = new int[levels];
        hashed = new boolean[levels];
        long tableSize = 1L << c.log2HashmapSize();
        for (int l = 0; l < levels; l++) {
            scale[l] = CubicStencil.levelScale(l, c.baseResolution(), (float) c.perLevelScale());
            resolution[l] = (int) Math.ceil(scale[l] * (1 + dims * skew)) + 2;
            long dense = 1;
            for (int i = 0; i < dims; i++) {
                dense = Math.min(dense * resolution[l], 1L << 40);
            }
            dense = (dense + 7) / 8 * 8;
            hashed[l] = dense > tableSize;
            long r = hashed[l] ? tableSize : dense;
            if (r > Integer.MAX_VALUE / 8) {
                throw new ConfigException("", "level " + l + " needs " + r + " rows; too many");
            }
            rows[l] = (int) r;
        }
    }

    /** The skew factor {@code F_d}. */
    float skew() {
        return skew;
    }

    float scale(int level) {
        return scale[level];
    }

    int resolution(int level) {
        return resolution[level];
    }

    boolean hashed(int level) {
        return hashed[level];
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
        return dims + 1;
    }

    @Override
    public int rows(int level) {
        return rows[level];
    }

    private int row(int level, int[] v) {
        if (hashed[level]) {
            return CubicStencil.hash(v, dims) & (rows[level] - 1);
        }
        int index = 0;
        int stride = 1;
        for (int i = 0; i < dims; i++) {
            index += v[i] * stride;
            stride *= resolution[level];
        }
        return Integer.remainderUnsigned(index, rows[level]);
    }

    @Override
    public void fill(int level, float[] in, int off, int[] row, float[] weight, float[] dWeight) {
        float sc = scale[level];
        float[] p = new float[4];
        float[] f = new float[4];
        int[] v = new int[4];
        int[] perm = new int[4];
        float sum = 0;
        for (int j = 0; j < dims; j++) {
            p[j] = sc * in[off + j];
            sum += p[j];
        }
        float shift = skew * sum + 0.5f;
        for (int j = 0; j < dims; j++) {
            float u = p[j] + shift;
            float fl = (float) Math.floor(u);
            v[j] = (int) fl;
            f[j] = u - fl;
            int k = j;
            while (k > 0 && f[perm[k - 1]] < f[j]) {
                perm[k] = perm[k - 1];
                k--;
            }
            perm[k] = j;
        }
        row[0] = row(level, v);
        weight[0] = 1f - f[perm[0]];
        for (int k = 1; k <= dims; k++) {
            v[perm[k - 1]]++;
            row[k] = row(level, v);
            weight[k] = k < dims ? f[perm[k - 1]] - f[perm[k]] : f[perm[dims - 1]];
        }
        if (dWeight != null) {
            Arrays.fill(dWeight, 0, (dims + 1) * dims, 0f);
            // dw/du: w_0 has -1 at pi(1); w_k has +1 at pi(k) and -1 at pi(k+1); w_d has +1 at pi(d).
            for (int k = 0; k <= dims; k++) {
                if (k > 0) {
                    dWeight[k * dims + perm[k - 1]] += sc;
                }
                if (k < dims) {
                    dWeight[k * dims + perm[k]] -= sc;
                }
                float rowSum = k == 0 ? -1f : (k == dims ? 1f : 0f);
                if (rowSum != 0) {
                    for (int j = 0; j < dims; j++) {
                        dWeight[k * dims + j] += sc * skew * rowSum;
                    }
                }
            }
        }
    }
}
