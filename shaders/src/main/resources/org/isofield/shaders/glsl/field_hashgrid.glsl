// tcnn's multiresolution hash grid, 3D, two features per level (encodings.grid.CubicStencil): pos = s_l * x + 0.5
// (fma), cell = floor(pos); dense rows wrap mod rows, hashed rows are (x * 1 ^ y * 2654435761 ^ z * 805459861) & (T-1).
// field_encode_hash writes 2 * levels features into field_enc[0 ..], level-major. The work arrays are globals (private to each
// invocation), so no array is copied in and out of a function call.

float field_enc[FIELD_MAX_INPUT];

uint field_row(ivec3 c, int res, int rows, bool hashed) {
    if (hashed) {
        uint h = uint(c.x) ^ (uint(c.y) * 2654435761u) ^ (uint(c.z) * 805459861u);
        return h & uint(rows - 1);
    }
    uint index = uint(c.x) + uint(c.y) * uint(res) + uint(c.z) * uint(res * res);
    return index < uint(rows) ? index : index % uint(rows);
}

void field_encode_hash(vec3 x) {
    int levels = cfg.shape.x;
    bool smooth_ = cfg.kinds.z == 1;
    for (int l = 0; l < levels; l++) {
        float sc = cfg.levelScale[l].x;
        ivec4 info = cfg.levelInfo[l];
        precise vec3 p = fma(vec3(sc), x, vec3(0.5));
        vec3 fl = floor(p);
        ivec3 c = ivec3(fl);
        vec3 s = p - fl;
        if (smooth_) {
            s = s * s * (3.0 - 2.0 * s);
        }
        vec3 r = 1.0 - s;
        bool hashed = info.z != 0;
        float a = 0.0;
        float b = 0.0;
        for (int k = 0; k < 8; k++) {
            ivec3 bit = ivec3(k & 1, (k >> 1) & 1, (k >> 2) & 1);
            float w = (bit.x == 1 ? s.x : r.x) * (bit.y == 1 ? s.y : r.y) * (bit.z == 1 ? s.z : r.z);
            uint q = uint(info.w) + 2u * field_row(c + bit, info.x, info.y, hashed);
            a += w * grid[q];
            b += w * grid[q + 1u];
        }
        field_enc[2 * l] = a;
        field_enc[2 * l + 1] = b;
    }
}

// Adds d(output)/dx to grad, given d(output)/d(features) in field_enc (level-major, as field_encode_hash wrote them):
// per level and corner, dot(dE, table row) times the corner weight's derivative (x s_l by the chain rule).
vec3 field_encode_hash_backward(vec3 x) {
    vec3 grad = vec3(0.0);
    int levels = cfg.shape.x;
    bool smooth_ = cfg.kinds.z == 1;
    for (int l = 0; l < levels; l++) {
        float sc = cfg.levelScale[l].x;
        ivec4 info = cfg.levelInfo[l];
        precise vec3 p = fma(vec3(sc), x, vec3(0.5));
        vec3 fl = floor(p);
        ivec3 c = ivec3(fl);
        vec3 t = p - fl;
        vec3 s = t;
        vec3 ds = vec3(sc);
        if (smooth_) {
            s = t * t * (3.0 - 2.0 * t);
            ds = sc * 6.0 * t * (1.0 - t);
        }
        vec3 r = 1.0 - s;
        bool hashed = info.z != 0;
        float ea = field_enc[2 * l];
        float eb = field_enc[2 * l + 1];
        for (int k = 0; k < 8; k++) {
            ivec3 bit = ivec3(k & 1, (k >> 1) & 1, (k >> 2) & 1);
            vec3 f = mix(r, s, vec3(bit));
            vec3 sg = mix(vec3(-1.0), vec3(1.0), vec3(bit));
            uint q = uint(info.w) + 2u * field_row(c + bit, info.x, info.y, hashed);
            float dot_ = ea * grid[q] + eb * grid[q + 1u];
            grad += dot_ * sg * ds * vec3(f.y * f.z, f.x * f.z, f.x * f.y);
        }
    }
    return grad;
}
