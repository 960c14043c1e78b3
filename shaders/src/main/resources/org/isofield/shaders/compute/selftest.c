/* Runtime self-test kernels: the compute runtime's own tests run them on every backend. */

/* y[i] = a * x[i] + y[i] */
KERNEL void saxpy(int n, float a, GLOBAL const float* RESTRICT x, GLOBAL float* RESTRICT y) {
    i64 i = GLOBAL_ID;
    if (i < n) {
        y[i] = ADD_RN(MUL_RN(a, x[i]), y[i]);
    }
}

/* out[i] = i + offset */
KERNEL void iota(int n, int offset, GLOBAL int* RESTRICT out) {
    i64 i = GLOBAL_ID;
    if (i < n) {
        out[i] = (int) i + offset;
    }
}

/* out[i % bins] += x[i] with float atomics */
KERNEL void atomic_bins(int n, int bins, GLOBAL const float* RESTRICT x, GLOBAL float* RESTRICT out) {
    i64 i = GLOBAL_ID;
    if (i < n) {
        ATOMIC_ADD_F32(&out[i % bins], x[i]);
    }
}

/* A reduction through local memory: partial[block] = sum of the block's x (block size 256). */
KERNEL void block_sums(int n, GLOBAL const float* RESTRICT x, GLOBAL float* RESTRICT partial) {
    SHARED_ARRAY(float, s, 256);
    i64 i = GLOBAL_ID;
    int t = THREAD_ID;
    s[t] = i < n ? x[i] : 0.0f;
    SYNC_THREADS();
    for (int stride = 128; stride > 0; stride >>= 1) {
        if (t < stride) {
            s[t] += s[t + stride];
        }
        SYNC_THREADS();
    }
    if (t == 0) {
        partial[BLOCK_ID] = s[0];
    }
}
