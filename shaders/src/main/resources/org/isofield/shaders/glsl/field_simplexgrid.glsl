// The simplex hash grid (encodings.simplexgrid.Simplex3dKernel), 3D, two features per level: p = s_l x, skewed
// u = p + (F sum p) + 0.5 with F = levelScale[l].y, cell floor(u), the simplex from the descending order of the
// fractions (ties: lower axis first), barycentric weights 1 - fa, fa - fb, fb - fc, fc; rows as in field_row. The
// same float operations in the same order as the CPU kernel ('precise' keeps the compiler from fusing them).
// Needs field_hashgrid.glsl (field_row, field_enc).

struct FieldSimplex {
    uint q[4];    // float offsets of the 4 vertices' rows
    vec4 w;       // their weights
    ivec3 rank;   // rank of each axis in the descending order of the fractions
};

FieldSimplex field_simplex(vec3 x, int l) {
    float sc = cfg.levelScale[l].x;
    float skew = cfg.levelScale[l].y;
    ivec4 info = cfg.levelInfo[l];
    bool hashed = info.z != 0;
    precise vec3 p = vec3(sc) * x;
    precise float shift = skew * ((p.x + p.y) + p.z) + 0.5;
    precise vec3 u = p + vec3(shift);
    vec3 fl = floor(u);
    ivec3 c = ivec3(fl);
    precise vec3 f = u - fl;
    ivec3 rk = ivec3((f.y > f.x ? 1 : 0) + (f.z > f.x ? 1 : 0),
                     (f.x >= f.y ? 1 : 0) + (f.z > f.y ? 1 : 0),
                     (f.x >= f.z ? 1 : 0) + (f.y >= f.z ? 1 : 0));
    float fa = max(max(f.x, f.y), f.z);
    float fc = min(min(f.x, f.y), f.z);
    float fb = max(min(f.x, f.y), min(max(f.x, f.y), f.z));
    FieldSimplex s;
    uint base = uint(info.w);
    s.q[0] = base + 2u * field_row(c, info.x, info.y, hashed);
    s.q[1] = base + 2u * field_row(c + ivec3(equal(rk, ivec3(0))), info.x, info.y, hashed);
    s.q[2] = base + 2u * field_row(c + ivec3(lessThanEqual(rk, ivec3(1))), info.x, info.y, hashed);
    s.q[3] = base + 2u * field_row(c + ivec3(1), info.x, info.y, hashed);
    precise vec4 w = vec4(1.0 - fa, fa - fb, fb - fc, fc);
    s.w = w;
    s.rank = rk;
    return s;
}

void field_encode_simplex(vec3 x) {
    int levels = cfg.shape.x;
    for (int l = 0; l < levels; l++) {
        FieldSimplex s = field_simplex(x, l);
        float a = 0.0;
        float b = 0.0;
        for (int k = 0; k < 4; k++) {
            a += s.w[k] * grid[s.q[k]];
            b += s.w[k] * grid[s.q[k] + 1u];
        }
        field_enc[2 * l] = a;
        field_enc[2 * l + 1] = b;
    }
}

// Adds d(output)/dx given d(output)/d(features) in field_enc: with dot_k = dE . row_k, the fraction of rank i gets
// dot_(i+1) - dot_i, and du_j/dx_i = s_l (delta_ij + F).
vec3 field_encode_simplex_backward(vec3 x) {
    vec3 grad = vec3(0.0);
    int levels = cfg.shape.x;
    for (int l = 0; l < levels; l++) {
        FieldSimplex s = field_simplex(x, l);
        float ea = field_enc[2 * l];
        float eb = field_enc[2 * l + 1];
        vec4 d;
        for (int k = 0; k < 4; k++) {
            d[k] = ea * grid[s.q[k]] + eb * grid[s.q[k] + 1u];
        }
        vec3 g = vec3(d[s.rank.x + 1] - d[s.rank.x], d[s.rank.y + 1] - d[s.rank.y], d[s.rank.z + 1] - d[s.rank.z]);
        grad += cfg.levelScale[l].x * (g + cfg.levelScale[l].y * (g.x + g.y + g.z));
    }
    return grad;
}
