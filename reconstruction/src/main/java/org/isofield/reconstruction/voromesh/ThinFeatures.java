package org.isofield.reconstruction.voromesh;

import java.util.Arrays;
import org.isofield.datasets.geom.SymmetricEigen;
import org.isofield.reconstruction.SignedField;

/**
 * Extra generators where the lattice misses a sign change: a feature thinner than a cell (a blade, a thin wall, a
 * narrow gap) can lie between two lattice planes, so every corner of the cells that hold its points has the same
 * sign and no Voronoi face between opposite cells can follow it. For each cell that holds a point and whose eight
 * corners share a sign, the field is sampled at {@code samples}^3 points inside the cell (the centres of a
 * sub-lattice); if some sample has the other sign, one generator goes to the sample farthest to that side (the most
 * negative when the corners are outside, the most positive when inside), which for a distance-like field is the
 * middle of the thin part. The new generator stays there (VoroLoss moves the others around it) and keeps that sign;
 * the corners of its cell keep their starting sign too, since the part lies between them: left to the vertex mean
 * of their cells after they moved, some fell into the thin part and made spikes several cells long (a plate an
 * eighth of a cell thick at resolution 32: vertices 5 cells off it). A cell whose corners disagree already has the
 * sign change and gets nothing.
 */
final class ThinFeatures {
    /** {@link Result#fixed} values: the sign is read from the field at the cell's vertex mean, or fixed. */
    static final byte FREE = 0;
    static final byte INSIDE = 1;
    static final byte OUTSIDE = 2;

    /** 13 unit directions, one of each opposite pair: the axes, the face diagonals, the body diagonals. */
    private static final double[] DIRECTIONS = directions();

    private ThinFeatures() {
    }

    private static double[] directions() {
        double[] out = new double[39];
        int m = 0;
        for (int x = -1; x <= 1; x++) {
            for (int y = -1; y <= 1; y++) {
                for (int z = -1; z <= 1; z++) {
                    // one of each pair: the first non-zero component positive
                    int first = x != 0 ? x : y != 0 ? y : z;
                    if (first > 0) {
                        double len = Math.sqrt(x * x + y * y + z * z);
                        out[m++] = x / len;
                        out[m++] = y / len;
                        out[m++] = z / len;
                    }
                }
            }
        }
        return out;
    }

    /**
     * The generators with the thin-feature ones appended, and their fixed signs.
     *
     * @param gen the lattice generators, then the thin-feature ones (which must not move)
     * @param fixed per generator of {@code gen}: {@link #FREE}, {@link #INSIDE} or {@link #OUTSIDE}
     * @param added how many thin-feature generators were appended
     */
    record Result(Generators gen, byte[] fixed, int added) {
    }

    /** Adds the thin-feature generators to a lattice from {@link Generators#start}. */
    static Result add(Generators gen, SignedField field, int samples) {
        if (samples == 0) {
            return new Result(gen, new byte[gen.count()], 0);
        }
        long[] lattice = gen.latticeKeys();
        int n = lattice.length;
        if (n != gen.count()) {
            throw new IllegalArgumentException("gen has " + gen.count() + " generators; expected the " + n
                    + " lattice generators of Generators.start");
        }
        double[] xyz = new double[3 * n];
        for (int i = 0; i < n; i++) {
            int[] v = Generators.coordinates(lattice[i]);
            for (int a = 0; a < 3; a++) {
                xyz[3 * i + a] = gen.world(gen.latticeCoordinate(v[a], a), a);
            }
        }
        float[] values = new float[n];
        field.evaluate(xyz, n, values);
        long[] occupied = gen.occupiedKeys();
        int s3 = samples * samples * samples;
        // the cells whose corners share a sign: their sub-lattice samples are evaluated in one call
        int[] flagged = new int[occupied.length];
        boolean[] outside = new boolean[occupied.length];
        int m = 0;
        for (int c = 0; c < occupied.length; c++) {
            int sign = 0;
            for (int k = 0; k < 8; k++) {
                long key = Generators.corner(occupied[c], k);
                int at = Arrays.binarySearch(lattice, key);
                sign |= values[at] < 0 ? 1 : 2;
            }
            if (sign != 3) {
                flagged[m] = c;
                outside[m++] = sign == 2;
            }
        }
        double[] probe = new double[3 * s3 * m];
        for (int j = 0; j < m; j++) {
            long key = occupied[flagged[j]];
            int[] v = Generators.coordinates(key);
            for (int s = 0; s < s3; s++) {
                int[] sub = {s % samples, s / samples % samples, s / (samples * samples)};
                for (int a = 0; a < 3; a++) {
                    double frame = gen.latticeCoordinate(v[a], a) + (sub[a] + 0.5) / samples * gen.cell();
                    probe[3 * (s3 * j + s) + a] = gen.world(frame, a);
                }
            }
        }
        float[] f = new float[s3 * m];
        field.evaluate(probe, s3 * m, f);
        float[] extra = new float[3 * m];
        byte[] extraSign = new byte[m];
        int[] cellOf = new int[m];
        int added = 0;
        for (int j = 0; j < m; j++) {
            int best = -1;
            float bestValue = 0f;
            for (int s = 0; s < s3; s++) {
                float value = outside[j] ? -f[s3 * j + s] : f[s3 * j + s]; // positive: the other side
                boolean other = outside[j] ? f[s3 * j + s] < 0 : f[s3 * j + s] >= 0;
                if (other && (best < 0 || value > bestValue)) {
                    best = s;
                    bestValue = value;
                }
            }
            if (best >= 0) {
                int at = 3 * (s3 * j + best);
                for (int a = 0; a < 3; a++) {
                    extra[3 * added + a] = (float) gen.frame(probe[at + a], a);
                }
                cellOf[added] = flagged[j];
                extraSign[added++] = outside[j] ? INSIDE : OUTSIDE;
            }
        }
        double[] mirrors = new double[6 * added];
        boolean[] thin = mirror(gen, field, extra, extraSign, added, mirrors);
        // each thin part's generator, its two mirrors, and its cell's corners with their starting sign
        int kept = 0;
        for (boolean b : thin) {
            kept += b ? 1 : 0;
        }
        float[] g = gen.generators();
        float[] all = Arrays.copyOf(g, g.length + 9 * kept);
        byte[] fixed = new byte[n + 3 * kept];
        int at = n;
        for (int i = 0; i < added; i++) {
            if (!thin[i]) {
                continue;
            }
            byte other = extraSign[i] == INSIDE ? OUTSIDE : INSIDE;
            System.arraycopy(extra, 3 * i, all, 3 * at, 3);
            fixed[at++] = extraSign[i];
            for (int c = 0; c < 2; c++) {
                for (int a = 0; a < 3; a++) {
                    all[3 * at + a] = (float) gen.frame(mirrors[6 * i + 3 * c + a], a);
                }
                fixed[at++] = other;
            }
            for (int k = 0; k < 8; k++) {
                fixed[Arrays.binarySearch(lattice, Generators.corner(occupied[cellOf[i]], k))] = other;
            }
        }
        return new Result(kept == 0 ? gen : gen.withGenerators(all), fixed, 3 * kept);
    }

