#version 450
#extension GL_GOOGLE_include_directive : require
// Triangles and their edges: passes the normal on (one varying keeps lavapipe's triangle setup cheap).
// Variants (defines added by the renderer): SCALAR passes a per-vertex position on the colour map (binding 2);
// RGB passes a per-vertex colour on (binding 2, instead of SCALAR); CLIP passes the model position on for the
// clipping plane.
#include "frame_params.glsl"

layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec3 inNormal;
layout(location = 0) out vec3 vNormal;
#ifdef SCALAR
layout(location = 2) in float inScalar;
layout(location = 1) out float vScalar;
#endif
#ifdef RGB
layout(location = 2) in vec3 inColor;
layout(location = 3) out vec3 vColor;
#endif
#ifdef CLIP
layout(location = 2) out vec3 vPosition;
#endif

void main() {
    vNormal = inNormal;
#ifdef RGB
    vColor = inColor;
#endif
#ifdef SCALAR
    vScalar = inScalar;
#endif
#ifdef CLIP
    vPosition = inPosition;
#endif
    gl_Position = pc.mvp * vec4(inPosition, 1.0);
}
