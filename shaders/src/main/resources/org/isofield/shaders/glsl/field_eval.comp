#version 450
#extension GL_GOOGLE_include_directive : require
// The field at n points (unit cube), with the same includes as field_trace.comp: the CPU-parity check.
layout(local_size_x = 64) in;
#include "field_params.glsl"
#include "field_hashgrid.glsl"
#include "field_mlp.glsl"

layout(std430, set = 0, binding = 3) readonly buffer Points { float xyz[]; };
layout(std430, set = 0, binding = 4) writeonly buffer Values { float values[]; };
layout(push_constant) uniform EvalParams { uint n; } pc;

void main() {
    uint i = gl_GlobalInvocationID.x;
    if (i >= pc.n) {
        return;
    }
    values[i] = field_value(vec3(xyz[3u * i], xyz[3u * i + 1u], xyz[3u * i + 2u]));
}