    /**
     * Places, for each of the {@code added} thin-feature generators, its two mirror images across the thin part's
     * sides, with the other sign, so the bisectors fall on the sides: at {@code t +- 2 h n}. The generator sits near
     * the part's middle, where the field's gradient vanishes, so {@code n} is the direction in which the field changes
     * most either way: the main axis of the sum of {@code D(e) e e^T} over 13 directions {@code e}, with
     * {@code D(e) = |f(t + s e) - f(t)| + |f(t - s e) - f(t)|} and {@code s = |f(t)|}; {@code h} is {@code |f(t)|}
     * over the slope {@code D / 2s} along the best direction, at most half a cell. Fills {@code candidate} (6 per
     * generator: the two mirrors) and returns which generators are in a thin part: both mirrors have the other sign.
     */
    private static boolean[] mirror(Generators gen, SignedField field, float[] extra, byte[] sign, int added,
            double[] candidate) {
        double[] t = new double[3 * added];
        for (int i = 0; i < 3 * added; i++) {
            t[i] = gen.world(extra[i], i % 3);
        }
        float[] f0 = new float[added];
        field.evaluate(t, added, f0);
        double cellWorld = gen.cell() / gen.scale();
        int d = DIRECTIONS.length / 3;
        double[] xyz = new double[6 * d * added];
        double[] step = new double[added];
        for (int i = 0; i < added; i++) {
            step[i] = Math.max(1e-6 * cellWorld, Math.min(cellWorld / 4, Math.abs(f0[i])));
            for (int k = 0; k < 2 * d; k++) {
                double side = k % 2 == 0 ? step[i] : -step[i];
                for (int a = 0; a < 3; a++) {
                    xyz[3 * (2 * d * i + k) + a] = t[3 * i + a] + side * DIRECTIONS[3 * (k / 2) + a];
                }
            }
        }
        float[] f = new float[2 * d * added];
        field.evaluate(xyz, 2 * d * added, f);
        boolean[] has = new boolean[added];
        double[][] tensor = new double[3][3];
        double[] n = new double[3];
        for (int i = 0; i < added; i++) {
            double best = 0;
            double trace = 0;
            for (double[] row : tensor) {
                Arrays.fill(row, 0);
            }
            for (int k = 0; k < d; k++) {
                double change = Math.abs(f[2 * d * i + 2 * k] - f0[i]) + Math.abs(f[2 * d * i + 2 * k + 1] - f0[i]);
                best = Math.max(best, change);
                trace += change;
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        tensor[a][b] -= change * DIRECTIONS[3 * k + a] * DIRECTIONS[3 * k + b];
                    }
                }
            }
            if (!(best > 0)) {
                continue;
            }
            for (int a = 0; a < 3; a++) {
                tensor[a][a] += trace; // trace I - M: its smallest axis is M's largest
            }
            SymmetricEigen.smallestVector(tensor, n);
            double h = Math.min(cellWorld / 2, Math.abs(f0[i]) / (best / (2 * step[i])));
            for (int side = -1; side <= 1; side += 2) {
                for (int a = 0; a < 3; a++) {
                    candidate[3 * (2 * i + (side + 1) / 2) + a] = t[3 * i + a] + side * 2 * h * n[a];
                }
            }
            has[i] = true;
        }
        // both mirrors must land where the field has their sign: where the surface only grazes the cell, the far
        // side of the generator is the same solid, the part is not thin, and a mirror there would punch a hole (or,
        // for a gap, grow a blob; boot at 128: Chamfer 87x)
        float[] fc = new float[2 * added];
        field.evaluate(candidate, 2 * added, fc);
        boolean[] thin = new boolean[added];
        for (int i = 0; i < added; i++) {
            boolean mirrorInside = sign[i] == OUTSIDE;
            thin[i] = has[i];
            for (int c = 0; c < 2; c++) {
                thin[i] &= mirrorInside ? fc[2 * i + c] < 0 : fc[2 * i + c] >= 0;
            }
        }
        return thin;
    }
}
