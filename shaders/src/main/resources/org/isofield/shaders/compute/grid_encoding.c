/* Multi-level grid encodings: the hash (and dense) grid of tiny-cuda-nn's grid.h and the simplex grid of Wen and
 * Yang 2023. One variant per DIMS (1-4), FEATURES (1, 2, 4, 8) and SIMPLEX (0: cubic cells, 2^DIMS corners; 1:
 * simplices, DIMS + 1 vertices). CPU twins: org.isofield.encodings.grid.StencilEncoding with CubicStencil /
 * SimplexStencil.
 *
 * Layouts: positions and other DIMS-vectors point-major (in[i * DIMS + j]); features feature-major over a batch
 * stride (out[(l * FEATURES + f) * stride + i]); parameters as on the CPU (levels back to back, rows x FEATURES).
 * The level table holds 5 ints per level: parameter offset, rows, resolution, hashed (0/1), scale (float bits).
 *
 * Determinism: encode, input_gradient and jvp are bitwise those of the Java twin (the same float operations in the
 * same order, each product and sum rounded on its own); backward and backward_input_gradient add into the table
 * gradient with float atomics, so their sums depend on the order threads arrive in.
 */
#define NV (SIMPLEX ? DIMS + 1 : (1 << DIMS))
#define LEVEL_INTS 5

INLINE u32 grid_prime(int j) {
    return j == 0 ? 1u : j == 1 ? 2654435761u : j == 2 ? 805459861u : 3674653429u;
}

/* Table row of integer vertex v on a level (hash: xor of v_j * prime_j, masked; dense: sum v_j res^j mod rows). */
INLINE u32 grid_row(const int* v, u32 rows, u32 res, int hashed) {
    u32 h = 0;
    u32 index = 0;
    u32 stride = 1;
    for (int j = 0; j < DIMS; j++) {
        h ^= (u32) v[j] * grid_prime(j);
        index += (u32) v[j] * stride;
        stride *= res;
    }
    return hashed ? (h & (rows - 1u)) : (index % rows);
}

/* s(t) and s'(t): Linear or Smoothstep. */
INLINE float grid_weight(float t, int smooth) {
    return smooth ? MUL_RN(MUL_RN(t, t), SUB_RN(3.0f, MUL_RN(2.0f, t))) : t;
}

INLINE float grid_weight_derivative(float t, int smooth) {
    return smooth ? MUL_RN(MUL_RN(6.0f, t), SUB_RN(1.0f, t)) : 1.0f;
}

/* The stencil of point x on level l: rows, weights and, when dw is not 0, d weight_k / d x_j at dw[k * DIMS + j]. */
INLINE void grid_stencil(GLOBAL const int* lv, int l, const float* x, float skew, int smooth, u32* row, float* w,
                         float* dw, int want_dw) {
    u32 rows = (u32) lv[l * LEVEL_INTS + 1];
    u32 res = (u32) lv[l * LEVEL_INTS + 2];
    int hashed = lv[l * LEVEL_INTS + 3];
    float sc = U32_AS_FLOAT((u32) lv[l * LEVEL_INTS + 4]);
#if SIMPLEX
    float p[DIMS];
    float f[DIMS];
    int v[DIMS];
    int perm[DIMS];
    float sum = 0.0f;
    for (int j = 0; j < DIMS; j++) {
        p[j] = MUL_RN(sc, x[j]);
        sum = ADD_RN(sum, p[j]);
    }
    float shift = ADD_RN(MUL_RN(skew, sum), 0.5f);
    for (int j = 0; j < DIMS; j++) {
        float u = ADD_RN(p[j], shift);
        float fl = FLOORF(u);
        v[j] = (int) fl;
        f[j] = SUB_RN(u, fl);
        int k = j;
        while (k > 0 && f[perm[k - 1]] < f[j]) {
            perm[k] = perm[k - 1];
            k--;
        }
        perm[k] = j;
    }
    row[0] = grid_row(v, rows, res, hashed);
    w[0] = SUB_RN(1.0f, f[perm[0]]);
    for (int k = 1; k <= DIMS; k++) {
        v[perm[k - 1]]++;
        row[k] = grid_row(v, rows, res, hashed);
        w[k] = k < DIMS ? SUB_RN(f[perm[k - 1]], f[perm[k]]) : f[perm[DIMS - 1]];
    }
    if (want_dw) {
        for (int k = 0; k < NV * DIMS; k++) {
            dw[k] = 0.0f;
        }
        float scSkew = MUL_RN(sc, skew);
        for (int k = 0; k <= DIMS; k++) {
            if (k > 0) {
                dw[k * DIMS + perm[k - 1]] = ADD_RN(dw[k * DIMS + perm[k - 1]], sc);
            }
            if (k < DIMS) {
                dw[k * DIMS + perm[k]] = SUB_RN(dw[k * DIMS + perm[k]], sc);
            }
            float rowSum = k == 0 ? -1.0f : (k == DIMS ? 1.0f : 0.0f);
            if (rowSum != 0.0f) {
                for (int j = 0; j < DIMS; j++) {
                    dw[k * DIMS + j] = ADD_RN(dw[k * DIMS + j], MUL_RN(scSkew, rowSum));
                }
            }
        }
    }
#else
    int cell[DIMS];
    float s[DIMS];
    float ds[DIMS];
    for (int j = 0; j < DIMS; j++) {
        float p = FMAF(sc, x[j], 0.5f);
        float fl = FLOORF(p);
        cell[j] = (int) fl;
        float t = SUB_RN(p, fl);
        s[j] = grid_weight(t, smooth);
        ds[j] = MUL_RN(sc, grid_weight_derivative(t, smooth));
    }
    for (int k = 0; k < NV; k++) {
        float wk = 1.0f;
        int v[DIMS];
        for (int j = 0; j < DIMS; j++) {
            int bit = (k >> j) & 1;
            v[j] = cell[j] + bit;
            wk = MUL_RN(wk, bit ? s[j] : SUB_RN(1.0f, s[j]));
        }
        row[k] = grid_row(v, rows, res, hashed);
        w[k] = wk;
        if (want_dw) {
            for (int j = 0; j < DIMS; j++) {
                float dj = ((k >> j) & 1) ? ds[j] : -ds[j];
                for (int m = 0; m < DIMS; m++) {
                    if (m != j) {
                        dj = MUL_RN(dj, ((k >> m) & 1) ? s[m] : SUB_RN(1.0f, s[m]));
                    }
                }
                dw[k * DIMS + j] = dj;
            }
        }
    }
#endif
}

