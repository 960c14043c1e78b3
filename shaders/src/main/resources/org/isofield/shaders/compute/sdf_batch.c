/* SDF training batches from a triangle mesh on the device, fresh every step as instant-ngp draws them: n/2 points
 * on the surface (target 0), 3n/8 surface points moved by logistic noise per coordinate, n/8 uniform in the unit
 * cube; the signed distance of the last two from a BVH (closest point) and the fast winding number (Barill et al.
 * 2018; inside where w >= 0.5). Random numbers are counter-based (splitmix64 of seed, step, sample and draw), so a
 * batch depends only on its step. Surface points fold the unit square onto the triangle (no square root, so they are
 * bitwise the twin's). CPU twins: org.isofield.reconstruction.sdf.SdfDraws (the draws; surface and uniform points
 * bitwise, jittered ones up to the rounding of log) and TriangleBvh.signedDistances (the targets, in double there).
 * The traversal stacks hold SDF_STACK nodes: DeviceSdfSampler refuses a deeper hierarchy. */
#define SDF_STACK 64
#define SDF_PI 3.14159265358979f

INLINE u64 sdf_mix(u64 x) {
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9UL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBUL;
    x ^= x >> 31;
    return x;
}

/* A uniform float in [0, 1): 24 random bits of draw d of sample i at step s. */
INLINE float sdf_uniform(u64 seed, int step, i64 i, int d) {
    u64 x = seed + (u64) step * 0x9E3779B97F4A7C15UL + (u64) i * 0xD1B54A32D192ED03UL
            + (u64) d * 0x8CB92BA72F3D8DD7UL;
    return (float) (sdf_mix(x) >> 40) * 5.9604644775390625e-8f;
}

