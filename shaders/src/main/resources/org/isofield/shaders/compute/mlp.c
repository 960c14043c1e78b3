/* tiny-cuda-nn's FullyFusedMLP in fp32, one thread per sample, all layers in one kernel: bias-free, the input padded
 * to IP (a multiple of 16) with ones, WIDTH neurons per hidden layer (a compile-time define, 16 to 128), the output
 * padded to 16 rows of which the first DOUT are computed. Weights are the CPU layout (org.isofield.fields.mlp.
 * MlpNetwork): matrix 0 WIDTH x IP, hidden matrices WIDTH x WIDTH, output matrix 16k x WIDTH, row-major, back to
 * back. Every thread reads the same weight at the same time, so loads broadcast from the cache.
 *
 * Arrays are feature-major over the batch (x[c * n + s]). Training keeps the pre-activations z_l of each hidden layer
 * (layer l at z[(l - 1) * WIDTH * n]) and of the output (zo); the backward passes write the gradients of the
 * pre-activations, from which mlp_outer forms the weight gradients as sums of outer products over the batch, split
 * into fixed chunks of samples and summed in chunk order (deterministic; no atomics anywhere in this file).
 * CPU twins: MlpNetwork.forward / forwardTrain / backward / inputGradient, MlpSecondOrder.block.
 */

/* Loops over the width unroll fully up to 64 neurons, so the activation rows stay in registers; wider networks unroll
 * by 8 (their rows go to local memory either way, and full unrolling made nvcc take minutes per image). */
#if WIDTH <= 64
#define UNROLL_W UNROLL
#else
#define UNROLL_W _Pragma("unroll 8")
#endif

/* First layer: a[r] = sum_c W0[r][c] x_c, x_c = 1 past din. */
INLINE void mlp_first_layer(GLOBAL const float* RESTRICT w, int ip, int din, GLOBAL const float* RESTRICT x, int n,
                            i64 s, float pad, float* a) {
    UNROLL_W
    for (int r = 0; r < WIDTH; r++) {
        a[r] = 0.0f;
    }
    for (int c = 0; c < ip; c++) {
        float xc = c < din ? x[(i64) c * n + s] : pad;
        UNROLL_W
        for (int r = 0; r < WIDTH; r++) {
            a[r] += w[r * ip + c] * xc;
        }
    }
}

/* Hidden layer: a[r] = sum_c W[r][c] h[c]. */
INLINE void mlp_hidden_layer(GLOBAL const float* RESTRICT w, const float* h, float* a) {
    UNROLL_W
    for (int r = 0; r < WIDTH; r++) {
        a[r] = 0.0f;
    }
    UNROLL_W
    for (int c = 0; c < WIDTH; c++) {
        float hc = h[c];
        UNROLL_W
        for (int r = 0; r < WIDTH; r++) {
            a[r] += w[r * WIDTH + c] * hc;
        }
    }
}

/* Transposed hidden layer: a[c] = sum_r W[r][c] d[r]. */
INLINE void mlp_hidden_transposed(GLOBAL const float* RESTRICT w, const float* d, float* a) {
    UNROLL_W
    for (int c = 0; c < WIDTH; c++) {
        a[c] = 0.0f;
    }
    UNROLL_W
    for (int r = 0; r < WIDTH; r++) {
        float dr = d[r];
        UNROLL_W
        for (int c = 0; c < WIDTH; c++) {
            a[c] += w[r * WIDTH + c] * dr;
        }
    }
}

INLINE void mlp_read(GLOBAL const float* RESTRICT src, int n, i64 s, float* v) {
    UNROLL_W
    for (int r = 0; r < WIDTH; r++) {
        v[r] = src[(i64) r * n + s];
    }
}

INLINE void mlp_write(GLOBAL float* RESTRICT dst, int n, i64 s, const float* v) {
    UNROLL_W
    for (int r = 0; r < WIDTH; r++) {
        dst[(i64) r * n + s] = v[r];
    }
}

