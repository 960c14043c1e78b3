/* isofield kernel prelude for CUDA C++ (nvcc, ahead of time). Same names as prelude_opencl.h. */
#define ISOFIELD_CUDA 1

typedef unsigned int u32;
typedef int i32;
typedef long long i64;
typedef unsigned long long u64;

#define KERNEL extern "C" __global__
#define GLOBAL
#define LOCAL
#define RESTRICT __restrict__
#define INLINE static __device__ __forceinline__
#define THREAD_ID ((int) threadIdx.x)
#define BLOCK_ID ((int) blockIdx.x)
#define BLOCK_ID_Y ((int) blockIdx.y)
#define BLOCK_SIZE ((int) blockDim.x)
#define GRID_SIZE ((int) gridDim.x)
#define GLOBAL_ID ((i64) blockIdx.x * blockDim.x + threadIdx.x)
#define SYNC_THREADS() __syncthreads()
/* Unroll the next loop fully (its trip count is a compile-time constant). */
#define UNROLL _Pragma("unroll")
#define SHARED_ARRAY(type, name, n) __shared__ type name[n]

#define FLOORF(x) floorf(x)
#define SQRTF(x) sqrtf(x)
#define FMAF(a, b, c) fmaf(a, b, c)
#define EXPF(x) expf(x)
#define LOGF(x) logf(x)
#define LOG1PF(x) log1pf(x)
#define TANHF(x) tanhf(x)
#define SINF(x) sinf(x)
#define COSF(x) cosf(x)
#define ATAN2F(y, x) atan2f(y, x)
#define FABSF(x) fabsf(x)
#define FMAXF(a, b) fmaxf(a, b)
#define FMINF(a, b) fminf(a, b)
#define FLOAT_AS_U32(x) __float_as_uint(x)
#define U32_AS_FLOAT(x) __uint_as_float(x)
/* Products and sums rounded on their own (never fused into an FMA), where a kernel must match its Java twin. */
#define MUL_RN(a, b) __fmul_rn(a, b)
#define ADD_RN(a, b) __fadd_rn(a, b)
#define SUB_RN(a, b) __fsub_rn(a, b)
#define DIV_RN(a, b) __fdiv_rn(a, b)

#define ATOMIC_ADD_F32(p, v) atomicAdd((float*) (p), (v))
