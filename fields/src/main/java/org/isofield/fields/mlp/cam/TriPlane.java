package org.isofield.fields.mlp.cam;

import java.util.function.IntPredicate;
import org.isofield.core.Parallel;

/**
 * The tri-plane grid of a {@link CamNetwork}: three planes (xy, xz, yz) of {@code R x R} vertices with {@code K}
 * channels each. The value of channel {@code c} at a point {@code p} in {@code [0,1]^3} is the product of the three
 * planes' bilinear samples, {@code v_c(p) = P_xy(x, y)_c * P_xz(x, z)_c * P_yz(y, z)_c}.
 *
 * <h2>Sampling</h2>
 * As PyTorch's {@code grid_sample} with {@code align_corners=True} and border padding (the CAM code's choice): a
 * coordinate {@code a} is clamped to {@code [0, 1]}, {@code t = a (R - 1)}, cell {@code i = min(floor(t), R - 2)},
 * fraction {@code f = t - i}; the derivative with respect to {@code a} is {@code (R - 1)} times the cell difference
 * inside the cube and 0 outside it.
 *
 * <h2>Layout</h2>
 * Within the grid's range of the parameter array, plane {@code q} (0 xy, 1 xz, 2 yz), vertex {@code (i, j)} (first,
 * second coordinate), channel {@code c} is at {@code ((q R + j) R + i) K + c}: the channels of a vertex are
 * contiguous, so one sample reads 12 runs of {@code K} floats.
 */
final class TriPlane {
    /** Coordinate pairs of the planes: xy, xz, yz. */
    static final int[][] AXES = {{0, 1}, {0, 2}, {1, 2}};

    final int resolution;
    final int channels;
    final int offset;
    private final int planeStride;

    TriPlane(int resolution, int channels, int offset) {
        this.resolution = resolution;
        this.channels = channels;
        this.offset = offset;
        this.planeStride = resolution * resolution * channels;
    }

    int paramCount() {
        return 3 * planeStride;
    }

    /**
     * Writes the initial values: planes that are all 1 for scale channels, and for shift channels 0 on the xy plane and
     * 1 on the others, so every factor starts at the identity (scale 1, shift 0) while each has a non-zero gradient
     * with respect to at least one plane.
     *
     * @param shift whether channel {@code c} is a shift
     */
    void initialize(float[] params, IntPredicate shift) {
        for (int q = 0; q < 3; q++) {
            for (int v = 0; v < resolution * resolution; v++) {
                int base = offset + q * planeStride + v * channels;
                for (int c = 0; c < channels; c++) {
                    params[base + c] = q == 0 && shift.test(c) ? 0f : 1f;
                }
            }
        }
    }

    /**
     * Locates a point: for each plane {@code q} writes the parameter index of its lower corner (channel 0) to
     * {@code cell[cellOff + q]} and the two fractions to {@code frac[fracOff + 2q], frac[fracOff + 2q + 1]}.
     */
    void locate(float[] in, int at, int[] cell, int cellOff, float[] frac, int fracOff) {
        int r1 = resolution - 1;
        for (int q = 0; q < 3; q++) {
            int ia = 0;
            int ib = 0;
            for (int k = 0; k < 2; k++) {
                float a = in[at + AXES[q][k]];
                float t = (a > 0f ? (a < 1f ? a : 1f) : 0f) * r1;
                int i = Math.min((int) t, r1 - 1);
                frac[fracOff + 2 * q + k] = t - i;
                if (k == 0) {
                    ia = i;
                } else {
                    ib = i;
                }
            }
            cell[cellOff + q] = offset + q * planeStride + (ib * resolution + ia) * channels;
        }
    }

    /** Bilinear sample of one plane's channel {@code c}, given its lower-corner index and fractions. */
    float sample(float[] p, int base, float fa, float fb, int c) {
        int row = resolution * channels;
        float p00 = p[base + c];
        float p10 = p[base + channels + c];
        float p01 = p[base + row + c];
        float p11 = p[base + row + channels + c];
        return (1 - fb) * ((1 - fa) * p00 + fa * p10) + fb * ((1 - fa) * p01 + fa * p11);
    }

    /**
     * Derivatives of one plane's sample with respect to its two fractions, written to {@code d[0], d[1]} (multiply
     * by {@code R - 1} for the coordinate).
     */
    void sampleGradient(float[] p, int base, float fa, float fb, int c, float[] d) {
        int row = resolution * channels;
        float p00 = p[base + c];
        float p10 = p[base + channels + c];
        float p01 = p[base + row + c];
        float p11 = p[base + row + channels + c];
        d[0] = (1 - fb) * (p10 - p00) + fb * (p11 - p01);
        d[1] = (1 - fa) * (p01 - p00) + fa * (p11 - p10);
    }

    /** Adds {@code g} times the bilinear weights of one plane sample to the four corners of channel {@code c}. */
    void splat(float[] grad, int base, float fa, float fb, int c, float g) {
        int row = resolution * channels;
        int i = base + c;
        grad[i] += g * (1 - fa) * (1 - fb);
        grad[i + channels] += g * fa * (1 - fb);
        grad[i + row] += g * (1 - fa) * fb;
        grad[i + row + channels] += g * fa * fb;
    }

    /**
     * Scatters per-sample factor gradients into the grid's parameter gradient: for sample {@code s} and channel
     * {@code c}, {@code dv[s K + c]} times the other two planes' samples goes to the corners of each plane. Tasks
     * own disjoint channel ranges and walk the samples in order, so the sums do not depend on the thread count.
     * The gradient array is indexed as the parameter array.
     */
    void scatter(float[] p, int n, int[] cell, float[] frac, float[] dv, float[] grad) {
        Parallel.forChunks(channels, 1, (chunk, c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                for (int s = 0; s < n; s++) {
                    float g = dv[s * channels + c];
                    if (g == 0f) {
                        continue;
                    }
                    int b0 = cell[3 * s];
                    int b1 = cell[3 * s + 1];
                    int b2 = cell[3 * s + 2];
                    int f = 6 * s;
                    float v0 = sample(p, b0, frac[f], frac[f + 1], c);
                    float v1 = sample(p, b1, frac[f + 2], frac[f + 3], c);
                    float v2 = sample(p, b2, frac[f + 4], frac[f + 5], c);
                    splat(grad, b0, frac[f], frac[f + 1], c, g * v1 * v2);
                    splat(grad, b1, frac[f + 2], frac[f + 3], c, g * v0 * v2);
                    splat(grad, b2, frac[f + 4], frac[f + 5], c, g * v0 * v1);
                }
            }
        });
    }
}
