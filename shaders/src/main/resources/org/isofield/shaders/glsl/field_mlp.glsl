// tcnn's FullyFusedMLP (fields.mlp.MlpNetwork): bias-free, row-major matrices back to back; matrix 0 is W x Ip with
// the padded inputs equal to 1, then L-1 matrices W x W, then the output matrix (only row 0 is used).

float field_act(float z, int kind) {
    return kind == 1 ? max(z, 0.0) : z;
}

float field_mlp(inout float enc[FIELD_MAX_INPUT]) {
    int width = cfg.shape.y;
    int hidden = cfg.shape.z;
    int ip = cfg.shape.w;
    int act = cfg.kinds.x;
    for (int i = 2 * cfg.shape.x; i < ip; i++) {
        enc[i] = 1.0;
    }
    float h[FIELD_MAX_WIDTH];
    float g[FIELD_MAX_WIDTH];
    for (int r = 0; r < width; r++) {
        float z = 0.0;
        int row = r * ip;
        for (int c = 0; c < ip; c++) {
            z += mlp[row + c] * enc[c];
        }
        h[r] = field_act(z, act);
    }
    int off = width * ip;
    for (int k = 1; k < hidden; k++) {
        for (int r = 0; r < width; r++) {
            float z = 0.0;
            int row = off + r * width;
            for (int c = 0; c < width; c++) {
                z += mlp[row + c] * h[c];
            }
            g[r] = field_act(z, act);
        }
        for (int r = 0; r < width; r++) {
            h[r] = g[r];
        }
        off += width * width;
    }
    float y = 0.0;
    for (int c = 0; c < width; c++) {
        y += mlp[off + c] * h[c];
    }
    return field_act(y, cfg.kinds.y);
}

float field_value(vec3 x) {
    float enc[FIELD_MAX_INPUT];
    field_encode(x, enc);
    return field_mlp(enc);
}
