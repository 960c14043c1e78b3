#version 450
#extension GL_GOOGLE_include_directive : require
// Point splats: a round sprite whose diameter covers the point spacing at the point's depth.
// Variant SCALAR passes a per-point position on the colour map (binding 2) on; its unlit colour needs no position
// (unless CLIP), and the position is then left out so no output goes unread. Variant RGB passes a per-point colour
// (binding 2) on in the same way.
#include "frame_params.glsl"
#if !(defined(SCALAR) || defined(RGB)) || defined(CLIP)
#define WITH_POSITION 1
#endif

layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec3 inNormal;
#ifdef WITH_POSITION
layout(location = 0) out vec3 vPosition;
#endif
layout(location = 1) out vec3 vNormal;
#ifdef SCALAR
layout(location = 2) in float inScalar;
layout(location = 2) out float vScalar;
#endif
#ifdef RGB
layout(location = 2) in vec3 inColor;
layout(location = 2) out vec3 vColor;
#endif

void main() {
#ifdef WITH_POSITION
    vPosition = inPosition;
#endif
    vNormal = inNormal;
#ifdef SCALAR
    vScalar = inScalar;
#endif
#ifdef RGB
    vColor = inColor;
#endif
    gl_Position = pc.mvp * vec4(inPosition, 1.0);
    float diameter = 2.0 * pc.params.y * pc.params.z / max(gl_Position.w, 1e-6);
    gl_PointSize = clamp(diameter, 1.0, pc.eye.w);
}
