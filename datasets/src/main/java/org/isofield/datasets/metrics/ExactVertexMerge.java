package org.isofield.datasets.metrics;

/**
 * Merges vertices whose three coordinates have identical float (or double) bit patterns (so {@code 0.0} and
 * {@code -0.0} stay
 * apart, and equal NaNs merge), with an open-addressing hash table of ints: no object per vertex. Merged ids are
 * given in order of first occurrence, so the result is deterministic. O(V) expected time, at most 9 ints of memory
 * per vertex. Stateless and thread-safe.
 */
public final class ExactVertexMerge {
    private ExactVertexMerge() {
    }

    /**
     * For each vertex of {@code xyz} (3 floats each) its merged id, numbered 0, 1, 2 ... in order of first
     * occurrence, so {@link #count} is {@code 1 + max}.
     */
    public static int[] remap(float[] xyz) {
        return remap(xyz.length / 3, i -> Float.floatToRawIntBits(xyz[i]));
    }

    /** As {@link #remap(float[])} for double coordinates, by their double bit patterns. */
    static int[] remap(double[] xyz) {
        return remap(xyz.length / 3, i -> Double.doubleToRawLongBits(xyz[i]));
    }

    /** The bit pattern of coordinate {@code i} (vertex {@code i / 3}, axis {@code i % 3}). */
    private interface Bits {
        long of(int i);
    }

    private static int[] remap(int n, Bits bits) {
        int[] remap = new int[n];
        if (n == 0) {
            return remap;
        }
        int capacity = Integer.highestOneBit(Math.max(4, n - 1)) << 2;
        int mask = capacity - 1;
        int[] table = new int[capacity];   // 1 + index of the first vertex with these bits, 0 = empty
        int next = 0;
        for (int i = 0; i < n; i++) {
            long bx = bits.of(3 * i);
            long by = bits.of(3 * i + 1);
            long bz = bits.of(3 * i + 2);
            int slot = hash(bx, by, bz) & mask;
            while (true) {
                int t = table[slot];
                if (t == 0) {
                    table[slot] = i + 1;
                    remap[i] = next++;
                    break;
                }
                int j = 3 * (t - 1);
                if (bits.of(j) == bx && bits.of(j + 1) == by && bits.of(j + 2) == bz) {
                    remap[i] = remap[t - 1];
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return remap;
    }

    /** Number of distinct vertices in a remap from {@link #remap}. */
    static int count(int[] remap) {
        int max = -1;
        for (int r : remap) {
            max = Math.max(max, r);
        }
        return max + 1;
    }

    private static int hash(long x, long y, long z) {
        long h = x * 0x9E3779B97F4A7C15L ^ y * 0xC2B2AE3D27D4EB4FL ^ z * 0x165667B19E3779F9L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }
}
