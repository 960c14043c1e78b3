package org.isofield.datasets.io;

import java.util.Map;
import java.util.SplittableRandom;
import org.isofield.datasets.geom.Vec3d;

/** Seeded geometry for format tests: awkward float values, unit normals, colours, random triangles. */
final class Samples {
    private Samples() {
    }

    /** {@code n} points with values of many magnitudes (all below 2^14, so the origin stays zero). */
    static float[] positions(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] p = new float[3 * n];
        for (int i = 0; i < p.length; i++) {
            p[i] = switch (r.nextInt(5)) {
                case 0 -> (float) r.nextDouble(-1, 1);
                case 1 -> (float) r.nextDouble(-10_000, 10_000);
                case 2 -> (float) (r.nextDouble(-1, 1) * 1e-6);
                case 3 -> Float.intBitsToFloat(r.nextInt(0x3000_0000, 0x4600_0000)) * (r.nextBoolean() ? 1 : -1);
                default -> r.nextInt(-100, 100);
            };
        }
        return p;
    }

    /** {@code n} random unit normals. */
    static float[] normals(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[3 * n];
        for (int i = 0; i < v.length; i += 3) {
            double x = r.nextGaussian(), y = r.nextGaussian(), z = r.nextGaussian();
            double len = Math.sqrt(x * x + y * y + z * z);
            v[i] = (float) (x / len);
            v[i + 1] = (float) (y / len);
            v[i + 2] = (float) (z / len);
        }
        return v;
    }

    /** {@code n} random colours in [0, 1]. */
    static float[] colors(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] c = new float[3 * n];
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) r.nextDouble();
        }
        return c;
    }

    /** {@code f} triangles with three distinct corners among {@code n} vertices. */
    static int[] triangles(int n, int f, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] t = new int[3 * f];
        for (int i = 0; i < t.length; i += 3) {
            int a = r.nextInt(n);
            int b;
            int c;
            do {
                b = r.nextInt(n);
            } while (b == a);
            do {
                c = r.nextInt(n);
            } while (c == a || c == b);
            t[i] = a;
            t[i + 1] = b;
            t[i + 2] = c;
        }
        return t;
    }

    /** Geometry of {@code n} points with the chosen attributes. */
    static GeometryData data(int n, boolean normals, boolean colors, boolean faces, long seed) {
        return new GeometryData(null, positions(n, seed), normals ? normals(n, seed + 1) : null,
                colors ? colors(n, seed + 2) : null, Map.of(), faces ? triangles(n, 2 * n, seed + 3) : null,
                Vec3d.ZERO, 0);
    }
}