INLINE void grid_load_point(GLOBAL const float* pos, i64 i, float* x) {
    for (int j = 0; j < DIMS; j++) {
        x[j] = pos[i * DIMS + j];
    }
}

/* out[(l F + f) stride + i] = sum_k w_k table_l[row_k][f]; grid (points, levels). */
KERNEL void grid_encode(int n, int stride, GLOBAL const int* RESTRICT lv, GLOBAL const float* RESTRICT params,
                        GLOBAL const float* RESTRICT pos, GLOBAL float* RESTRICT out, float skew, int smooth) {
    i64 i = GLOBAL_ID;
    int l = BLOCK_ID_Y;
    if (i >= n) {
        return;
    }
    float x[DIMS];
    grid_load_point(pos, i, x);
    u32 row[NV];
    float w[NV];
    grid_stencil(lv, l, x, skew, smooth, row, w, 0, 0);
    int base = lv[l * LEVEL_INTS];
    for (int f = 0; f < FEATURES; f++) {
        float acc = 0.0f;
        for (int k = 0; k < NV; k++) {
            acc = ADD_RN(acc, MUL_RN(w[k], params[base + row[k] * FEATURES + f]));
        }
        out[(i64) (l * FEATURES + f) * stride + i] = acc;
    }
}

/* grad[row_k][f] += w_k dLdOut[l F + f][i], with atomics; grid (points, levels). */
KERNEL void grid_backward(int n, int stride, GLOBAL const int* RESTRICT lv, GLOBAL const float* RESTRICT pos,
                          GLOBAL const float* RESTRICT dLdOut, GLOBAL float* RESTRICT grad, float skew, int smooth) {
    i64 i = GLOBAL_ID;
    int l = BLOCK_ID_Y;
    if (i >= n) {
        return;
    }
    float x[DIMS];
    grid_load_point(pos, i, x);
    u32 row[NV];
    float w[NV];
    grid_stencil(lv, l, x, skew, smooth, row, w, 0, 0);
    int base = lv[l * LEVEL_INTS];
    float g[FEATURES];
    for (int f = 0; f < FEATURES; f++) {
        g[f] = dLdOut[(i64) (l * FEATURES + f) * stride + i];
    }
    for (int k = 0; k < NV; k++) {
        for (int f = 0; f < FEATURES; f++) {
            float c = MUL_RN(w[k], g[f]);
            if (c != 0.0f) {
                ATOMIC_ADD_F32(&grad[base + row[k] * FEATURES + f], c);
            }
        }
    }
}

