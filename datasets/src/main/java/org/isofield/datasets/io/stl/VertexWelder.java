package org.isofield.datasets.io.stl;

import java.util.Arrays;
import org.isofield.datasets.io.internal.GeometryBuilder;
import org.isofield.datasets.io.internal.IntList;
import org.isofield.datasets.io.internal.Locator;

/**
 * Merges bit-identical float positions into one vertex with an open-addressing hash table of primitive ints (no
 * object per vertex). {@code -0.0} and {@code 0.0} count as the same coordinate. New vertices go to the builder,
 * which applies the origin rule.
 */
final class VertexWelder {
    private final GeometryBuilder builder;
    /** The float bits of each vertex, 3 per vertex, for comparing. */
    private final IntList keys;
    /** Vertex index per slot, -1 when empty. */
    private int[] table;
    private int mask;

    VertexWelder(GeometryBuilder builder, int expectedVertices) {
        this.builder = builder;
        this.keys = new IntList(3 * expectedVertices);
        int capacity = Integer.highestOneBit(Math.max(16, Math.min(expectedVertices, 1 << 29)) * 2 - 1) << 1;
        this.table = newTable(capacity);
        this.mask = capacity - 1;
    }

    private static int[] newTable(int capacity) {
        int[] t = new int[capacity];
        Arrays.fill(t, -1);
        return t;
    }

    /** The index of the vertex at float position (x, y, z), adding it when new. */
    int vertex(float x, float y, float z, Locator at) {
        return vertex(x, x, y, y, z, z, at);
    }

    /**
     * The index of the vertex whose float position is (fx, fy, fz), adding it when new with the more precise
     * double position (x, y, z) parsed from text.
     */
    int vertex(double x, float fx, double y, float fy, double z, float fz, Locator at) {
        int kx = Float.floatToIntBits(fx + 0.0f);
        int ky = Float.floatToIntBits(fy + 0.0f);
        int kz = Float.floatToIntBits(fz + 0.0f);
        int[] k = keys.array();
        int slot = hash(kx, ky, kz) & mask;
        int v;
        while ((v = table[slot]) >= 0) {
            if (k[3 * v] == kx && k[3 * v + 1] == ky && k[3 * v + 2] == kz) {
                return v;
            }
            slot = (slot + 1) & mask;
        }
        v = builder.addPosition(x, fx, y, fy, z, fz, at);
        keys.add(kx, ky, kz);
        table[slot] = v;
        if (2L * (v + 1) > table.length) {
            rehash();
        }
        return v;
    }

    private static int hash(int x, int y, int z) {
        int h = x * 0x9E3779B1 + Integer.rotateLeft(y * 0x85EBCA77, 11) + Integer.rotateLeft(z * 0xC2B2AE3D, 23);
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        return h ^ (h >>> 13);
    }

    private void rehash() {
        int capacity = table.length * 2;
        int[] t = newTable(capacity);
        int m = capacity - 1;
        int[] k = keys.array();
        int n = keys.size() / 3;
        for (int v = 0; v < n; v++) {
            int slot = hash(k[3 * v], k[3 * v + 1], k[3 * v + 2]) & m;
            while (t[slot] >= 0) {
                slot = (slot + 1) & m;
            }
            t[slot] = v;
        }
        table = t;
        mask = m;
    }
}
