// tcnn's FullyFusedMLP (fields.mlp.MlpNetwork): bias-free, row-major matrices back to back; matrix 0 is W x Ip with
// the padded inputs equal to 1, then L-1 matrices W x W, then the output matrix (only row 0 is used).

float field_h[FIELD_MAX_WIDTH];
float field_g[FIELD_MAX_WIDTH];

float field_act(float z, int kind) {
    return kind == 1 ? max(z, 0.0) : z;
}

// Reads field_enc; hidden layers alternate between field_h and field_g.
float field_mlp() {
    int width = cfg.shape.y;
    int hidden = cfg.shape.z;
    int ip = cfg.shape.w;
    int act = cfg.kinds.x;
    for (int i = 2 * cfg.shape.x; i < ip; i++) {
        field_enc[i] = 1.0;
    }
    for (int r = 0; r < width; r++) {
        float z = 0.0;
        int row = r * ip;
        for (int c = 0; c < ip; c++) {
            z += mlp[row + c] * field_enc[c];
        }
        field_h[r] = field_act(z, act);
    }
    int off = width * ip;
    bool inH = true;   // whether the current layer's activations are in field_h
    for (int k = 1; k < hidden; k++) {
        for (int r = 0; r < width; r++) {
            float z = 0.0;
            int row = off + r * width;
            if (inH) {
                for (int c = 0; c < width; c++) {
                    z += mlp[row + c] * field_h[c];
                }
                field_g[r] = field_act(z, act);
            } else {
                for (int c = 0; c < width; c++) {
                    z += mlp[row + c] * field_g[c];
                }
                field_h[r] = field_act(z, act);
            }
        }
        inH = !inH;
        off += width * width;
    }
    float y = 0.0;
    for (int c = 0; c < width; c++) {
        y += mlp[off + c] * (inH ? field_h[c] : field_g[c]);
    }
    return field_act(y, cfg.kinds.y);
}

float field_value(vec3 x) {
    field_encode(x);
    return field_mlp();
}
