/* Optimizer steps over flat parameter arrays, as org.isofield.fields.optim runs them: Adam (tiny-cuda-nn's adam.h,
 * per-parameter step counters, zero-gradient skipping on grid ranges, L2 on matrix ranges) and the EMA of the
 * parameters. Element-wise, each product and sum rounded on its own: bitwise the Java twins given the same inputs. */

/* One Adam step on entries [offset, offset + count). corr[k] = sqrt(1 - beta2^k) / (1 - beta1^k), from the host. */
KERNEL void adam_step(int count, int offset, int grid, float lr, float beta1, float beta2, float eps, float l2,
                      GLOBAL float* RESTRICT w, GLOBAL const float* RESTRICT grads, GLOBAL float* RESTRICT m,
                      GLOBAL float* RESTRICT v, GLOBAL int* RESTRICT steps, GLOBAL const float* RESTRICT corr) {
    i64 j = GLOBAL_ID;
    if (j >= count) {
        return;
    }
    i64 i = offset + j;
    float g = grads[i];
    float wi = w[i];
    if (grid) {
        if (g == 0.0f) {
            return;
        }
    } else {
        g = ADD_RN(g, MUL_RN(l2, wi));
    }
    float mi = ADD_RN(MUL_RN(beta1, m[i]), MUL_RN(SUB_RN(1.0f, beta1), g));
    float vi = ADD_RN(MUL_RN(beta2, v[i]), MUL_RN(SUB_RN(1.0f, beta2), MUL_RN(g, g)));
    m[i] = mi;
    v[i] = vi;
    int k = steps[i] + 1;
    steps[i] = k;
    float effective = DIV_RN(MUL_RN(lr, corr[k]), ADD_RN(SQRTF(vi), eps));
    w[i] = SUB_RN(wi, MUL_RN(effective, mi));
}

/* ema[i] = (old ema[i] + fresh w[i]) norm, the bias-corrected moving average (EmaOptimizer). */
KERNEL void ema_step(int count, float old, float fresh, float norm, GLOBAL const float* RESTRICT w,
                     GLOBAL float* RESTRICT ema) {
    i64 i = GLOBAL_ID;
    if (i >= count) {
        return;
    }
    ema[i] = MUL_RN(ADD_RN(MUL_RN(old, ema[i]), MUL_RN(fresh, w[i])), norm);
}