/* dLdIn[i DIMS + j] = sum over levels and vertices of (dLdOut . table row) dw_kj; one thread per point. */
KERNEL void grid_input_gradient(int n, int stride, int levels, GLOBAL const int* RESTRICT lv,
                                GLOBAL const float* RESTRICT params, GLOBAL const float* RESTRICT pos,
                                GLOBAL const float* RESTRICT dLdOut, GLOBAL float* RESTRICT dLdIn, float skew,
                                int smooth) {
    i64 i = GLOBAL_ID;
    if (i >= n) {
        return;
    }
    float x[DIMS];
    grid_load_point(pos, i, x);
    float acc[DIMS];
    for (int j = 0; j < DIMS; j++) {
        acc[j] = 0.0f;
    }
    u32 row[NV];
    float w[NV];
    float dw[NV * DIMS];
    for (int l = 0; l < levels; l++) {
        grid_stencil(lv, l, x, skew, smooth, row, w, dw, 1);
        int base = lv[l * LEVEL_INTS];
        for (int k = 0; k < NV; k++) {
            float dot = 0.0f;
            for (int f = 0; f < FEATURES; f++) {
                dot = ADD_RN(dot, MUL_RN(dLdOut[(i64) (l * FEATURES + f) * stride + i],
                        params[base + row[k] * FEATURES + f]));
            }
            for (int j = 0; j < DIMS; j++) {
                acc[j] = ADD_RN(acc[j], MUL_RN(dot, dw[k * DIMS + j]));
            }
        }
    }
    for (int j = 0; j < DIMS; j++) {
        dLdIn[i * DIMS + j] = acc[j];
    }
}

/* dOut[l F + f][i] = sum_k (dw_k . dIn_i) table_l[row_k][f]: the Jacobian times a direction; grid (points, levels). */
KERNEL void grid_jvp(int n, int stride, GLOBAL const int* RESTRICT lv, GLOBAL const float* RESTRICT params,
                     GLOBAL const float* RESTRICT pos, GLOBAL const float* RESTRICT dIn, GLOBAL float* RESTRICT dOut,
                     float skew, int smooth) {
    i64 i = GLOBAL_ID;
    int l = BLOCK_ID_Y;
    if (i >= n) {
        return;
    }
    float x[DIMS];
    grid_load_point(pos, i, x);
    u32 row[NV];
    float w[NV];
    float dw[NV * DIMS];
    grid_stencil(lv, l, x, skew, smooth, row, w, dw, 1);
    int base = lv[l * LEVEL_INTS];
    float acc[FEATURES];
    for (int f = 0; f < FEATURES; f++) {
        acc[f] = 0.0f;
    }
    for (int k = 0; k < NV; k++) {
        float a = 0.0f;
        for (int j = 0; j < DIMS; j++) {
            a = ADD_RN(a, MUL_RN(dw[k * DIMS + j], dIn[i * DIMS + j]));
        }
        for (int f = 0; f < FEATURES; f++) {
            acc[f] = ADD_RN(acc[f], MUL_RN(a, params[base + row[k] * FEATURES + f]));
        }
    }
    for (int f = 0; f < FEATURES; f++) {
        dOut[(i64) (l * FEATURES + f) * stride + i] = acc[f];
    }
}

/* grad[row_k][f] += (dw_k . u_i) dLdOut[l F + f][i]: the table part of the backward pass through input_gradient. */
KERNEL void grid_backward_input_gradient(int n, int stride, GLOBAL const int* RESTRICT lv,
                                         GLOBAL const float* RESTRICT pos, GLOBAL const float* RESTRICT dLdOut,
                                         GLOBAL const float* RESTRICT u, GLOBAL float* RESTRICT grad, float skew,
                                         int smooth) {
    i64 i = GLOBAL_ID;
    int l = BLOCK_ID_Y;
    if (i >= n) {
        return;
    }
    float x[DIMS];
    grid_load_point(pos, i, x);
    u32 row[NV];
    float w[NV];
    float dw[NV * DIMS];
    grid_stencil(lv, l, x, skew, smooth, row, w, dw, 1);
    int base = lv[l * LEVEL_INTS];
    float g[FEATURES];
    for (int f = 0; f < FEATURES; f++) {
        g[f] = dLdOut[(i64) (l * FEATURES + f) * stride + i];
    }
    for (int k = 0; k < NV; k++) {
        float a = 0.0f;
        for (int j = 0; j < DIMS; j++) {
            a = ADD_RN(a, MUL_RN(dw[k * DIMS + j], u[i * DIMS + j]));
        }
        for (int f = 0; f < FEATURES; f++) {
            float c = MUL_RN(a, g[f]);
            if (c != 0.0f) {
                ATOMIC_ADD_F32(&grad[base + row[k] * FEATURES + f], c);
            }
        }
    }
}
