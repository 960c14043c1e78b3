package org.isofield.core.compute;

/**
 * One compute device with one in-order queue: memory, programs and kernels, events. Everything enqueued runs in the
 * order given; transfers to and from Java arrays block. Open devices through {@link Backends}, which keeps one per
 * backend for the life of the process. Not thread-safe: one thread drives a device.
 */
public interface ComputeDevice extends AutoCloseable {
    DeviceInfo info();

    /** Free device memory now: the driver's figure on CUDA; on OpenCL the total less what this process allocated. */
    long freeMemoryBytes();

    /**
     * Refuses a plan that will not fit before anything is allocated.
     *
     * @param bytes what the plan needs in all
     * @param what  names the plan in the message ({@code "the HashGrid tables and Adam state"})
     * @param hint  what the user could change, or null
     * @throws DeviceMemoryException when {@code bytes} exceeds the free memory
     */
    default void requireMemory(long bytes, String what, String hint) {
        long free = freeMemoryBytes();
        if (bytes > free) {
            throw new DeviceMemoryException(info(), what, bytes, free, hint);
        }
    }

    /**
     * A new array of {@code length} elements, contents undefined.
     *
     * @throws DeviceMemoryException when it does not fit (checked before the allocation, and when the driver refuses)
     */
    DeviceArray allocate(ElementType type, long length, String label);

    /** A new float array. */
    default DeviceArray allocateFloats(long length, String label) {
        return allocate(ElementType.FLOAT32, length, label);
    }

    /** A new int array. */
    default DeviceArray allocateInts(long length, String label) {
        return allocate(ElementType.INT32, length, label);
    }

    /** A new float array holding {@code values}. */
    default DeviceArray upload(float[] values, String label) {
        DeviceArray a = allocateFloats(Math.max(1, values.length), label);
        a.upload(values, 0, 0, values.length);
        return a;
    }

    /** A new int array holding {@code values}. */
    default DeviceArray upload(int[] values, String label) {
        DeviceArray a = allocateInts(Math.max(1, values.length), label);
        a.upload(values, 0, 0, values.length);
        return a;
    }

    /**
     * The program of {@code source}, built (OpenCL) or loaded (CUDA) on first use and cached.
     *
     * @throws ComputeException when the build fails (with the build log) or no CUDA image fits the device
     */
    Program program(KernelSource source);

    /** Marks the queue's current position, for timing. */
    DeviceEvent record();

    /** Waits until everything enqueued has finished; reports errors of earlier launches. */
    void synchronize();

    /** Frees the device's resources; arrays still open become unusable. */
    @Override
    void close();
}
