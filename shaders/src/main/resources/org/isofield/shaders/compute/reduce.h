/* Block reductions shared by the kernel families: a fixed tree over REDUCE_BLOCK threads, so sums are deterministic. */
#define REDUCE_BLOCK 256

/* Sums the block's values into partial[block] through local memory (block size REDUCE_BLOCK). */
INLINE void block_sum(LOCAL float* s, float value, GLOBAL float* partial) {
    int t = THREAD_ID;
    s[t] = value;
    SYNC_THREADS();
    for (int stride = REDUCE_BLOCK / 2; stride > 0; stride >>= 1) {
        if (t < stride) {
            s[t] += s[t + stride];
        }
        SYNC_THREADS();
    }
    if (t == 0) {
        partial[BLOCK_ID] = s[0];
    }
}
