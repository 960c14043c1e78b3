#version 450
#extension GL_GOOGLE_include_directive : require
// Sphere tracing of a neural SDF in one kernel: per pixel a camera ray (unit-cube coordinates of the field),
// clipped to [0,1]^3, stepped by max(f, eps/2) * safety (a learned SDF is not exact), bisected when it crosses
// below zero, hit when |f| < eps (eps grows with the pixel footprint); normal from a tetrahedron of differences;
// shaded like mesh.frag (headlight Lambert + Blinn) or as the normal colour. Writes 0x00RRGGBB per pixel.
layout(local_size_x = 8, local_size_y = 8) in;
#include "field_params.glsl"
#include "field_hashgrid.glsl"
#include "field_mlp.glsl"

layout(std430, set = 0, binding = 3) writeonly buffer Pixels { uint pixels[]; };

layout(push_constant) uniform TraceParams {
    vec4 eye;        // xyz camera position (unit cube coordinates); w: eps per unit of distance (pixel footprint)
    vec4 forward;    // xyz unit viewing direction; w: step safety factor (0..1]
    vec4 right;      // xyz right vector times tan(fovX/2); w: smallest eps
    vec4 up;         // xyz up vector times tan(fovY/2)
    vec4 light;      // xyz unit vector towards the eye (headlight, as mesh.frag)
    vec4 color;      // rgb surface colour
    vec4 background; // rgb clear colour
    ivec4 image;     // x width, y height, z mode (0 shaded, 1 normals), w largest number of steps
} pc;

float field_at(vec3 p) {
    return field_value(clamp(p, vec3(0.0), vec3(1.0)));
}

uint pack_rgb(vec3 c) {
    uvec3 u = uvec3(clamp(c, vec3(0.0), vec3(1.0)) * 255.0 + 0.5);
    return (u.r << 16) | (u.g << 8) | u.b;
}

vec3 field_normal(vec3 p, float h) {
    const vec2 k = vec2(1.0, -1.0);
    vec3 n = k.xyy * field_at(p + k.xyy * h) + k.yyx * field_at(p + k.yyx * h)
           + k.yxy * field_at(p + k.yxy * h) + k.xxx * field_at(p + k.xxx * h);
    return dot(n, n) > 1e-30 ? normalize(n) : pc.light.xyz;
}

void main() {
    ivec2 px = ivec2(gl_GlobalInvocationID.xy);
    if (px.x >= pc.image.x || px.y >= pc.image.y) {
        return;
    }
    vec2 s = vec2(2.0 * (float(px.x) + 0.5) / float(pc.image.x) - 1.0,
                  -(2.0 * (float(px.y) + 0.5) / float(pc.image.y) - 1.0));
    vec3 dir = normalize(pc.forward.xyz + s.x * pc.right.xyz + s.y * pc.up.xyz);
    vec3 o = pc.eye.xyz;
    vec3 inv = 1.0 / dir;
    vec3 t0 = (vec3(0.0) - o) * inv;
    vec3 t1 = (vec3(1.0) - o) * inv;
    vec3 lo = min(t0, t1);
    vec3 hi = max(t0, t1);
    float tmin = max(max(max(lo.x, lo.y), lo.z), 0.0);
    float tmax = min(min(hi.x, hi.y), hi.z);
    uint outColor = pack_rgb(pc.background.rgb);
    bool hit = false;
    float t = tmin;
    if (tmin <= tmax) {
        float prevT = t;
        for (int i = 0; i < pc.image.w; i++) {
            float f = field_at(o + t * dir);
            float eps = max(pc.right.w, t * pc.eye.w);
            if (abs(f) < eps) {
                hit = true;
                break;
            }
            if (f < 0.0) {
                if (i > 0) {   // crossed the surface: bisect [prevT, t]
                    float a = prevT;
                    float b = t;
                    for (int j = 0; j < 10; j++) {
                        float m = 0.5 * (a + b);
                        if (field_at(o + m * dir) > 0.0) {
                            a = m;
                        } else {
                            b = m;
                        }
                    }
                    t = 0.5 * (a + b);
                }
                hit = true;
                break;
            }
            prevT = t;
            t += max(f, 0.5 * eps) * pc.forward.w;
            if (t > tmax) {
                break;
            }
        }
    }
    if (hit) {
        vec3 p = o + t * dir;
        float h = max(pc.right.w, t * pc.eye.w);
        vec3 n = field_normal(p, h);
        if (pc.image.z == 1) {
            outColor = pack_rgb(0.5 * n + 0.5);
        } else {
            float ndv = abs(dot(n, pc.light.xyz));
            vec3 c = pc.color.rgb * (0.12 + 0.88 * ndv) + vec3(0.22) * pow(ndv, 64.0);
            outColor = pack_rgb(c);
        }
    }
    pixels[px.y * pc.image.x + px.x] = outColor;
}