/* Triangle slot whose cumulative area share first exceeds u (binary search; cdf ascending, last entry 1). */
INLINE int sdf_pick(GLOBAL const float* RESTRICT cdf, int count, float u) {
    int lo = 0;
    int hi = count - 1;
    while (lo < hi) {
        int mid = (lo + hi) >> 1;
        if (cdf[mid] > u) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return lo;
}

/* Positions of batch `step`: [0, ns) on the surface, [ns, ns + nj) jittered, the rest uniform; targets of the
 * surface points 0 (the others are written by sdf_signed_distance). */
KERNEL void sdf_draw(int n, int ns, int nj, u32 seedLo, u32 seedHi, int step, int triCount,
                     GLOBAL const float* RESTRICT cdf, GLOBAL const float* RESTRICT tris, float jitter,
                     GLOBAL float* RESTRICT pos, GLOBAL float* RESTRICT target) {
    i64 i = GLOBAL_ID;
    if (i >= n) {
        return;
    }
    u64 seed = ((u64) seedHi << 32) | (u64) seedLo;
    float p[3];
    if (i < ns + nj) {
        int t = sdf_pick(cdf, triCount, sdf_uniform(seed, step, i, 0));
        float u = sdf_uniform(seed, step, i, 1);
        float v = sdf_uniform(seed, step, i, 2);
        if (u + v > 1.0f) {
            u = 1.0f - u;
            v = 1.0f - v;
        }
        GLOBAL const float* tr = tris + 9 * (i64) t;
        for (int a = 0; a < 3; a++) {
            p[a] = ADD_RN(tr[a], ADD_RN(MUL_RN(u, SUB_RN(tr[3 + a], tr[a])), MUL_RN(v, SUB_RN(tr[6 + a], tr[a]))));
        }
        if (i >= ns) {
            for (int a = 0; a < 3; a++) {
                float u = sdf_uniform(seed, step, i, 3 + a);
                float j = u > 0.0f ? MUL_RN(jitter, LOGF(u / (1.0f - u))) : 0.0f;
                p[a] = FMINF(1.0f, FMAXF(0.0f, ADD_RN(p[a], j)));
            }
        } else {
            target[i] = 0.0f;
        }
    } else {
        for (int a = 0; a < 3; a++) {
            p[a] = sdf_uniform(seed, step, i, a);
        }
    }
    for (int a = 0; a < 3; a++) {
        pos[3 * i + a] = p[a];
    }
}

/* Squared distance from p to triangle abc (Ericson's Voronoi regions; degenerate triangles by their edges). */
INLINE float sdf_segment(float sx, float sy, float sz, float qx, float qy, float qz) {
    float len2 = sx * sx + sy * sy + sz * sz;
    if (!(len2 > 0.0f)) {
        return 0.0f;
    }
    float t = (sx * qx + sy * qy + sz * qz) / len2;
    return t <= 0.0f ? 0.0f : (t >= 1.0f ? 1.0f : t);
}

INLINE float sdf_edges(float abx, float aby, float abz, float acx, float acy, float acz, float apx, float apy,
                       float apz) {
    float t = sdf_segment(abx, aby, abz, apx, apy, apz);
    float dx = apx - abx * t, dy = apy - aby * t, dz = apz - abz * t;
    float best = dx * dx + dy * dy + dz * dz;
    t = sdf_segment(acx, acy, acz, apx, apy, apz);
    dx = apx - acx * t;
    dy = apy - acy * t;
    dz = apz - acz * t;
    best = FMINF(best, dx * dx + dy * dy + dz * dz);
    float bcx = acx - abx, bcy = acy - aby, bcz = acz - abz;
    float bpx = apx - abx, bpy = apy - aby, bpz = apz - abz;
    t = sdf_segment(bcx, bcy, bcz, bpx, bpy, bpz);
    dx = bpx - bcx * t;
    dy = bpy - bcy * t;
    dz = bpz - bcz * t;
    return FMINF(best, dx * dx + dy * dy + dz * dz);
}

INLINE float sdf_triangle(GLOBAL const float* RESTRICT tr, float px, float py, float pz) {
    float ax = tr[0], ay = tr[1], az = tr[2];
    float abx = tr[3] - ax, aby = tr[4] - ay, abz = tr[5] - az;
    float acx = tr[6] - ax, acy = tr[7] - ay, acz = tr[8] - az;
    float apx = px - ax, apy = py - ay, apz = pz - az;
    float d1 = abx * apx + aby * apy + abz * apz;
    float d2 = acx * apx + acy * apy + acz * apz;
    float v;
    float w;
    if (d1 <= 0.0f && d2 <= 0.0f) {
        v = 0.0f;
        w = 0.0f;
    } else {
        float bpx = px - tr[3], bpy = py - tr[4], bpz = pz - tr[5];
        float d3 = abx * bpx + aby * bpy + abz * bpz;
        float d4 = acx * bpx + acy * bpy + acz * bpz;
        float cpx = px - tr[6], cpy = py - tr[7], cpz = pz - tr[8];
        float d5 = abx * cpx + aby * cpy + abz * cpz;
        float d6 = acx * cpx + acy * cpy + acz * cpz;
        float vc = d1 * d4 - d3 * d2;
        float vb = d5 * d2 - d1 * d6;
        float va = d3 * d6 - d5 * d4;
        if (d3 >= 0.0f && d4 <= d3) {
            v = 1.0f;
            w = 0.0f;
        } else if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) {
            if (!(d1 - d3 > 0.0f)) {
                return sdf_edges(abx, aby, abz, acx, acy, acz, apx, apy, apz);
            }
            v = d1 / (d1 - d3);
            w = 0.0f;
        } else if (d6 >= 0.0f && d5 <= d6) {
            v = 0.0f;
            w = 1.0f;
        } else if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) {
            if (!(d2 - d6 > 0.0f)) {
                return sdf_edges(abx, aby, abz, acx, acy, acz, apx, apy, apz);
            }
            v = 0.0f;
            w = d2 / (d2 - d6);
        } else if (va <= 0.0f && d4 - d3 >= 0.0f && d5 - d6 >= 0.0f) {
            float s = (d4 - d3) + (d5 - d6);
            if (!(s > 0.0f)) {
                return sdf_edges(abx, aby, abz, acx, acy, acz, apx, apy, apz);
            }
            w = (d4 - d3) / s;
            v = 1.0f - w;
        } else {
            float denom = va + vb + vc;
            v = vb / denom;
            w = vc / denom;
            if (!(denom > 0.0f) || !(v >= -1e-6f && w >= -1e-6f && v + w <= 1.0f + 1e-6f)) {
                return sdf_edges(abx, aby, abz, acx, acy, acz, apx, apy, apz);
            }
        }
    }
    float dx = apx - abx * v - acx * w;
    float dy = apy - aby * v - acy * w;
    float dz = apz - abz * v - acz * w;
    return dx * dx + dy * dy + dz * dz;
}

