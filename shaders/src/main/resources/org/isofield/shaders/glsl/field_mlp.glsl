// tcnn's FullyFusedMLP (fields.mlp.MlpNetwork): bias-free, row-major matrices back to back; matrix 0 is W x Ip with
// the padded inputs equal to 1, then L-1 matrices W x W, then the output matrix (only row 0 is used).

float field_h[FIELD_MAX_WIDTH];
float field_g[FIELD_MAX_WIDTH];
// Which hidden units were active (z > 0) in the last field_mlp(true): bit r % 32 of word 4 * layer + r / 32.
uint field_mask[4 * FIELD_MAX_HIDDEN];

float field_act(float z, int kind) {
    return kind == 1 ? max(z, 0.0) : z;
}

// Reads field_enc; hidden layers alternate between field_h and field_g. With keep, records field_mask (for
// field_mlp_backward).
float field_mlp(bool keep) {
    int width = cfg.shape.y;
    int hidden = cfg.shape.z;
    int ip = cfg.shape.w;
    int act = cfg.kinds.x;
    for (int i = 2 * cfg.shape.x; i < ip; i++) {
        field_enc[i] = 1.0;
    }
    if (keep) {
        for (int i = 0; i < 4 * hidden; i++) {
            field_mask[i] = 0u;
        }
    }
    for (int r = 0; r < width; r++) {
        float z = 0.0;
        int row = r * ip;
        for (int c = 0; c < ip; c++) {
            z += mlp[row + c] * field_enc[c];
        }
        field_h[r] = field_act(z, act);
        if (keep && (act == 0 || z > 0.0)) {
            field_mask[r >> 5] |= 1u << (r & 31);
        }
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
            if (keep && (act == 0 || z > 0.0)) {
                field_mask[4 * k + (r >> 5)] |= 1u << (r & 31);
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

void field_encode(vec3 x) {
    if (cfg.kinds.w == 1) {
        field_encode_simplex(x);
    } else {
        field_encode_hash(x);
    }
}

float field_value(vec3 x) {
    field_encode(x);
    return field_mlp(false);
}

bool field_active(int layer, int r) {
    return (field_mask[4 * layer + (r >> 5)] & (1u << (r & 31))) != 0u;
}

// After field_mlp(true) returned y: writes d y / d(features) into field_enc[0 .. 2 * levels) (reverse mode through
// the masks; the forward features are overwritten).
void field_mlp_backward(float y) {
    int width = cfg.shape.y;
    int hidden = cfg.shape.z;
    int ip = cfg.shape.w;
    float gy = cfg.kinds.y == 1 && y <= 0.0 ? 0.0 : 1.0;
    int off = width * ip + (hidden - 1) * width * width;   // the output row
    // dz of the last hidden layer, in field_h
    for (int r = 0; r < width; r++) {
        field_h[r] = field_active(hidden - 1, r) ? gy * mlp[off + r] : 0.0;
    }
    bool inH = true;
    for (int k = hidden - 1; k >= 1; k--) {   // dz_(k-1) = (W_k^T dz_k) * mask_(k-1)
        off -= width * width;
        for (int c = 0; c < width; c++) {
            float z = 0.0;
            if (field_active(k - 1, c)) {
                if (inH) {
                    for (int r = 0; r < width; r++) {
                        z += mlp[off + r * width + c] * field_h[r];
                    }
                } else {
                    for (int r = 0; r < width; r++) {
                        z += mlp[off + r * width + c] * field_g[r];
                    }
                }
            }
            if (inH) {
                field_g[c] = z;
            } else {
                field_h[c] = z;
            }
        }
        inH = !inH;
    }
    int features = 2 * cfg.shape.x;
    for (int c = 0; c < features; c++) {
        float z = 0.0;
        for (int r = 0; r < width; r++) {
            z += mlp[r * ip + c] * (inH ? field_h[r] : field_g[r]);
        }
        field_enc[c] = z;
    }
}

// The field's gradient at x (unit cube): one forward pass keeping the ReLU masks, then reverse mode through the MLP
// and the encoding.
vec3 field_gradient(vec3 x) {
    field_encode(x);
    float y = field_mlp(true);
    field_mlp_backward(y);
    return cfg.kinds.w == 1 ? field_encode_simplex_backward(x) : field_encode_hash_backward(x);
}
