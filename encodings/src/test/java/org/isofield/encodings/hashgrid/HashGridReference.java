package org.isofield.encodings.hashgrid;

import org.isofield.encodings.grid.Interpolation;

/**
 * An independent float64 reference of tiny-cuda-nn's hash grid, written from the spec (not from the kernel): level
 * scale, resolution, dense/hashed rows with uint32 arithmetic done in {@code long}, and d-linear or smoothstep
 * interpolation. Level scales are taken from the kernel's float values so both sample the same lattice.
 */
final class HashGridReference {
    private static final long[] PRIMES = {1L, 2654435761L, 805459861L, 3674653429L};

    final int dims;
    final int levels;
    final int features;
    final double[] scale;
    final long[] resolution;
    final long[] rows;
    final boolean[] hashed;
    final long[] offset;
    final boolean smooth;

    HashGridReference(HashGridConfig c, int dims, float[] kernelScales) {
        this.dims = dims;
        this.levels = c.nLevels();
        this.features = c.nFeaturesPerLevel();
        this.smooth = c.interpolation() == Interpolation.SMOOTHSTEP;
        scale = new double[levels];
        resolution = new long[levels];
        rows = new long[levels];
        hashed = new boolean[levels];
        offset = new long[levels + 1];
        long t = 1L << c.log2HashmapSize();
        for (int l = 0; l < levels; l++) {
            scale[l] = kernelScales != null ? kernelScales[l] : c.baseResolution() * Math.pow(c.perLevelScale(), l) - 1;
            resolution[l] = (long) Math.ceil(scale[l]) + 1;
            long dense = 1;
            for (int i = 0; i < dims; i++) {
                dense *= resolution[l];
            }
            dense = (dense + 7) / 8 * 8;
            hashed[l] = dense > t;
            rows[l] = Math.min(dense, t);
            offset[l + 1] = offset[l] + rows[l] * features;
        }
    }

    static long hash(long[] v) {
        long h = 0;
        for (int i = 0; i < v.length; i++) {
            h ^= (v[i] * PRIMES[i]) & 0xFFFFFFFFL;
        }
        return h;
    }

    long row(int l, long[] v) {
        if (hashed[l]) {
            return hash(v) % rows[l];
        }
        long index = 0;
        long stride = 1;
        for (int i = 0; i < dims; i++) {
            index += v[i] * stride;
            stride *= resolution[l];
        }
        return (index & 0xFFFFFFFFL) % rows[l];
    }

    double s(double t) {
        return smooth ? t * t * (3 - 2 * t) : t;
    }

    /** Encodes one point in float64; returns {@code levels x features} values. */
    double[] encode(double[] x, float[] params) {
        double[] out = new double[levels * features];
        for (int l = 0; l < levels; l++) {
            long[] cell = new long[dims];
            double[] t = new double[dims];
            for (int i = 0; i < dims; i++) {
                double p = scale[l] * x[i] + 0.5;
                cell[i] = (long) Math.floor(p);
                t[i] = s(p - Math.floor(p));
            }
            for (int k = 0; k < (1 << dims); k++) {
                long[] v = new long[dims];
                double w = 1;
                for (int i = 0; i < dims; i++) {
                    boolean up = ((k >> i) & 1) == 1;
                    v[i] = cell[i] + (up ? 1 : 0);
                    w *= up ? t[i] : 1 - t[i];
                }
                long r = offset[l] + row(l, v) * features;
                for (int f = 0; f < features; f++) {
                    out[l * features + f] += w * params[(int) (r + f)];
                }
            }
        }
        return out;
    }
}