INLINE float sdf_box2(GLOBAL const float* RESTRICT b, int node, float qx, float qy, float qz) {
    int o = 6 * node;
    float dx = FMAXF(0.0f, FMAXF(b[o] - qx, qx - b[o + 3]));
    float dy = FMAXF(0.0f, FMAXF(b[o + 1] - qy, qy - b[o + 4]));
    float dz = FMAXF(0.0f, FMAXF(b[o + 2] - qz, qz - b[o + 5]));
    return dx * dx + dy * dy + dz * dz;
}

/* Closest squared distance to the mesh: depth first, nearer child first, pruned by the best so far. */
INLINE float sdf_closest2(GLOBAL const float* RESTRICT bounds, GLOBAL const int* RESTRICT nodes,
                          GLOBAL const float* RESTRICT tris, float qx, float qy, float qz) {
    int stack[SDF_STACK];
    float stackDist[SDF_STACK];
    int sp = 0;
    int node = 0;
    float best = 3.4e38f;
    while (1) {
        int m = 4 * node;
        int left = nodes[m + 2];
        if (left < 0) {
            int end = nodes[m] + nodes[m + 1];
            for (int t = nodes[m]; t < end; t++) {
                best = FMINF(best, sdf_triangle(tris + 9 * t, qx, qy, qz));
            }
        } else {
            int right = nodes[m + 3];
            float dl = sdf_box2(bounds, left, qx, qy, qz);
            float dr = sdf_box2(bounds, right, qx, qy, qz);
            if (dr < dl) {
                int tn = left;
                left = right;
                right = tn;
                float td = dl;
                dl = dr;
                dr = td;
            }
            if (dl < best) {
                if (dr < best && sp < SDF_STACK) {
                    stack[sp] = right;
                    stackDist[sp++] = dr;
                }
                node = left;
                continue;
            }
        }
        node = -1;
        while (sp > 0) {
            sp--;
            if (stackDist[sp] < best) {
                node = stack[sp];
                break;
            }
        }
        if (node < 0) {
            return best;
        }
    }
}

/* Signed solid angle of a triangle seen from q (Van Oosterom and Strackee). */
INLINE float sdf_solid_angle(GLOBAL const float* RESTRICT tr, float qx, float qy, float qz) {
    float ax = tr[0] - qx, ay = tr[1] - qy, az = tr[2] - qz;
    float bx = tr[3] - qx, by = tr[4] - qy, bz = tr[5] - qz;
    float cx = tr[6] - qx, cy = tr[7] - qy, cz = tr[8] - qz;
    float la = SQRTF(ax * ax + ay * ay + az * az);
    float lb = SQRTF(bx * bx + by * by + bz * bz);
    float lc = SQRTF(cx * cx + cy * cy + cz * cz);
    float det = ax * (by * cz - bz * cy) + ay * (bz * cx - bx * cz) + az * (bx * cy - by * cx);
    float div = la * lb * lc + (ax * bx + ay * by + az * bz) * lc + (bx * cx + by * cy + bz * cz) * la
            + (cx * ax + cy * ay + cz * az) * lb;
    return 2.0f * ATAN2F(det, div);
}

