#version 450
#extension GL_GOOGLE_include_directive : require
// Point splats: round, shaded by the point's normal when there is one, else as a small ball facing the viewer.
// Variants: SCALAR draws the shaded mode as the colour map at the point's scalar, unlit; RGB in the point's own
// colour, unlit (a scanner's colour already holds the scene's light); CLIP discards splats
// whose centre is on the far side of the clipping plane (whole splats, so the cut stays round-edged).
#include "frame_params.glsl"
#ifdef SCALAR
#include "colormap.glsl"
#endif
#if !(defined(SCALAR) || defined(RGB)) || defined(CLIP)
#define WITH_POSITION 1
#endif

#ifdef WITH_POSITION
layout(location = 0) in vec3 vPosition;
#endif
layout(location = 1) in vec3 vNormal;
layout(location = 0) out vec4 outColor;
#ifdef SCALAR
layout(location = 2) in float vScalar;
#endif
#ifdef RGB
layout(location = 2) in vec3 vColor;
#endif

void main() {
    vec2 d = 2.0 * gl_PointCoord - 1.0;
    float r2 = dot(d, d);
    if (r2 > 1.0) {
        discard;
    }
#ifdef CLIP
    if (dot(pc.clip.xyz, vPosition) > pc.clip.w) {
        discard;
    }
#endif
    int mode = int(pc.params.x + 0.5);
    bool hasNormal = pc.params.w > 0.5 && dot(vNormal, vNormal) > 1e-20;
    if (mode == 2) {
        outColor = vec4(pc.color.rgb, 1.0);
        return;
    }
    if (mode == 1) {
        outColor = vec4(hasNormal ? 0.5 * normalize(vNormal) + 0.5 : vec3(0.5), 1.0);
        return;
    }
#ifdef SCALAR
    outColor = vec4(colormap(vScalar), 1.0);
#elif defined(RGB)
    outColor = vec4(vColor, 1.0);
#else
    float ndv;
    if (hasNormal) {
        vec3 v = normalize(pc.eye.xyz - vPosition);
        ndv = abs(dot(normalize(vNormal), v));
    } else {
        ndv = 0.45 + 0.55 * sqrt(1.0 - r2);   // the sprite as a softly shaded ball facing the viewer
    }
    vec3 c = pc.color.rgb * (0.12 + 0.88 * ndv) + vec3(0.22) * pow(ndv, 64.0);
    outColor = vec4(min(c, vec3(1.0)), 1.0);
#endif
}
