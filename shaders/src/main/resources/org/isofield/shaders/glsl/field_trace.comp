#version 450
#extension GL_GOOGLE_include_directive : require
// Sphere tracing of a neural SDF: per pixel a camera ray (unit-cube coordinates of the field), clipped to [0,1]^3;
// cells of a coarse lattice that cannot hold the surface (binding 4, from field_eval on the lattice's vertices) are
// jumped over; elsewhere steps of max(f, eps/2) * safety (a learned SDF is not exact), bisection when the ray crosses
// below zero, hit when |f| < eps (eps grows with the pixel footprint). Normal: the analytic gradient (or a tetrahedron
// of differences); shaded like mesh.frag (headlight Lambert + Blinn) or as the normal colour. An optional distance
// slice (an axis-aligned plane) shows the field's values through field_slice.glsl and cuts the surface away on the
// eye's side. Writes 0x00RRGGBB per pixel (or 0xFFBBGGRR, RGBA8 byte order).
// The march may be split into passes (dispatches) of a bounded number of field evaluations each, the rays kept in
// binding 5 in between (render.vulkan.TracePasses): llvmpipe stops the loops of an invocation after 65535 loop
// iterations in all, about ten evaluations of the default field.
layout(local_size_x = 8, local_size_y = 8) in;
#include "field_params.glsl"
#include "field_hashgrid.glsl"
#include "field_simplexgrid.glsl"
#include "field_mlp.glsl"
#include "field_slice.glsl"


layout(std430, set = 0, binding = 3) writeonly buffer Pixels { uint pixels[]; };
layout(std430, set = 0, binding = 4) readonly buffer Occupancy { float occupied[]; };   // 1 or 0 per cell, x fastest
layout(std430, set = 0, binding = 5) buffer Rays { uvec4 rays[]; };   // per pixel: the march between passes

layout(push_constant) uniform TraceParams {
    vec4 eye;        // xyz camera position (unit cube coordinates); w: eps per unit of distance (half a pixel)
    vec4 forward;    // xyz unit viewing direction; w: step safety factor (0..1]
    vec4 right;      // xyz right vector times tan(fovX/2); w: smallest eps
    vec4 up;         // xyz up vector times tan(fovY/2); w: the slice's iso-line spacing
    vec4 light;      // xyz unit vector towards the eye (headlight, as mesh.frag); w: the slice's offset on its axis
    vec4 color;      // rgb surface colour; w: cells per side of the empty-space lattice
    vec4 background; // rgb clear colour
    ivec4 image;     // x width, y height, z flags (TracePasses.FLAG_*; bits 4-5 slice axis + 1, bits 16-31 the
                     // field evaluations of this pass), w largest number of march steps with a field evaluation
} pc;

const int FLAG_NORMALS = 1;
const int FLAG_RGBA = 2;
const int FLAG_SKIP = 4;
const int FLAG_ANALYTIC = 8;
const int FLAG_FIRST = 64;    // start the rays (else continue those of binding 5)
const int FLAG_SHADE = 128;   // after marching, write the pixels (else store the rays for the next pass)

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

// A ray's march between passes (binding 5): t, the bracket [a, b] (a: the last point outside), and the packed
// status: bits 0-1 the state, bit 2 whether a is set, bits 3-6 the halvings done, 8-19 field evaluations of the
// march, 20-31 loop steps (evaluations and empty-cell jumps).
const uint MARCHING = 0u;
const uint BISECTING = 1u;
const uint HIT = 2u;
const uint MISS = 3u;
const uint HALVINGS = 10u;

struct Ray {
    float t;
    float a;
    float b;
    uint state;
    bool havePrev;
    uint halvings;
    uint evals;
    uint steps;
};

Ray ray_load(uint i) {
    uvec4 r = rays[i];
    return Ray(uintBitsToFloat(r.x), uintBitsToFloat(r.y), uintBitsToFloat(r.z), r.w & 3u, (r.w & 4u) != 0u,
               (r.w >> 3) & 15u, (r.w >> 8) & 4095u, r.w >> 20);
}

void ray_store(uint i, Ray r) {
    rays[i] = uvec4(floatBitsToUint(r.t), floatBitsToUint(r.a), floatBitsToUint(r.b),
                    r.state | (r.havePrev ? 4u : 0u) | (r.halvings << 3) | (r.evals << 8) | (r.steps << 20));
}