/* Forward pass: y = out_act(W_L act(... act(W_0 x))); with keep != 0 also z (hidden) and zo (output). */
KERNEL void mlp_forward(int n, int din, int ip, int dout, int layers, int act, int outAct,
                        GLOBAL const float* RESTRICT params, GLOBAL const float* RESTRICT x, GLOBAL float* RESTRICT y,
                        int keep, GLOBAL float* RESTRICT z, GLOBAL float* RESTRICT zo) {
    i64 s = GLOBAL_ID;
    if (s >= n) {
        return;
    }
    float a[WIDTH];
    float h[WIDTH];
    mlp_first_layer(params, ip, din, x, n, s, 1.0f, a);
    int off = WIDTH * ip;
    for (int l = 1; l <= layers; l++) {
        if (keep) {
            mlp_write(z + (i64) (l - 1) * WIDTH * n, n, s, a);
        }
        UNROLL_W
        for (int r = 0; r < WIDTH; r++) {
            h[r] = act_apply(act, a[r]);
        }
        if (l < layers) {
            mlp_hidden_layer(params + off, h, a);
            off += WIDTH * WIDTH;
        }
    }
    for (int o = 0; o < dout; o++) {
        float acc = 0.0f;
        UNROLL_W
        for (int c = 0; c < WIDTH; c++) {
            acc += params[off + o * WIDTH + c] * h[c];
        }
        if (keep) {
            zo[(i64) o * n + s] = acc;
        }
        y[(i64) o * n + s] = act_apply(outAct, acc);
    }
}

/* First-order backward after mlp_forward(keep): the upstream gradient is dOut[o][s], or the constant c[o] when
 * constantOut != 0 (the input gradient of sum_o c_o y_o). Writes the pre-activation gradients dz (hidden, as z) and dzo
 * when keepDeltas != 0, and dIn[c][s] for c < din when writeIn != 0. */
KERNEL void mlp_backward(int n, int din, int ip, int dout, int layers, int act, int outAct,
                         GLOBAL const float* RESTRICT params, GLOBAL const float* RESTRICT z,
                         GLOBAL const float* RESTRICT zo, int constantOut, GLOBAL const float* RESTRICT dOut,
                         int keepDeltas, GLOBAL float* RESTRICT dz, GLOBAL float* RESTRICT dzo, int writeIn,
                         GLOBAL float* RESTRICT dIn) {
    i64 s = GLOBAL_ID;
    if (s >= n) {
        return;
    }
    int offOut = WIDTH * ip + (layers - 1) * WIDTH * WIDTH;
    float d[WIDTH];
    float a[WIDTH];
    UNROLL_W
    for (int c = 0; c < WIDTH; c++) {
        d[c] = 0.0f;
    }
    for (int o = 0; o < dout; o++) {
        float g = constantOut ? dOut[o] : dOut[(i64) o * n + s];
        float zov = zo[(i64) o * n + s];
        float dzv = g * act_derivative(outAct, zov);
        if (keepDeltas) {
            dzo[(i64) o * n + s] = dzv;
        }
        UNROLL_W
        for (int c = 0; c < WIDTH; c++) {
            d[c] += params[offOut + o * WIDTH + c] * dzv;
        }
    }
    for (int l = layers; l >= 1; l--) {
        GLOBAL const float* zl = z + (i64) (l - 1) * WIDTH * n;
        UNROLL_W
        for (int r = 0; r < WIDTH; r++) {
            d[r] = act_backward(act, zl[(i64) r * n + s], d[r]);
        }
        if (keepDeltas) {
            mlp_write(dz + (i64) (l - 1) * WIDTH * n, n, s, d);
        }
        if (l > 1) {
            mlp_hidden_transposed(params + WIDTH * ip + (l - 2) * WIDTH * WIDTH, d, a);
            UNROLL_W
            for (int r = 0; r < WIDTH; r++) {
                d[r] = a[r];
            }
        } else if (writeIn) {
            for (int c = 0; c < din; c++) {
                float acc = 0.0f;
                UNROLL_W
                for (int r = 0; r < WIDTH; r++) {
                    acc += params[r * ip + c] * d[r];
                }
                dIn[(i64) c * n + s] = acc;
            }
        }
    }
}

/* Second-order backward (MlpSecondOrder): a forward pass on dual numbers along u = dL/dg (hDot_0 = u, 0 on padded
 * inputs), then its reverse. Keeps zDot (hidden tangents) and, for mlp_outer, the reverse gradients: zDotBar and zBar
 * per hidden layer (as z), and for the output dOutDot = c act_o'(zo) and zoBar. dOut is the optional first-order
 * output gradient (hasDOut). Writes dIn = hBar_0 for c < din. Each layer streams its inputs from device memory and
 * keeps one row of WIDTH accumulators in registers; tmpBar and tmpDot ([WIDTH][n] each) carry hBar and hDotBar
 * between layers. */
