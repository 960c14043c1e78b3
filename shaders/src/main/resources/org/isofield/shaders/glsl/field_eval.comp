#version 450
#extension GL_GOOGLE_include_directive : require
// The field (or, with gradient = 1, its analytic gradient: 3 floats per point) at n points (unit cube), with the
// same includes as field_trace.comp: the CPU-parity check, and the lattice behind the tracer's empty-space skipping.
layout(local_size_x = 64) in;
#include "field_params.glsl"
#include "field_hashgrid.glsl"
#include "field_simplexgrid.glsl"
#include "field_mlp.glsl"

layout(std430, set = 0, binding = 3) readonly buffer Points { float xyz[]; };
layout(std430, set = 0, binding = 4) writeonly buffer Values { float values[]; };
layout(push_constant) uniform EvalParams { uint n; uint gradient; } pc;

void main() {
    uint i = gl_GlobalInvocationID.x;
    if (i >= pc.n) {
        return;
    }
    vec3 x = vec3(xyz[3u * i], xyz[3u * i + 1u], xyz[3u * i + 2u]);
    if (pc.gradient == 1u) {
        vec3 g = field_gradient(x);
        values[3u * i] = g.x;
        values[3u * i + 1u] = g.y;
        values[3u * i + 2u] = g.z;
    } else {
        values[i] = field_value(x);
    }
}
