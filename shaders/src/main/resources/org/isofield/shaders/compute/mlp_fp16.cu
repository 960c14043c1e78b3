/* The FullyFusedMLP forward pass on tensor cores (CUDA only, sm_70 and newer): the layout, activations and padding
 * of mlp.c, with each layer's product W h done by WMMA on 16x16x16 half tiles with fp32 accumulation. Weights stay
 * fp32 (the master copy the optimizer updates); mlp_fp16_weights rounds them to a half copy once per step. A block
 * takes SAMPLES samples: their activations live in shared memory as half (h, sample-major, HCOLS columns), each warp
 * computes 16 rows of the next layer's pre-activations for all of them, stored in shared memory as fp32 (zs); the
 * activation is then applied in fp32 and rounded to half for the next product. The output layer (at most 16 rows) is
 * computed in fp32 from the fp32 activations. Pre-activations written with keep != 0 are fp32, so the fp32 backward
 * kernels of mlp.c run on them unchanged. CPU twin: MlpNetwork.forward with the products' inputs rounded to half
 * (tolerance in docs/decisions/gpu-parity.md). The input width IP must be at most HCOLS (DeviceMlp checks it). */
#include <mma.h>
#include <cuda_fp16.h>

#define HCOLS (WIDTH > 64 ? WIDTH : 64)
#define SAMPLES (WIDTH > 64 ? 64 : 128)
#define WARPS (WIDTH / 16)

/* out[i] = half(params[i]) for i < count. */
KERNEL void mlp_fp16_weights(int count, GLOBAL const float* RESTRICT params, __half* RESTRICT out) {
    i64 i = GLOBAL_ID;
    if (i < count) {
        out[i] = __float2half_rn(params[i]);
    }
}

/* zs[j][r] (r < WIDTH, j < SAMPLES) = sum_k w[r][k] h[j][k] over k < K (a multiple of 16); w row-major, leading
 * dimension ldw. Warp q computes rows 16q to 16q + 15. */
INLINE void fp16_layer(const __half* RESTRICT w, int ldw, int k, const __half* h, float* zs) {
    using namespace nvcuda;
    int q = THREAD_ID / 32;
    for (int j0 = 0; j0 < SAMPLES; j0 += 16) {
        wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc;
        wmma::fill_fragment(acc, 0.0f);
        for (int k0 = 0; k0 < k; k0 += 16) {
            wmma::fragment<wmma::matrix_a, 16, 16, 16, __half, wmma::row_major> a;
            wmma::fragment<wmma::matrix_b, 16, 16, 16, __half, wmma::col_major> b;
            wmma::load_matrix_sync(a, w + (i64) (16 * q) * ldw + k0, ldw);
            wmma::load_matrix_sync(b, h + j0 * HCOLS + k0, HCOLS);
            wmma::mma_sync(acc, a, b, acc);
        }
        wmma::store_matrix_sync(zs + j0 * WIDTH + 16 * q, acc, WIDTH, wmma::mem_col_major);
    }
}

/* As mlp_forward (same arguments, plus the half weights wh): y, and z / zo when keep != 0. Launch with WARPS * 32
 * threads a block and one block per SAMPLES samples. */
KERNEL void mlp_forward_fp16(int n, int din, int ip, int dout, int layers, int act, int outAct,
                             GLOBAL const float* RESTRICT params, const __half* RESTRICT wh,
                             GLOBAL const float* RESTRICT x, GLOBAL float* RESTRICT y, int keep,
                             GLOBAL float* RESTRICT z, GLOBAL float* RESTRICT zo) {
    __shared__ __align__(32) __half h[SAMPLES * HCOLS];
    __shared__ __align__(32) float zs[SAMPLES * WIDTH];
    i64 base = (i64) BLOCK_ID * SAMPLES;
    int threads = BLOCK_SIZE;
    for (int e = THREAD_ID; e < SAMPLES * ip; e += threads) {
        int j = e % SAMPLES;
        int c = e / SAMPLES;
        i64 s = base + j;
        float v = s < n ? (c < din ? x[(i64) c * n + s] : 1.0f) : 0.0f;
        h[j * HCOLS + c] = __float2half_rn(v);
    }
    SYNC_THREADS();
    int off = WIDTH * ip;
    fp16_layer(wh, ip, ip, h, zs);
    for (int l = 1; l <= layers; l++) {
        SYNC_THREADS();
        for (int e = THREAD_ID; e < SAMPLES * WIDTH; e += threads) {
            int j = e % SAMPLES;
            int r = e / SAMPLES;
            i64 s = base + j;
            float a = zs[j * WIDTH + r];
            if (keep && s < n) {
                z[(i64) (l - 1) * WIDTH * n + (i64) r * n + s] = a;
            }
            h[j * HCOLS + r] = __float2half_rn(act_apply(act, a));
        }
        SYNC_THREADS();
        if (l < layers) {
            fp16_layer(wh + off, WIDTH, WIDTH, h, zs);
            off += WIDTH * WIDTH;
        }
    }
    for (int j = THREAD_ID; j < SAMPLES; j += threads) {
        i64 s = base + j;
        if (s >= n) {
            continue;
        }
        for (int o = 0; o < dout; o++) {
            float acc = 0.0f;
            for (int c = 0; c < WIDTH; c++) {
                acc += params[off + o * WIDTH + c] * act_apply(act, zs[j * WIDTH + c]);
            }
            if (keep) {
                zo[(i64) o * n + s] = acc;
            }
            y[(i64) o * n + s] = act_apply(outAct, acc);
        }
    }
}

