#version 450
#extension GL_GOOGLE_include_directive : require
// Triangles: headlight Lambert + Blinn, two-sided (back faces tinted); or the normal as colour; or a flat colour.
// The headlight is a directional light along the viewing direction (eye.xyz holds that unit vector here), so the
// half vector is the view vector and n.h = |n.v|.
#include "frame_params.glsl"

layout(location = 0) in vec3 vNormal;
layout(location = 0) out vec4 outColor;

void main() {
    int mode = int(pc.params.x + 0.5);
    if (mode == 2) {
        outColor = pc.color;   // edges: alpha blended over the faces
        return;
    }
    vec3 v = pc.eye.xyz;
    vec3 n = dot(vNormal, vNormal) > 1e-20 ? normalize(vNormal) : v;   // no normal: lit as if facing the viewer
    if (mode == 1) {
        outColor = vec4(0.5 * n + 0.5, 1.0);
        return;
    }
    float ndv = abs(dot(n, v));
    vec3 base = gl_FrontFacing ? pc.color.rgb : vec3(0.55, 0.62, 0.80) * pc.color.rgb;
    vec3 c = base * (0.12 + 0.88 * ndv) + vec3(0.22) * pow(ndv, 64.0);
    outColor = vec4(min(c, vec3(1.0)), 1.0);
}
