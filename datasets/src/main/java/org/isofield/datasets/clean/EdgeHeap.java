package org.isofield.datasets.clean;

import java.util.Arrays;

/**
 * A four-ary min-heap (shallower than a binary one, and four children share a cache line) of candidate edge
 * collapses for {@link QemDecimation}, without objects: each entry is a {@code long} whose high half is the cost as
 * float bits (costs are at least 0, so their bits sort as the costs do) and whose low half is a slot holding the
 * edge's two vertices and the versions they had when it was pushed. Equal costs pop in slot order, so the order is
 * deterministic. Entries are never updated: a changed edge is pushed again and the old entry is recognised as stale
 * when popped ({@link #u}, {@link #v} and the versions), the lazy deletion of most QEM implementations. Slots of
 * popped entries are reused. Not thread-safe.
 */
final class EdgeHeap {
    private long[] heap = new long[1024];
    private int size;
    private int[] slots = new int[4 * 1024];
    private int slotCount;
    private int[] free = new int[256];
    private int freeCount;

    int size() {
        return size;
    }

    void push(float cost, int u, int v, int versionU, int versionV) {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            slot = slotCount++;
            if (4 * slotCount > slots.length) {
                slots = Arrays.copyOf(slots, 2 * slots.length);
            }
        }
        slots[4 * slot] = u;
        slots[4 * slot + 1] = v;
        slots[4 * slot + 2] = versionU;
        slots[4 * slot + 3] = versionV;
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, 2 * size);
        }
        long key = ((long) Float.floatToIntBits(Math.max(0f, cost)) << 32) | slot;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (heap[parent] <= key) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = key;
    }

    /** Removes the cheapest entry and returns its slot, valid until the next push; -1 when empty. */
    int pop() {
        if (size == 0) {
            return -1;
        }
        long top = heap[0];
        long last = heap[--size];
        int i = 0;
        while (true) {
            int first = 4 * i + 1;
            if (first >= size) {
                break;
            }
            int child = first;
            int end = Math.min(first + 4, size);
            for (int k = first + 1; k < end; k++) {
                if (heap[k] < heap[child]) {
                    child = k;
                }
            }
            if (heap[child] >= last) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        if (size > 0) {
            heap[i] = last;
        }
        int slot = (int) top;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, 2 * freeCount);
        }
        free[freeCount++] = slot;
        lastCost = Float.intBitsToFloat((int) (top >>> 32));
        return slot;
    }

    private float lastCost;

    /** The cost of the entry {@link #pop} returned last. */
    float lastCost() {
        return lastCost;
    }

    int u(int slot) {
        return slots[4 * slot];
    }

    int v(int slot) {
        return slots[4 * slot + 1];
    }

    int versionU(int slot) {
        return slots[4 * slot + 2];
    }

    int versionV(int slot) {
        return slots[4 * slot + 3];
    }
}
