#version 450
#extension GL_GOOGLE_include_directive : require
// Sphere tracing of a neural SDF in one kernel: per pixel a camera ray (unit-cube coordinates of the field),
// clipped to [0,1]^3; cells of a coarse lattice that cannot hold the surface (binding 4, from field_eval on the
// lattice's vertices) are jumped over; elsewhere steps of max(f, eps/2) * safety (a learned SDF is not exact),
// bisection when the ray crosses below zero, hit when |f| < eps (eps grows with the pixel footprint). Normal: the
// analytic gradient (or a tetrahedron of differences); shaded like mesh.frag (headlight Lambert + Blinn) or as the
// normal colour. An optional distance slice (an axis-aligned plane) shows the field's values through field_slice.glsl
// and cuts the surface away on the eye's side. Writes 0x00RRGGBB per pixel (or 0xFFBBGGRR, RGBA8 byte order).
layout(local_size_x = 8, local_size_y = 8) in;
#include "field_params.glsl"
#include "field_hashgrid.glsl"
#include "field_simplexgrid.glsl"
#include "field_mlp.glsl"
#include "field_slice.glsl"


layout(std430, set = 0, binding = 3) writeonly buffer Pixels { uint pixels[]; };
layout(std430, set = 0, binding = 4) readonly buffer Occupancy { float occupied[]; };   // 1 or 0 per cell, x fastest

layout(push_constant) uniform TraceParams {
    vec4 eye;        // xyz camera position (unit cube coordinates); w: eps per unit of distance (half a pixel)
    vec4 forward;    // xyz unit viewing direction; w: step safety factor (0..1]
    vec4 right;      // xyz right vector times tan(fovX/2); w: smallest eps
    vec4 up;         // xyz up vector times tan(fovY/2); w: the slice's iso-line spacing
    vec4 light;      // xyz unit vector towards the eye (headlight, as mesh.frag); w: the slice's offset on its axis
    vec4 color;      // rgb surface colour; w: cells per side of the empty-space lattice
    vec4 background; // rgb clear colour
    ivec4 image;     // x width, y height, z flags (FieldTracer.FLAG_*), w largest number of field evaluations
} pc;

const int FLAG_NORMALS = 1;
const int FLAG_RGBA = 2;
const int FLAG_SKIP = 4;
const int FLAG_ANALYTIC = 8;

float field_at(vec3 p) {
    return field_value(clamp(p, vec3(0.0), vec3(1.0)));
}

uint pack_rgb(vec3 c) {
    uvec3 u = uvec3(clamp(c, vec3(0.0), vec3(1.0)) * 255.0 + 0.5);
    if ((pc.image.z & FLAG_RGBA) != 0) {
        return 0xFF000000u | (u.b << 16) | (u.g << 8) | u.r;
    }
    return (u.r << 16) | (u.g << 8) | u.b;
}

vec3 field_normal(vec3 p, float h) {
    vec3 n;
    if ((pc.image.z & FLAG_ANALYTIC) != 0) {
        n = field_gradient(clamp(p, vec3(0.0), vec3(1.0)));
    } else {
        const vec2 k = vec2(1.0, -1.0);
        n = k.xyy * field_at(p + k.xyy * h) + k.yyx * field_at(p + k.yyx * h)
          + k.yxy * field_at(p + k.yxy * h) + k.xxx * field_at(p + k.xxx * h);
    }
    return dot(n, n) > 1e-30 ? normalize(n) : pc.light.xyz;
}

bool cell_empty(vec3 p) {
    int res = int(pc.color.w);
    ivec3 c = clamp(ivec3(floor(p * float(res))), ivec3(0), ivec3(res - 1));
    return occupied[(c.z * res + c.y) * res + c.x] == 0.0;
}

// The ray parameter where it leaves the lattice cell holding o + t dir.
float cell_exit(vec3 o, vec3 dir, vec3 inv, float t) {
    vec3 p = o + t * dir;
    float res = pc.color.w;
    vec3 c = clamp(floor(p * res), vec3(0.0), vec3(res - 1.0));
    vec3 wall = (c + step(vec3(0.0), dir)) / res;
    vec3 tw = mix((wall - o) * inv, vec3(1e30), lessThan(abs(dir), vec3(1e-12)));
    return min(min(tw.x, tw.y), tw.z);
}

// Sphere-traces [t, tmax]; on a hit returns true with t at the surface. One exit at the end (no return inside the
// loop), so that every lane leaves the loop the same way.
bool trace(vec3 o, vec3 dir, vec3 inv, inout float t, float tmax) {
    bool skip = (pc.image.z & FLAG_SKIP) != 0;
    float prevT = t;
    bool havePrev = false;
    bool hit = false;
    int evals = 0;
    for (int i = 0; i < pc.image.w + 4 * int(pc.color.w) && evals < pc.image.w && t <= tmax; i++) {
        if (skip && cell_empty(o + t * dir)) {
            t = max(cell_exit(o, dir, inv, t), t) + 1e-5;
            prevT = t;
            havePrev = true;   // an empty cell's wall is outside the surface
            continue;
        }
        evals++;
        float f = field_at(o + t * dir);
        float eps = max(pc.right.w, t * pc.eye.w);
        if (abs(f) < eps) {
            hit = true;
            break;
        }
        if (f < 0.0) {
            if (havePrev) {   // crossed the surface: bisect [prevT, t]
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
        havePrev = true;
        t += max(f, 0.5 * eps) * pc.forward.w;
    }
    return hit;
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
    int axis = ((pc.image.z >> 4) & 3) - 1;
    if (tmin <= tmax && axis >= 0) {
        // The slice: opaque where the ray meets the plane inside the cube; the surface on the eye's side is cut away.
        float d = dir[axis];
        float tp = abs(d) > 1e-12 ? (pc.light.w - o[axis]) / d : -1.0;
        if (tp >= tmin && tp <= tmax) {
            float f = field_at(o + tp * dir);
            float pixel = 2.0 * tp * pc.eye.w / max(abs(d), 0.2);
            pixels[px.y * pc.image.x + px.x] = pack_rgb(slice_color(f, pc.up.w, pixel));
            return;
        }
        if (tp < tmin && (o[axis] - pc.light.w) * d >= 0.0) {
            tmin = tmax + 1.0;   // the ray stays on the eye's side of the plane inside the cube: all cut away
        } else if (tp > tmax) {
            tmin = tmax + 1.0;   // it reaches the far side only beyond the cube
        }
    }
    float t = tmin;
    if (tmin <= tmax && trace(o, dir, inv, t, tmax)) {
        vec3 p = o + t * dir;
        float h = max(pc.right.w, t * pc.eye.w);
        vec3 n = field_normal(p, h);
        if ((pc.image.z & FLAG_NORMALS) != 0) {
            outColor = pack_rgb(0.5 * n + 0.5);
        } else {
            float ndv = abs(dot(n, pc.light.xyz));
            vec3 c = pc.color.rgb * (0.12 + 0.88 * ndv) + vec3(0.22) * pow(ndv, 64.0);
            outColor = pack_rgb(c);
        }
    }
    pixels[px.y * pc.image.x + px.x] = outColor;
}
