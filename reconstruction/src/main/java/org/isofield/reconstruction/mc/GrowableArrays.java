package org.isofield.reconstruction.mc;

import java.util.Arrays;

/** Minimal growable primitive arrays for mesh output. */
final class GrowableArrays {
    private GrowableArrays() {
    }

    static final class Floats {
        float[] data = new float[1024];
        int size;

        void ensure(int capacity) {
            if (capacity > data.length) {
                data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(capacity, 2L * data.length)));
            }
        }

        float[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    static final class Ints {
        int[] data = new int[1024];
        int size;

        void add(int a, int b, int c) {
            ensure(size + 3);
            data[size] = a;
            data[size + 1] = b;
            data[size + 2] = c;
            size += 3;
        }

        void addAll(Ints other) {
            ensure(size + other.size);
            System.arraycopy(other.data, 0, data, size, other.size);
            size += other.size;
        }

        void ensure(int capacity) {
            if (capacity > data.length) {
                data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(capacity, 2L * data.length)));
            }
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