KERNEL void mlp_backward_second(int n, int din, int ip, int dout, int layers, int act, int outAct,
                                GLOBAL const float* RESTRICT params, GLOBAL const float* RESTRICT z,
                                GLOBAL const float* RESTRICT zo, GLOBAL const float* RESTRICT c,
                                GLOBAL const float* RESTRICT u, int hasDOut, GLOBAL const float* RESTRICT dOut,
                                GLOBAL float* RESTRICT zDot, GLOBAL float* RESTRICT zDotBar,
                                GLOBAL float* RESTRICT zBar, GLOBAL float* RESTRICT dOutDot,
                                GLOBAL float* RESTRICT zoBar, GLOBAL float* RESTRICT tmpBar,
                                GLOBAL float* RESTRICT tmpDot, GLOBAL float* RESTRICT dIn) {
    i64 s = GLOBAL_ID;
    if (s >= n) {
        return;
    }
    i64 layerSize = (i64) WIDTH * n;
    float a[WIDTH];
    /* tangent forward: zDot_1 = W_0 hDot_0, zDot_l = W_(l-1) (act'(z_(l-1)) zDot_(l-1)) */
    mlp_first_layer(params, ip, din, u, n, s, 0.0f, a);
    mlp_write(zDot, n, s, a);
    int off = WIDTH * ip;
    for (int l = 2; l <= layers; l++) {
        GLOBAL const float* zp = z + (l - 2) * layerSize;
        GLOBAL const float* zdp = zDot + (l - 2) * layerSize;
        UNROLL_W
        for (int r = 0; r < WIDTH; r++) {
            a[r] = 0.0f;
        }
        for (int q = 0; q < WIDTH; q++) {
            float hq = act_derivative(act, zp[(i64) q * n + s]) * zdp[(i64) q * n + s];
            UNROLL_W
            for (int r = 0; r < WIDTH; r++) {
                a[r] += params[off + r * WIDTH + q] * hq;
            }
        }
        off += WIDTH * WIDTH;
        mlp_write(zDot + (l - 1) * layerSize, n, s, a);
    }
    /* output: zoDot, the two output gradients, then hBar and hDotBar of the last hidden layer into tmp */
    GLOBAL const float* zL = z + (layers - 1) * layerSize;
    GLOBAL const float* zdL = zDot + (layers - 1) * layerSize;
    for (int o = 0; o < dout; o++) {
        float zoDot = 0.0f;
        for (int q = 0; q < WIDTH; q++) {
            zoDot += params[off + o * WIDTH + q] * (act_derivative(act, zL[(i64) q * n + s]) * zdL[(i64) q * n + s]);
        }
        float zov = zo[(i64) o * n + s];
        float d1 = act_derivative(outAct, zov);
        float zb = c[o] * act_second_derivative(outAct, zov) * zoDot;
        if (hasDOut) {
            zb += dOut[(i64) o * n + s] * d1;
        }
        dOutDot[(i64) o * n + s] = c[o] * d1;
        zoBar[(i64) o * n + s] = zb;
    }
    for (int pass = 0; pass < 2; pass++) {
        GLOBAL const float* g = pass == 0 ? zoBar : dOutDot;
        UNROLL_W
        for (int q = 0; q < WIDTH; q++) {
            a[q] = 0.0f;
        }
        for (int o = 0; o < dout; o++) {
            float go = g[(i64) o * n + s];
            UNROLL_W
            for (int q = 0; q < WIDTH; q++) {
                a[q] += params[off + o * WIDTH + q] * go;
            }
        }
        mlp_write(pass == 0 ? tmpBar : tmpDot, n, s, a);
    }
    /* reverse through the hidden layers */
    int linear = act == ACT_NONE || act == ACT_RELU || act == ACT_LEAKY_RELU;
    for (int l = layers; l >= 1; l--) {
        GLOBAL const float* zl = z + (l - 1) * layerSize;
        GLOBAL const float* zdl = zDot + (l - 1) * layerSize;
        GLOBAL float* zbl = zBar + (l - 1) * layerSize;
        GLOBAL float* zdbl = zDotBar + (l - 1) * layerSize;
        for (int r = 0; r < WIDTH; r++) {
            i64 e = (i64) r * n + s;
            float zv = zl[e];
            float bar = tmpBar[e];
            float dotBar = tmpDot[e];
            float zb;
            float zdb;
            if (act == ACT_RELU) {
                zb = zv > 0.0f ? bar : 0.0f;
                zdb = zv > 0.0f ? dotBar : 0.0f;
            } else {
                float d1 = act_derivative(act, zv);
                zb = bar * d1;
                if (!linear) {
                    zb += dotBar * act_second_derivative(act, zv) * zdl[e];
                }
                zdb = dotBar * d1;
            }
            zbl[e] = zb;
            zdbl[e] = zdb;
        }
        if (l > 1) {
            GLOBAL const float* w = params + WIDTH * ip + (l - 2) * WIDTH * WIDTH;
            for (int pass = 0; pass < 2; pass++) {
                GLOBAL const float* g = pass == 0 ? zbl : zdbl;
                UNROLL_W
                for (int q = 0; q < WIDTH; q++) {
                    a[q] = 0.0f;
                }
                for (int r = 0; r < WIDTH; r++) {
                    float gr = g[(i64) r * n + s];
                    UNROLL_W
                    for (int q = 0; q < WIDTH; q++) {
                        a[q] += w[r * WIDTH + q] * gr;
                    }
                }
                mlp_write(pass == 0 ? tmpBar : tmpDot, n, s, a);
            }
        } else {
            for (int q = 0; q < din; q++) {
                float acc = 0.0f;
                for (int r = 0; r < WIDTH; r++) {
                    acc += params[r * ip + q] * zbl[(i64) r * n + s];
                }
                dIn[(i64) q * n + s] = acc;
            }
        }
    }
}

