/* Neural-Pull's pull loss on a device (Ma et al. 2021). CPU twin: org.isofield.reconstruction.neuralpull.PullLoss.
 * For query q with target t, field value s and spatial gradient G: n = G / |G|, p = q - s n, r = p - t,
 * L = mean |r|; dL/ds = -a . n and dL/dG = -(s / |G|)(a - (a . n) n) with a = r / (|r| N). */
#define PULL_TINY 1e-12f

/* Per query: dValue (first-order gradient on the field value), v (gradient on the spatial gradient, point-major),
 * and the block sums of |r| into partial. Queries and targets point-major; count = N, the batch size. */
KERNEL void pull_loss(int n, GLOBAL const float* RESTRICT q, GLOBAL const float* RESTRICT t,
                      GLOBAL const float* RESTRICT value, GLOBAL const float* RESTRICT grad,
                      GLOBAL float* RESTRICT dValue, GLOBAL float* RESTRICT v, GLOBAL float* RESTRICT partial) {
    SHARED_ARRAY(float, sum, REDUCE_BLOCK);
    i64 i = GLOBAL_ID;
    float len = 0.0f;
    if (i < n) {
        float gx = grad[3 * i];
        float gy = grad[3 * i + 1];
        float gz = grad[3 * i + 2];
        float norm = SQRTF(gx * gx + gy * gy + gz * gz);
        float s = value[i];
        float inv = norm > PULL_TINY ? 1.0f / norm : 0.0f;
        float nx = gx * inv;
        float ny = gy * inv;
        float nz = gz * inv;
        float rx = q[3 * i] - s * nx - t[3 * i];
        float ry = q[3 * i + 1] - s * ny - t[3 * i + 1];
        float rz = q[3 * i + 2] - s * nz - t[3 * i + 2];
        len = SQRTF(rx * rx + ry * ry + rz * rz);
        float scale = len > PULL_TINY ? 1.0f / (len * (float) n) : 0.0f;
        float ax = rx * scale;
        float ay = ry * scale;
        float az = rz * scale;
        float an = ax * nx + ay * ny + az * nz;
        dValue[i] = -an;
        float k = norm > PULL_TINY ? -s * inv : 0.0f;
        v[3 * i] = k * (ax - an * nx);
        v[3 * i + 1] = k * (ay - an * ny);
        v[3 * i + 2] = k * (az - an * nz);
    }
    block_sum(sum, len, partial);
}

/* The surface term w mean f(t)^2: tdValue = 2 w f / n, partial = block sums of f^2. */
KERNEL void pull_surface(int n, float weight, GLOBAL const float* RESTRICT f, GLOBAL float* RESTRICT tdValue,
                         GLOBAL float* RESTRICT partial) {
    SHARED_ARRAY(float, sum, REDUCE_BLOCK);
    i64 i = GLOBAL_ID;
    float f2 = 0.0f;
    if (i < n) {
        float fi = f[i];
        f2 = fi * fi;
        tdValue[i] = 2.0f * weight * fi / (float) n;
    }
    block_sum(sum, f2, partial);
}

/* The next n pairs of the query pool in its shuffled order from position start (wrapping): q, t point-major. */
KERNEL void pull_gather(int n, int start, int size, GLOBAL const int* RESTRICT order,
                        GLOBAL const float* RESTRICT queries, GLOBAL const float* RESTRICT targets,
                        GLOBAL float* RESTRICT q, GLOBAL float* RESTRICT t) {
    i64 i = GLOBAL_ID;
    if (i >= n) {
        return;
    }
    i64 at = ((i64) start + i) % size;
    i64 j = order[at];
    for (int a = 0; a < 3; a++) {
        q[3 * i + a] = queries[3 * j + a];
        t[3 * i + a] = targets[3 * j + a];
    }
}
