package org.isofield.core.compute.opencl;

import static org.lwjgl.opencl.CL10.CL_CONTEXT_PLATFORM;
import static org.lwjgl.opencl.CL10.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.lwjgl.opencl.CL10.CL_DEVICE_LOCAL_MEM_SIZE;
import static org.lwjgl.opencl.CL10.CL_DEVICE_MAX_COMPUTE_UNITS;
import static org.lwjgl.opencl.CL10.CL_DEVICE_MAX_MEM_ALLOC_SIZE;
import static org.lwjgl.opencl.CL10.CL_DEVICE_MAX_WORK_GROUP_SIZE;
import static org.lwjgl.opencl.CL10.CL_DEVICE_MEM_BASE_ADDR_ALIGN;
import static org.lwjgl.opencl.CL10.CL_DEVICE_VERSION;
import static org.lwjgl.opencl.CL10.CL_DRIVER_VERSION;
import static org.lwjgl.opencl.CL10.CL_MEM_READ_WRITE;
import static org.lwjgl.opencl.CL10.CL_PROFILING_COMMAND_END;
import static org.lwjgl.opencl.CL10.CL_QUEUE_PROFILING_ENABLE;
import static org.lwjgl.opencl.CL10.clCreateBuffer;
import static org.lwjgl.opencl.CL10.clCreateCommandQueue;
import static org.lwjgl.opencl.CL10.clCreateContext;
import static org.lwjgl.opencl.CL10.clFinish;
import static org.lwjgl.opencl.CL10.clGetEventProfilingInfo;
import static org.lwjgl.opencl.CL10.clReleaseCommandQueue;
import static org.lwjgl.opencl.CL10.clReleaseContext;
import static org.lwjgl.opencl.CL10.clReleaseEvent;
import static org.lwjgl.opencl.CL10.clWaitForEvents;
import static org.lwjgl.opencl.CL12.clEnqueueMarkerWithWaitList;

import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.ComputeException;
import org.isofield.core.compute.DeviceArray;
import org.isofield.core.compute.DeviceEvent;
import org.isofield.core.compute.DeviceInfo;
import org.isofield.core.compute.DeviceMemoryException;
import org.isofield.core.compute.ElementType;
import org.isofield.core.compute.KernelSource;
import org.isofield.core.compute.Program;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;

/**
 * An OpenCL device with its own context and one in-order queue with profiling. Free memory is the device's global
 * memory less what this process has allocated on it (OpenCL has no query for it).
 */
public final class OpenClDevice implements ComputeDevice {
    private static final Cleaner CLEANER = Cleaner.create();

    private final long device;
    private final long context;
    private final long queue;
    private final DeviceInfo info;
    private final int baseAlignBytes;
    private final Map<String, OpenClProgram> programs = new HashMap<>();
    private final ByteBuffer staging = DeviceArray.directBuffer(8 << 20);
    private long allocated;
    private boolean closed;

    /** Opens a context and queue on a device found by {@link OpenClPlatforms}. */
    public OpenClDevice(OpenClPlatforms.Found found) {
        this.device = found.device();
        try (MemoryStack s = MemoryStack.stackPush()) {
            IntBuffer err = s.mallocInt(1);
            PointerBuffer props = s.mallocPointer(3).put(CL_CONTEXT_PLATFORM).put(found.platform()).put(0).flip();
            context = clCreateContext(props, device, null, 0, err);
            ClErrors.check(err.get(0), "clCreateContext(" + found.name() + ")");
            queue = clCreateCommandQueue(context, device, CL_QUEUE_PROFILING_ENABLE, err);
            ClErrors.check(err.get(0), "clCreateCommandQueue(" + found.name() + ")");
        }
        long total = OpenClPlatforms.deviceLong(device, CL_DEVICE_GLOBAL_MEM_SIZE);
        info = new DeviceInfo(Backend.OPENCL, found.name(), found.gpu(), total,
                OpenClPlatforms.deviceLong(device, CL_DEVICE_MAX_MEM_ALLOC_SIZE),
                OpenClPlatforms.deviceInt(device, CL_DEVICE_MAX_COMPUTE_UNITS),
                (int) Math.min(1024, OpenClPlatforms.deviceSize(device, CL_DEVICE_MAX_WORK_GROUP_SIZE)),
                OpenClPlatforms.deviceLong(device, CL_DEVICE_LOCAL_MEM_SIZE), 0,
                found.platformName() + ", " + OpenClPlatforms.deviceString(device, CL_DEVICE_VERSION) + ", driver "
                        + OpenClPlatforms.deviceString(device, CL_DRIVER_VERSION));
        baseAlignBytes = Math.max(4, OpenClPlatforms.deviceInt(device, CL_DEVICE_MEM_BASE_ADDR_ALIGN) / 8);
    }

