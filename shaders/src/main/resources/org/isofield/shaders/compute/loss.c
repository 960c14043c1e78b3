/* Losses of a training step and the gathers around them. CPU twins: ElementwiseLoss, Eikonal, EikonalTerm. */
#define LOSS_L1 0
#define LOSS_L2 1
#define LOSS_RELATIVE_L2 2
#define LOSS_MAPE 3
/* grad[i] = dLoss/dy[i] of the mean element-wise loss (inv = 1 / count); partial[block] = the block's sum of values.
 * The gradient is bitwise ElementwiseLoss's. */
KERNEL void loss_elementwise(int count, int kind, float inv, GLOBAL const float* RESTRICT y,
                             GLOBAL const float* RESTRICT d, GLOBAL float* RESTRICT grad,
                             GLOBAL float* RESTRICT partial) {
    SHARED_ARRAY(float, s, REDUCE_BLOCK);
    i64 i = GLOBAL_ID;
    float value = 0.0f;
    if (i < count) {
        float yi = y[i];
        float di = d[i];
        float e = SUB_RN(yi, di);
        float sign = e > 0.0f ? 1.0f : (e < 0.0f ? -1.0f : e);
        float g;
        if (kind == LOSS_L1) {
            value = FABSF(e);
            g = sign;
        } else if (kind == LOSS_L2) {
            value = MUL_RN(e, e);
            g = MUL_RN(2.0f, e);
        } else if (kind == LOSS_RELATIVE_L2) {
            float denom = ADD_RN(MUL_RN(yi, yi), 0.01f);
            value = DIV_RN(MUL_RN(e, e), denom);
            g = DIV_RN(MUL_RN(2.0f, e), denom);
        } else {
            float denom = ADD_RN(FABSF(di), 0.01f);
            value = DIV_RN(FABSF(e), denom);
            g = DIV_RN(sign, denom);
        }
        grad[i] = MUL_RN(g, inv);
    }
    block_sum(s, value, partial);
}

/* a + b as hi + lo exactly (Knuth's two-sum). */
INLINE float two_sum(float a, float b, float* lo) {
    float s = ADD_RN(a, b);
    float bb = SUB_RN(s, a);
    *lo = ADD_RN(SUB_RN(a, SUB_RN(s, bb)), SUB_RN(b, bb));
    return s;
}

/* |g|^2 - 1 for g near the unit sphere, accurate to float precision of the difference: the squares and their sum in
 * error-free transformations, so |g| - 1 keeps its digits where |g| is close to 1 (as the double arithmetic of the
 * CPU twin does); a plain float |g| - 1 loses them, and the eikonal gradient with them. */
INLINE float norm2_minus_one(float x, float y, float z, float* norm2) {
    float px = MUL_RN(x, x);
    float ex = FMAF(x, x, -px);
    float py = MUL_RN(y, y);
    float ey = FMAF(y, y, -py);
    float pz = MUL_RN(z, z);
    float ez = FMAF(z, z, -pz);
    float l1;
    float l2;
    float s = two_sum(px, py, &l1);
    s = two_sum(s, pz, &l2);
    float lo = ADD_RN(ADD_RN(ADD_RN(l1, l2), ADD_RN(ex, ey)), ez);
    float hi;
    float l3;
    hi = two_sum(s, -1.0f, &l3);
    *norm2 = ADD_RN(s, lo);
    return ADD_RN(hi, ADD_RN(l3, lo));
}

/* The eikonal term on spatial gradients g (point-major, 3 per sample): partial[block] = sum (|g| - 1)^2 and
 * dGrad = scale (|g| - 1) / |g| g (0 where g = 0), scale = 2 weight / k. */
KERNEL void eikonal(int k, float scale, GLOBAL const float* RESTRICT g, GLOBAL float* RESTRICT dGrad,
                    GLOBAL float* RESTRICT partial) {
    SHARED_ARRAY(float, s, REDUCE_BLOCK);
    i64 i = GLOBAL_ID;
    float value = 0.0f;
    if (i < k) {
        float gx = g[3 * i];
        float gy = g[3 * i + 1];
        float gz = g[3 * i + 2];
        float norm2;
        float d = norm2_minus_one(gx, gy, gz, &norm2);
        float norm = SQRTF(norm2);
        float nm1 = DIV_RN(d, ADD_RN(norm, 1.0f));
        value = MUL_RN(nm1, nm1);
        float f = norm > 0.0f ? DIV_RN(MUL_RN(scale, nm1), norm) : 0.0f;
        dGrad[3 * i] = MUL_RN(f, gx);
        dGrad[3 * i + 1] = MUL_RN(f, gy);
        dGrad[3 * i + 2] = MUL_RN(f, gz);
    }
    block_sum(s, value, partial);
}

/* dst gets k of n samples, sample j from source sample floor(j n / k): point-major rows of width cols
 * (pointMajor != 0) or feature-major rows (stride n into stride k). */
KERNEL void gather_spread(int k, int n, int cols, int pointMajor, GLOBAL const float* RESTRICT src,
                          GLOBAL float* RESTRICT dst) {
    i64 j = GLOBAL_ID;
    if (j >= k) {
        return;
    }
    i64 i = (j * (i64) n) / k;
    for (int c = 0; c < cols; c++) {
        if (pointMajor) {
            dst[j * cols + c] = src[i * cols + c];
        } else {
            dst[(i64) c * k + j] = src[(i64) c * n + i];
        }
    }
}

/* y[i] = a x[i] + y[i] over count entries (adding one gradient array into another). */
KERNEL void axpy(int count, float a, GLOBAL const float* RESTRICT x, GLOBAL float* RESTRICT y) {
    i64 i = GLOBAL_ID;
    if (i < count) {
        y[i] = a * x[i] + y[i];
    }
}
