/* The activations of org.isofield.fields.mlp.Activation, by its ordinal: value, first and second derivative. */
#define ACT_NONE 0
#define ACT_RELU 1
#define ACT_LEAKY_RELU 2
#define ACT_SIGMOID 3
#define ACT_SOFTPLUS 4
#define ACT_TANH 5
#define ACT_SINE 6

INLINE float act_apply(int a, float z) {
    switch (a) {
        case ACT_RELU: return z > 0.0f ? z : 0.0f;
        case ACT_LEAKY_RELU: return z > 0.0f ? z : 0.01f * z;
        case ACT_SIGMOID: return 1.0f / (1.0f + EXPF(-z));
        case ACT_SOFTPLUS: {
            float kz = 10.0f * z;
            return (kz > 0.0f ? kz + LOG1PF(EXPF(-kz)) : LOG1PF(EXPF(kz))) / 10.0f;
        }
        case ACT_TANH: return TANHF(z);
        case ACT_SINE: return SINF(z);
        default: return z;
    }
}

INLINE float act_derivative(int a, float z) {
    switch (a) {
        case ACT_RELU: return z > 0.0f ? 1.0f : 0.0f;
        case ACT_LEAKY_RELU: return z > 0.0f ? 1.0f : 0.01f;
        case ACT_SIGMOID: {
            float s = 1.0f / (1.0f + EXPF(-z));
            return s * (1.0f - s);
        }
        case ACT_SOFTPLUS: return 1.0f / (1.0f + EXPF(-10.0f * z));
        case ACT_TANH: {
            float t = TANHF(z);
            return 1.0f - t * t;
        }
        case ACT_SINE: return COSF(z);
        default: return 1.0f;
    }
}

INLINE float act_second_derivative(int a, float z) {
    switch (a) {
        case ACT_SIGMOID: {
            float s = 1.0f / (1.0f + EXPF(-z));
            return s * (1.0f - s) * (1.0f - 2.0f * s);
        }
        case ACT_SOFTPLUS: {
            float s = 1.0f / (1.0f + EXPF(-10.0f * z));
            return 10.0f * s * (1.0f - s);
        }
        case ACT_TANH: {
            float t = TANHF(z);
            return -2.0f * t * (1.0f - t * t);
        }
        case ACT_SINE: return -SINF(z);
        default: return 0.0f;
    }
}

/* ReLU's gate is exact (NaN in z gives 0), as the CPU's reluGate. */
INLINE float act_backward(int a, float z, float d) {
    return a == ACT_RELU ? (z > 0.0f ? d : 0.0f) : d * act_derivative(a, z);
}