/* The order-2 far-field expansion of 4 pi w of one node (WindingNumberQuery.farField). */
INLINE float sdf_far_field(GLOBAL const float* RESTRICT mom, float rx, float ry, float rz, float d2) {
    float inv2 = 1.0f / d2;
    float inv1 = SQRTF(inv2);
    float inv3 = inv1 * inv2;
    float inv5 = inv3 * inv2;
    float inv7 = inv5 * inv2;
    float t0 = mom[0] * rx + mom[1] * ry + mom[2] * rz;
    GLOBAL const float* c = mom + 3;
    float trC = c[0] + c[4] + c[8];
    float rCr = rx * (c[0] * rx + c[1] * ry + c[2] * rz) + ry * (c[3] * rx + c[4] * ry + c[5] * rz)
            + rz * (c[6] * rx + c[7] * ry + c[8] * rz);
    GLOBAL const float* m = mom + 12;
    float a = 0.0f;
    float b = 0.0f;
    float rxx = rx * rx, ryy = ry * ry, rzz = rz * rz, rxy = 2.0f * rx * ry, rxz = 2.0f * rx * rz;
    float ryz = 2.0f * ry * rz;
    for (int i = 0; i < 3; i++) {
        GLOBAL const float* q = m + 6 * i;
        float ri = i == 0 ? rx : (i == 1 ? ry : rz);
        float rowI = i == 0 ? rx * q[0] + ry * q[1] + rz * q[2]
                : (i == 1 ? rx * q[1] + ry * q[3] + rz * q[4] : rx * q[2] + ry * q[4] + rz * q[5]);
        a += 2.0f * rowI + ri * (q[0] + q[3] + q[5]);
        b += ri * (rxx * q[0] + ryy * q[3] + rzz * q[5] + rxy * q[1] + rxz * q[2] + ryz * q[4]);
    }
    return t0 * inv3 + trC * inv3 - 3.0f * rCr * inv5 + 0.5f * (-3.0f * a * inv5 + 15.0f * b * inv7);
}

/* The fast winding number at q: far nodes (|q - p| > beta r) by expansion, near leaves exactly. */
INLINE float sdf_winding(GLOBAL const int* RESTRICT nodes, GLOBAL const float* RESTRICT tris,
                         GLOBAL const float* RESTRICT balls, GLOBAL const float* RESTRICT coeffs, float beta,
                         float qx, float qy, float qz) {
    int stack[SDF_STACK];
    int sp = 0;
    int node = 0;
    float sum = 0.0f;
    float beta2 = beta * beta;
    while (1) {
        int o = 4 * node;
        float rx = balls[o] - qx;
        float ry = balls[o + 1] - qy;
        float rz = balls[o + 2] - qz;
        float d2 = rx * rx + ry * ry + rz * rz;
        float r = balls[o + 3];
        if (d2 > beta2 * r * r) {
            sum += sdf_far_field(coeffs + 30 * node, rx, ry, rz, d2);
        } else {
            int left = nodes[o + 2];
            if (left >= 0 && sp < SDF_STACK) {
                stack[sp++] = nodes[o + 3];
                node = left;
                continue;
            }
            int end = nodes[o] + nodes[o + 1];
            for (int t = nodes[o]; t < end; t++) {
                sum += sdf_solid_angle(tris + 9 * t, qx, qy, qz);
            }
        }
        if (sp == 0) {
            return sum / (4.0f * SDF_PI);
        }
        node = stack[--sp];
    }
}

/* target[i] = the signed distance of pos[i] for i in [from, n): negative where the winding number is >= 0.5. */
KERNEL void sdf_signed_distance(int n, int from, GLOBAL const float* RESTRICT pos, GLOBAL const float* RESTRICT bounds,
                                GLOBAL const int* RESTRICT nodes, GLOBAL const float* RESTRICT tris,
                                GLOBAL const float* RESTRICT balls, GLOBAL const float* RESTRICT coeffs, float beta,
                                GLOBAL float* RESTRICT target) {
    i64 i = from + GLOBAL_ID;
    if (i >= n) {
        return;
    }
    float qx = pos[3 * i];
    float qy = pos[3 * i + 1];
    float qz = pos[3 * i + 2];
    float d = SQRTF(sdf_closest2(bounds, nodes, tris, qx, qy, qz));
    float w = sdf_winding(nodes, tris, balls, coeffs, beta, qx, qy, qz);
    target[i] = w >= 0.5f ? -d : d;
}
