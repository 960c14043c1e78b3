package org.isofield.datasets.io.internal;

import java.util.Arrays;

/**
 * A growable {@code float[]} for readers that do not know their point count in advance. Grows by half again when
 * full and hands its array over without copying when it is exactly full ({@link #toArray()}).
 */
public final class FloatList {
    /** The largest array length Java allows on common JVMs. */
    public static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private float[] data;
    private int size;

    /** An empty list with room for {@code capacity} values before it grows. */
    public FloatList(int capacity) {
        data = new float[Math.max(0, capacity)];
    }

    /** A full list wrapping {@code values} without copying. */
    public static FloatList wrap(float[] values) {
        FloatList list = new FloatList(0);
        list.data = values;
        list.size = values.length;
        return list;
    }

    /** Number of values added. */
    public int size() {
        return size;
    }

    /** Appends one value. */
    public void add(float v) {
        if (size == data.length) {
            grow(size + 1);
        }
        data[size++] = v;
    }

    /** Appends three values. */
    public void add(float a, float b, float c) {
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
    public float[] extend(int newSize) {
        if (newSize > data.length) {
            grow(newSize);
        }
        size = Math.max(size, newSize);
        return data;
    }

    /** The backing array (valid up to {@link #size()}); shared. */
    public float[] array() {
        return data;
    }

    /** The values as an exactly sized array: the backing array itself when full, else a copy. */
    public float[] toArray() {
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
