/* The second factor of a weight gradient, shared by mlp.c (fp32) and mlp_fp16.cu (tensor cores). */
/* B[c][s] of a weight gradient: mode 0 the array itself (c < valid, else pad); 1 act(z); 2 act'(z) zDot. */
INLINE float mlp_b(int mode, int act, GLOBAL const float* RESTRICT b, GLOBAL const float* RESTRICT bz, int valid,
                   float pad, int c, int n, i64 s) {
    if (mode == 0) {
        return c < valid ? b[(i64) c * n + s] : pad;
    }
    float zv = bz[(i64) c * n + s];
    return mode == 1 ? act_apply(act, zv) : act_derivative(act, zv) * b[(i64) c * n + s];
}