    long device() {
        return device;
    }

    long context() {
        return context;
    }

    long queue() {
        return queue;
    }

    ByteBuffer stagingBuffer() {
        return staging;
    }

    /** Bytes a sub-buffer's origin must be a multiple of. */
    int baseAlignBytes() {
        return baseAlignBytes;
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    @Override
    public synchronized long freeMemoryBytes() {
        return Math.max(0, info.totalMemoryBytes() - allocated);
    }

    synchronized void released(long bytes) {
        allocated -= bytes;
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("OpenCL device " + info.name() + " is closed");
        }
    }

    @Override
    public DeviceArray allocate(ElementType type, long length, String label) {
        open();
        if (length < 1) {
            throw new IllegalArgumentException("array \"" + label + "\" of " + length
                    + " elements; expected 1 or more");
        }
        long bytes = length * type.bytes();
        if (bytes > info.maxAllocationBytes()) {
            throw new DeviceMemoryException(info, "array \"" + label + "\"", bytes, Math.min(freeMemoryBytes(),
                    info.maxAllocationBytes()), "OpenCL allows at most " + DeviceMemoryException.bytes(
                    info.maxAllocationBytes()) + " in one allocation on this device");
        }
        requireMemory(bytes, "array \"" + label + "\"", null);
        long mem;
        try (MemoryStack s = MemoryStack.stackPush()) {
            IntBuffer err = s.mallocInt(1);
            mem = clCreateBuffer(context, CL_MEM_READ_WRITE, bytes, err);
            if (ClErrors.outOfMemory(err.get(0))) {
                throw new DeviceMemoryException(info, "array \"" + label + "\"", bytes, freeMemoryBytes(),
                        "clCreateBuffer: " + ClErrors.name(err.get(0)));
            }
            ClErrors.check(err.get(0), "clCreateBuffer(\"" + label + "\", " + bytes + " bytes)");
        }
        synchronized (this) {
            allocated += bytes;
        }
        OpenClArray a = new OpenClArray(this, mem, type, 0, length, label, true);
        return a;
    }

    @Override
    public synchronized Program program(KernelSource source) {
        open();
        return programs.computeIfAbsent(source.cacheKey(), k -> new OpenClProgram(this, source));
    }

    @Override
    public DeviceEvent record() {
        open();
        try (MemoryStack s = MemoryStack.stackPush()) {
            PointerBuffer ev = s.mallocPointer(1);
            ClErrors.check(clEnqueueMarkerWithWaitList(queue, null, ev), "clEnqueueMarkerWithWaitList");
            ClEvent e = new ClEvent(ev.get(0));
            CLEANER.register(e, new ReleaseEvent(ev.get(0)));
            return e;
        }
    }

    @Override
    public void synchronize() {
        open();
        ClErrors.check(clFinish(queue), "clFinish on " + info.name());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        programs.values().forEach(OpenClProgram::release);
        programs.clear();
        clFinish(queue);
        clReleaseCommandQueue(queue);
        clReleaseContext(context);
    }

    private record ReleaseEvent(long event) implements Runnable {
        @Override
        public void run() {
            clReleaseEvent(event);
        }
    }

    /** A marker event; its end timestamp is the queue position. */
    private static final class ClEvent implements DeviceEvent {
        private final long event;

        ClEvent(long event) {
            this.event = event;
        }

        long endNanos() {
            ClErrors.check(clWaitForEvents(event), "clWaitForEvents");
            try (MemoryStack s = MemoryStack.stackPush()) {
                LongBuffer t = s.mallocLong(1);
                ClErrors.check(clGetEventProfilingInfo(event, CL_PROFILING_COMMAND_END, t, null),
                        "clGetEventProfilingInfo");
                return t.get(0);
            }
        }

        @Override
        public double millisSince(DeviceEvent earlier) {
            if (!(earlier instanceof ClEvent e)) {
                throw new ComputeException(Backend.OPENCL, "event of another backend");
            }
            return (endNanos() - e.endNanos()) * 1e-6;
        }
    }
}