// Continues the march of r over [r.t, tmax] for at most `budget` field evaluations (march steps or halvings; jumps
// over empty cells are free). Each round of the loop evaluates the field exactly once (at a point that depends on the
// ray's state), so that a SIMD group of rays in different states pays for one evaluation per round, not two. March:
// steps of max(f, eps/2) * safety, a hit when |f| < eps, a bracket [last point outside, t] halved 10 times when f
// drops below zero; a miss past tmax or after the step limits.
void march(vec3 o, vec3 dir, vec3 inv, float tmax, inout Ray r, int budget) {
    bool skip = (pc.image.z & FLAG_SKIP) != 0;
    uint maxSteps = uint(pc.image.w + 4 * int(pc.color.w));
    for (int n = 0; n < budget && r.state <= BISECTING; n++) {
        float at = 0.5 * (r.a + r.b);
        if (r.state == MARCHING) {
            while (skip && r.steps < maxSteps && r.t <= tmax && cell_empty(o + r.t * dir)) {
                r.steps++;
                r.t = max(cell_exit(o, dir, inv, r.t), r.t) + 1e-5;
                r.a = r.t;
                r.havePrev = true;   // an empty cell's wall is outside the surface
            }
            if (r.steps >= maxSteps || r.evals >= uint(pc.image.w) || r.t > tmax) {
                r.state = MISS;
                break;
            }
            r.steps++;
            r.evals++;
            at = r.t;
        }
        float f = field_at(o + at * dir);
        if (r.state == BISECTING) {
            if (f > 0.0) {
                r.a = at;
            } else {
                r.b = at;
            }
            r.halvings++;
            if (r.halvings == HALVINGS) {
                r.t = 0.5 * (r.a + r.b);
                r.state = HIT;
            }
        } else {
            float eps = max(pc.right.w, r.t * pc.eye.w);
            if (abs(f) < eps) {
                r.state = HIT;
            } else if (f < 0.0) {
                r.b = r.t;   // crossed the surface: halve [a, t], or a hit at the first point
                r.state = r.havePrev ? BISECTING : HIT;
            } else {
                r.a = r.t;
                r.havePrev = true;
                r.t += max(f, 0.5 * eps) * pc.forward.w;
            }
        }
    }
}

void main() {
    ivec2 px = ivec2(gl_GlobalInvocationID.xy);
    if (px.x >= pc.image.x || px.y >= pc.image.y) {
        return;
    }
    uint pixel = uint(px.y * pc.image.x + px.x);
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
    int axis = ((pc.image.z >> 4) & 3) - 1;
    bool onSlice = false;
    float tp = -1.0;
    if (tmin <= tmax && axis >= 0) {
        // The slice: opaque where the ray meets the plane inside the cube; the surface on the eye's side is cut away.
        float d = dir[axis];
        tp = abs(d) > 1e-12 ? (pc.light.w - o[axis]) / d : -1.0;
        if (tp >= tmin && tp <= tmax) {
            onSlice = true;
        } else if (tp < tmin && (o[axis] - pc.light.w) * d >= 0.0) {
            tmin = tmax + 1.0;   // the ray stays on the eye's side of the plane inside the cube: all cut away
        } else if (tp > tmax) {
            tmin = tmax + 1.0;   // it reaches the far side only beyond the cube
        }
    }
    Ray r;
    if ((pc.image.z & FLAG_FIRST) != 0) {
        r = Ray(tmin, tmin, tmin, onSlice || tmin > tmax ? MISS : MARCHING, false, 0u, 0u, 0u);
    } else {
        r = ray_load(pixel);
    }
    march(o, dir, inv, tmax, r, int(uint(pc.image.z) >> 16));
    if ((pc.image.z & FLAG_SHADE) == 0) {
        ray_store(pixel, r);
        return;
    }
    uint outColor = pack_rgb(pc.background.rgb);
    if (onSlice) {
        float f = field_at(o + tp * dir);
        float pixelSize = 2.0 * tp * pc.eye.w / max(abs(dir[axis]), 0.2);
        outColor = pack_rgb(slice_color(f, pc.up.w, pixelSize));
    } else if (r.state == HIT) {
        vec3 p = o + r.t * dir;
        float h = max(pc.right.w, r.t * pc.eye.w);
        vec3 n = field_normal(p, h);
        if ((pc.image.z & FLAG_NORMALS) != 0) {
            outColor = pack_rgb(0.5 * n + 0.5);
        } else {
            float ndv = abs(dot(n, pc.light.xyz));
            vec3 c = pc.color.rgb * (0.12 + 0.88 * ndv) + vec3(0.22) * pow(ndv, 64.0);
            outColor = pack_rgb(c);
        }
    }
    pixels[pixel] = outColor;
}
