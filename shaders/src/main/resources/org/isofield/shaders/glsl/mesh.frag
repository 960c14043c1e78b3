#version 450
#extension GL_GOOGLE_include_directive : require
// Triangles: headlight Lambert + Blinn, two-sided (back faces tinted); or the normal as colour; or a flat colour.
// The headlight is a directional light along the viewing direction (eye.xyz holds that unit vector here), so the
// half vector is the view vector and n.h = |n.v|.
// Variants: SCALAR draws the shaded mode as the colour map at the interpolated scalar, unlit, so each pixel reads
// directly against the colour bar; RGB draws it in the interpolated vertex colours, softly lit so that the colours
// stay recognisable and the shape still reads; CLIP discards the far side of the clipping plane and draws back faces (seen
// through the cut) in a distinct orange.
#include "frame_params.glsl"
#ifdef SCALAR
#include "colormap.glsl"
#endif

layout(location = 0) in vec3 vNormal;
layout(location = 0) out vec4 outColor;
#ifdef SCALAR
layout(location = 1) in float vScalar;
#endif
#ifdef RGB
layout(location = 3) in vec3 vColor;
#endif
#ifdef CLIP
layout(location = 2) in vec3 vPosition;
#endif

void main() {
#ifdef CLIP
    if (dot(pc.clip.xyz, vPosition) > pc.clip.w) {
        discard;
    }
#endif
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
#ifdef SCALAR
    vec3 mapped = colormap(vScalar);
    outColor = vec4(gl_FrontFacing ? mapped : 0.55 * mapped, 1.0);
#elif defined(RGB)
    vec3 lit = vColor * (0.5 + 0.5 * ndv);
    outColor = vec4(gl_FrontFacing ? lit : 0.55 * lit, 1.0);
#else
#ifdef CLIP
    vec3 back = vec3(0.95, 0.45, 0.15);
#else
    vec3 back = vec3(0.55, 0.62, 0.80) * pc.color.rgb;
#endif
    vec3 base = gl_FrontFacing ? pc.color.rgb : back;
    vec3 c = base * (0.12 + 0.88 * ndv) + vec3(0.22) * pow(ndv, 64.0);
    outColor = vec4(min(c, vec3(1.0)), 1.0);
#endif
}
