#version 450
#extension GL_GOOGLE_include_directive : require
// Triangles and their edges: passes the normal on (one varying keeps lavapipe's triangle setup cheap).
#include "frame_params.glsl"

layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec3 inNormal;
layout(location = 0) out vec3 vNormal;

void main() {
    vNormal = inNormal;
    gl_Position = pc.mvp * vec4(inPosition, 1.0);
}
