/* isofield kernel prelude for OpenCL C 1.2. The kernel sources are written once in a small C subset over these
 * macros; prelude_cuda.h gives the same names for CUDA C. */
#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_global_int32_base_atomics : enable
#define ISOFIELD_OPENCL 1

typedef uint u32;
typedef int i32;
typedef long i64;
typedef ulong u64;

#define KERNEL __kernel
#define GLOBAL __global
#define LOCAL __local
#define RESTRICT restrict
#define INLINE inline
/* Work-group (block) and work-item (thread) indices. */
#define THREAD_ID ((int) get_local_id(0))
#define BLOCK_ID ((int) get_group_id(0))
#define BLOCK_ID_Y ((int) get_group_id(1))
#define BLOCK_SIZE ((int) get_local_size(0))
#define GRID_SIZE ((int) get_num_groups(0))
#define GLOBAL_ID ((i64) get_global_id(0))
#define SYNC_THREADS() barrier(CLK_LOCAL_MEM_FENCE)
/* Unroll the next loop fully (its trip count is a compile-time constant). */
#define UNROLL _Pragma("unroll")
/* A local (shared) array; declare at kernel scope. */
#define SHARED_ARRAY(type, name, n) __local type name[n]

#define FLOORF(x) floor(x)
#define SQRTF(x) sqrt(x)
#define FMAF(a, b, c) fma(a, b, c)
#define EXPF(x) exp(x)
#define LOGF(x) log(x)
#define LOG1PF(x) log1p(x)
#define TANHF(x) tanh(x)
#define SINF(x) sin(x)
#define COSF(x) cos(x)
#define ATAN2F(y, x) atan2(y, x)
#define FABSF(x) fabs(x)
#define FMAXF(a, b) fmax(a, b)
#define FMINF(a, b) fmin(a, b)
#define FLOAT_AS_U32(x) as_uint(x)
#define U32_AS_FLOAT(x) as_float(x)
/* Products and sums rounded on their own (never fused): contraction is off in every OpenCL program. */
#define MUL_RN(a, b) ((a) * (b))
#define ADD_RN(a, b) ((a) + (b))
#define SUB_RN(a, b) ((a) - (b))
#define DIV_RN(a, b) ((a) / (b))

/* Float atomic add by compare-and-swap (OpenCL 1.2 has no float atomics). */
INLINE void atomic_add_f32(volatile GLOBAL float* p, float v) {
    volatile GLOBAL u32* q = (volatile GLOBAL u32*) p;
    u32 old = *q;
    u32 seen;
    do {
        seen = old;
        old = atomic_cmpxchg(q, seen, as_uint(as_float(seen) + v));
    } while (old != seen);
}
#define ATOMIC_ADD_F32(p, v) atomic_add_f32((volatile GLOBAL float*) (p), (v))
