package org.isofield.reconstruction.mc;

import java.util.Arrays;

/** Open-addressing map from a non-negative long key (a grid edge) to an int vertex id; single-threaded. */
final class EdgeVertexMap {
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    EdgeVertexMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        Arrays.fill(keys, -1L);
        mask = cap - 1;
    }

    /** The id stored for {@code key}, or -1. */
    int get(long key) {
        int p = slot(key);
        while (keys[p] != -1L) {
            if (keys[p] == key) {
                return values[p];
            }
            p = (p + 1) & mask;
        }
        return -1;
    }

    void put(long key, int value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int p = slot(key);
        while (keys[p] != -1L && keys[p] != key) {
            p = (p + 1) & mask;
        }
        if (keys[p] == -1L) {
            size++;
        }
        keys[p] = key;
        values[p] = value;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, -1L);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != -1L) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
