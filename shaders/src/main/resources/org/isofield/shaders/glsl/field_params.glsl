// A neural field (hash grid or simplex grid + tcnn FullyFusedMLP) for compute shaders; see render.vulkan.FieldParameters.
// Binding 0: the config (std140, filled on the host); 1: grid tables (fp32, level tables back to back, rows x 2,
// row-major); 2: MLP weights (fp32, tcnn layout: row-major matrices, input padded with ones to a multiple of 16).
#define FIELD_MAX_LEVELS 32
#define FIELD_MAX_WIDTH 128
#define FIELD_MAX_INPUT 64
#define FIELD_MAX_HIDDEN 16

layout(std140, set = 0, binding = 0) uniform FieldConfig {
    ivec4 shape;      // x levels, y network width, z hidden layers, w padded input dims (multiple of 16)
    ivec4 kinds;      // x hidden activation, y output activation (0 None, 1 ReLU), z interpolation (0 linear, 1 smoothstep),
                      // w encoding (0 HashGrid, 1 SimplexGrid)
    vec4 levelScale[FIELD_MAX_LEVELS];    // x: s_l = N_min * b^l - 1 (float, as tcnn); y: simplex skew F
    ivec4 levelInfo[FIELD_MAX_LEVELS];    // x resolution, y rows, z 1 when hashed, w offset of the table in floats
} cfg;

layout(std430, set = 0, binding = 1) readonly buffer GridParams { float grid[]; };
layout(std430, set = 0, binding = 2) readonly buffer MlpParams { float mlp[]; };
