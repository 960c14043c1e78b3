package org.isofield.datasets.index.kdtree;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded point clouds of several distributions, and brute-force references, for KD-tree tests. */
final class Clouds {
    enum Distribution { UNIFORM, CLUSTERED, DUPLICATED, IDENTICAL, COLLINEAR, PLANAR, LATTICE }

    private Clouds() {
    }

    static float[] cloud(Distribution d, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] p = new float[3 * n];
        switch (d) {
            case UNIFORM -> {
                for (int i = 0; i < p.length; i++) {
                    p[i] = (float) rnd.nextDouble(-1, 1);
                }
            }
            case CLUSTERED -> {
                int clusters = 1 + rnd.nextInt(6);
                float[] c = new float[3 * clusters];
                for (int i = 0; i < c.length; i++) {
                    c[i] = (float) rnd.nextDouble(-10, 10);
                }
                for (int i = 0; i < n; i++) {
                    int k = rnd.nextInt(clusters);
                    double s = Math.pow(10, -rnd.nextInt(5));
                    for (int a = 0; a < 3; a++) {
                        p[3 * i + a] = (float) (c[3 * k + a] + s * rnd.nextGaussian());
                    }
                }
            }
            case DUPLICATED -> {
                int distinct = 1 + rnd.nextInt(Math.max(1, n / 4));
                float[] c = new float[3 * distinct];
                for (int i = 0; i < c.length; i++) {
                    c[i] = (float) rnd.nextDouble(-1, 1);
                }
                for (int i = 0; i < n; i++) {
                    System.arraycopy(c, 3 * rnd.nextInt(distinct), p, 3 * i, 3);
                }
            }
            case IDENTICAL -> {
                float x = (float) rnd.nextDouble(-1, 1), y = (float) rnd.nextDouble(-1, 1),
                        z = (float) rnd.nextDouble(-1, 1);
                for (int i = 0; i < n; i++) {
                    p[3 * i] = x;
                    p[3 * i + 1] = y;
                    p[3 * i + 2] = z;
                }
            }
            case COLLINEAR -> {
                for (int i = 0; i < n; i++) {
                    float t = (float) rnd.nextDouble(-1, 1);
                    p[3 * i] = t;
                    p[3 * i + 1] = 2 * t;
                    p[3 * i + 2] = -0.5f * t;
                }
            }
            case PLANAR -> {
                for (int i = 0; i < n; i++) {
                    p[3 * i] = (float) rnd.nextDouble(-1, 1);
                    p[3 * i + 1] = 0.25f;
                    p[3 * i + 2] = (float) rnd.nextDouble(-1, 1);
                }
            }
            case LATTICE -> {
                for (int i = 0; i < p.length; i++) {
                    p[i] = rnd.nextInt(4);
                }
            }
        }
        return p;
    }

    /** Queries: points of the cloud, points near the cloud and points far away. */
    static float[] queries(float[] cloud, int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int n = cloud.length / 3;
        float[] q = new float[3 * m];
        for (int i = 0; i < m; i++) {
            switch (i % 4) {
                case 0 -> System.arraycopy(cloud, 3 * rnd.nextInt(n), q, 3 * i, 3);
                case 1, 2 -> {
                    int j = rnd.nextInt(n);
                    for (int a = 0; a < 3; a++) {
                        q[3 * i + a] = cloud[3 * j + a] + (float) (rnd.nextGaussian() * 0.1);
                    }
                }
                default -> {
                    for (int a = 0; a < 3; a++) {
                        q[3 * i + a] = (float) rnd.nextDouble(-20, 20);
                    }
                }
            }
        }
        return q;
    }

    /** Squared distance computed exactly as the tree does. */
    static float dist2(float[] p, int i, float x, float y, float z) {
        float dx = x - p[3 * i], dy = y - p[3 * i + 1], dz = z - p[3 * i + 2];
        return dx * dx + dy * dy + dz * dz;
    }

    static float keyDist(long key) {
        return Float.intBitsToFloat((int) (key >>> 32));
    }

    /** All squared distances sorted by (distance, index), packed like the tree's keys. */
    static long[] sortedKeys(float[] p, float x, float y, float z) {
        int n = p.length / 3;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) Float.floatToRawIntBits(dist2(p, i, x, y, z)) << 32) | i;
        }
        Arrays.sort(keys);
        return keys;
    }
}
