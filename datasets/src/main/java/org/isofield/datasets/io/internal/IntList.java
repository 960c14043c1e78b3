package org.isofield.datasets.io.internal;

import java.util.Arrays;

/**
 * A growable {@code int[]} for readers that do not know their face count in advance. Grows by half again when
 * full and hands its array over without copying when it is exactly full ({@link #toArray()}).
 */
public final class IntList {
    /** The largest array length Java allows on common JVMs. */
    public static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private int[] data;
    private int size;

    /** An empty list with room for {@code capacity} values before it grows. */
    public IntList(int capacity) {
        data = new int[Math.max(0, capacity)];
    }

    /** Number of values added. */
    public int size() {
        return size;
    }

    /** Appends one value. */
    public void add(int v) {
        if (size == data.length) {
            grow(size + 1);
        }
        data[size++] = v;
    }

    /** Appends three values. */
    public void add(int a, int b, int c) {
        if (size + 3 > data.length) {
            grow(size + 3);
        }
        data[size] = a;
        data[size + 1] = b;
        data[size + 2] = c;
        size += 3;
    }

    /**
     * Makes the list {@code newSize} long and returns the backing array, so a bulk reader can fill
     * {@code [oldSize, newSize)} in place. The array is only valid until the next call that grows the list.
     */
    public int[] extend(int newSize) {
        if (newSize > data.length) {
            grow(newSize);
        }
        size = Math.max(size, newSize);
        return data;
    }

    /** The backing array (valid up to {@link #size()}); shared. */
    public int[] array() {
        return data;
    }

    /** The values as an exactly sized array: the backing array itself when full, else a copy. */
    public int[] toArray() {
        return size == data.length ? data : Arrays.copyOf(data, size);
    }

    private void grow(int minCapacity) {
        if (minCapacity < 0 || minCapacity > MAX_LENGTH) {
            throw new IllegalStateException("more than " + MAX_LENGTH + " values");
        }
        long next = Math.max((long) minCapacity, data.length + (data.length >> 1) + 16L);
        data = Arrays.copyOf(data, (int) Math.min(next, MAX_LENGTH));
    }
}