#define FP16_TILE 64
#define FP16_K 32

/* mlp_outer on tensor cores (same arguments and output): partial[chunk][r][c] = sum over the chunk's samples of
 * half(A[r][s]) half(B[c][s]), accumulated in fp32. A block of 256 threads (8 warps) takes a 64 x 64 tile of the
 * gradient (gridY = tile index) and the samples of chunk gridX, FP16_K at a time: A's rows and B's columns are staged
 * in shared memory as half (k contiguous), each warp accumulates two 16 x 16 fragments, and the tile goes out through
 * shared memory with the bounds checked. CPU twin: the fp32 mlp_outer with its factors rounded to half. */
KERNEL void mlp_outer_fp16(int n, int chunk, int rows, int cols, GLOBAL const float* RESTRICT a0, int aOff, int mode,
                           int act, GLOBAL const float* RESTRICT b0, int bOff, GLOBAL const float* RESTRICT bz0,
                           int bzOff, int valid, float pad, GLOBAL float* RESTRICT partial) {
    using namespace nvcuda;
    GLOBAL const float* a = a0 + aOff;
    GLOBAL const float* b = b0 + bOff;
    GLOBAL const float* bz = bz0 + bzOff;
    __shared__ __align__(32) __half as[FP16_TILE * FP16_K];
    __shared__ __align__(32) __half bs[FP16_TILE * FP16_K];
    __shared__ __align__(32) float out[FP16_TILE * FP16_TILE];
    int t = THREAD_ID;
    int warp = t / 32;
    int tilesC = (cols + FP16_TILE - 1) / FP16_TILE;
    int r0 = (BLOCK_ID_Y / tilesC) * FP16_TILE;
    int c0 = (BLOCK_ID_Y % tilesC) * FP16_TILE;
    i64 start = (i64) BLOCK_ID * chunk;
    i64 end = start + chunk < n ? start + chunk : n;
    /* warp w owns fragment row fr = w / 2 (rows 16 fr ..) and fragment columns 2 (w % 2) and 2 (w % 2) + 1 */
    int fr = warp / 2;
    int fc = 2 * (warp % 2);
    wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc0;
    wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc1;
    wmma::fill_fragment(acc0, 0.0f);
    wmma::fill_fragment(acc1, 0.0f);
    for (i64 k0 = start; k0 < end; k0 += FP16_K) {
        for (int e = t; e < FP16_K * FP16_TILE; e += 256) {
            int k = e % FP16_K;
            int m = e / FP16_K;
            i64 sk = k0 + k;
            int r = r0 + m;
            int c = c0 + m;
            as[m * FP16_K + k] = __float2half_rn((sk < end && r < rows) ? a[(i64) r * n + sk] : 0.0f);
            bs[m * FP16_K + k] = __float2half_rn((sk < end && c < cols)
                    ? mlp_b(mode, act, b, bz, valid, pad, c, n, sk) : 0.0f);
        }
        SYNC_THREADS();
        for (int kk = 0; kk < FP16_K; kk += 16) {
            wmma::fragment<wmma::matrix_a, 16, 16, 16, __half, wmma::row_major> fa;
            wmma::fragment<wmma::matrix_b, 16, 16, 16, __half, wmma::col_major> fb;
            wmma::load_matrix_sync(fa, as + (16 * fr) * FP16_K + kk, FP16_K);
            wmma::load_matrix_sync(fb, bs + (16 * fc) * FP16_K + kk, FP16_K);
            wmma::mma_sync(acc0, fa, fb, acc0);
            wmma::load_matrix_sync(fb, bs + (16 * (fc + 1)) * FP16_K + kk, FP16_K);
            wmma::mma_sync(acc1, fa, fb, acc1);
        }
        SYNC_THREADS();
    }
    wmma::store_matrix_sync(out + (16 * fr) * FP16_TILE + 16 * fc, acc0, FP16_TILE, wmma::mem_row_major);
    wmma::store_matrix_sync(out + (16 * fr) * FP16_TILE + 16 * (fc + 1), acc1, FP16_TILE, wmma::mem_row_major);
    SYNC_THREADS();
    i64 count = (i64) rows * cols;
    for (int e = t; e < FP16_TILE * FP16_TILE; e += 256) {
        int r = r0 + e / FP16_TILE;
        int c = c0 + e % FP16_TILE;
        if (r < rows && c < cols) {
            partial[(i64) BLOCK_ID * count + (i64) r * cols + c] = out[e];
        }
    }
}