#define OUTER_TILE 64
#define OUTER_K 16

/* partial[chunk][r][c] = sum over the chunk's samples of A[r][s] B[c][s]: a 64 x 64 tile of the weight gradient per
 * block (gridY = tile index), 256 threads of 4 x 4 outputs each; the samples of chunk gridX are
 * [gridX * chunk, min(n, (gridX + 1) * chunk)). A, B and Bz start at their offsets (elements). */
KERNEL void mlp_outer(int n, int chunk, int rows, int cols, GLOBAL const float* RESTRICT a0, int aOff, int mode,
                      int act, GLOBAL const float* RESTRICT b0, int bOff, GLOBAL const float* RESTRICT bz0, int bzOff,
                      int valid, float pad, GLOBAL float* RESTRICT partial) {
    GLOBAL const float* a = a0 + aOff;
    GLOBAL const float* b = b0 + bOff;
    GLOBAL const float* bz = bz0 + bzOff;
    SHARED_ARRAY(float, as, OUTER_K * (OUTER_TILE + 4));
    SHARED_ARRAY(float, bs, OUTER_K * (OUTER_TILE + 4));
    int t = THREAD_ID;
    int tilesC = (cols + OUTER_TILE - 1) / OUTER_TILE;
    int r0 = (BLOCK_ID_Y / tilesC) * OUTER_TILE;
    int c0 = (BLOCK_ID_Y % tilesC) * OUTER_TILE;
    int tx = t % 16;
    int ty = t / 16;
    i64 start = (i64) BLOCK_ID * chunk;
    i64 end = start + chunk < n ? start + chunk : n;
    float acc[16];
    UNROLL
    for (int i = 0; i < 16; i++) {
        acc[i] = 0.0f;
    }
    for (i64 k0 = start; k0 < end; k0 += OUTER_K) {
        for (int e = t; e < OUTER_K * OUTER_TILE; e += 256) {
            int k = e % OUTER_K;
            int m = e / OUTER_K;
            i64 sk = k0 + k;
            int r = r0 + m;
            int c = c0 + m;
            as[k * (OUTER_TILE + 4) + m] = (sk < end && r < rows) ? a[(i64) r * n + sk] : 0.0f;
            bs[k * (OUTER_TILE + 4) + m] = (sk < end && c < cols) ? mlp_b(mode, act, b, bz, valid, pad, c, n, sk) : 0.0f;
        }
        SYNC_THREADS();
        UNROLL
        for (int k = 0; k < OUTER_K; k++) {
            float av[4];
            float bv[4];
            UNROLL
            for (int i = 0; i < 4; i++) {
                av[i] = as[k * (OUTER_TILE + 4) + ty * 4 + i];
                bv[i] = bs[k * (OUTER_TILE + 4) + tx * 4 + i];
            }
            UNROLL
            for (int i = 0; i < 4; i++) {
                UNROLL
                for (int j = 0; j < 4; j++) {
                    acc[i * 4 + j] += av[i] * bv[j];
                }
            }
        }
        SYNC_THREADS();
    }
    i64 count = (i64) rows * cols;
    UNROLL
    for (int i = 0; i < 4; i++) {
        UNROLL
        for (int j = 0; j < 4; j++) {
            int r = r0 + ty * 4 + i;
            int c = c0 + tx * 4 + j;
            if (r < rows && c < cols) {
                partial[(i64) BLOCK_ID * count + (i64) r * cols + c] = acc[i * 4 + j];
            }
        }
    }
}

/* grad[offset + j] += sum over chunks in order of partial[chunk][j], j < count. */
KERNEL void mlp_outer_reduce(int count, int chunks, GLOBAL const float* RESTRICT partial, GLOBAL float* RESTRICT grad,
                             int offset) {
    i64 j = GLOBAL_ID;
    if (j >= count) {
        return;
    }
    float acc = 0.0f;
    for (int q = 0; q < chunks; q++) {
        acc += partial[(i64) q * count + j];
    }
    grad[offset + j] += acc;
}
