#version 450
#extension GL_GOOGLE_include_directive : require
// Triangles: headlight Lambert + Blinn, two-sided (back faces tinted); or the normal as colour; or a flat colour.
#include "frame_params.glsl"

layout(location = 0) in vec3 vPosition;
layout(location = 1) in vec3 vNormal;
layout(location = 0) out vec4 outColor;

void main() {
    int mode = int(pc.params.x + 0.5);
    if (mode == 2) {
        outColor = vec4(pc.color.rgb, 1.0);
        return;
    }
    vec3 n = vNormal;
    if (pc.params.w < 0.5 || dot(n, n) < 1e-20) {
        n = cross(dFdx(vPosition), dFdy(vPosition));   // flat normal; oriented below
    }
    n = normalize(n);
    vec3 v = normalize(pc.eye.xyz - vPosition);
    if (mode == 1) {
        outColor = vec4(0.5 * n + 0.5, 1.0);
        return;
    }
    float ndv = dot(n, v);
    if (ndv < 0.0) {
        ndv = -ndv;
    }
    vec3 base = gl_FrontFacing ? pc.color.rgb : vec3(0.55, 0.62, 0.80) * pc.color.rgb;
    // Headlight: the light sits at the eye, so the half vector is the view vector.
    float spec = pow(ndv, 64.0);
    vec3 c = base * (0.12 + 0.88 * ndv) + vec3(0.22) * spec;
    outColor = vec4(min(c, vec3(1.0)), 1.0);
}
