package org.isofield.core.compute.cuda;

import static org.bytedeco.cuda.global.cudart.CUDA_ERROR_OUT_OF_MEMORY;
import static org.bytedeco.cuda.global.cudart.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR;
import static org.bytedeco.cuda.global.cudart.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR;
import static org.bytedeco.cuda.global.cudart.CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK;
import static org.bytedeco.cuda.global.cudart.CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK;
import static org.bytedeco.cuda.global.cudart.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT;
import static org.bytedeco.cuda.global.cudart.CU_EVENT_DEFAULT;
import static org.bytedeco.cuda.global.cudart.cuCtxSetCurrent;
import static org.bytedeco.cuda.global.cudart.cuCtxSynchronize;
import static org.bytedeco.cuda.global.cudart.cuDeviceGet;
import static org.bytedeco.cuda.global.cudart.cuDeviceGetAttribute;
import static org.bytedeco.cuda.global.cudart.cuDeviceGetName;
import static org.bytedeco.cuda.global.cudart.cuDevicePrimaryCtxRelease;
import static org.bytedeco.cuda.global.cudart.cuDevicePrimaryCtxRetain;
import static org.bytedeco.cuda.global.cudart.cuDeviceTotalMem;
import static org.bytedeco.cuda.global.cudart.cuEventCreate;
import static org.bytedeco.cuda.global.cudart.cuEventDestroy;
import static org.bytedeco.cuda.global.cudart.cuEventElapsedTime;
import static org.bytedeco.cuda.global.cudart.cuEventRecord;
import static org.bytedeco.cuda.global.cudart.cuEventSynchronize;
import static org.bytedeco.cuda.global.cudart.cuMemAlloc;
import static org.bytedeco.cuda.global.cudart.cuMemGetInfo;

import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.cuda.cudart.CUctx_st;
import org.bytedeco.cuda.cudart.CUevent_st;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.SizeTPointer;
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

/**
 * A CUDA device through the driver API: its primary context, made current on every call from the calling thread, and
 * the legacy default stream (so kernels, copies and events keep their order). Modules come from the cubin or PTX
 * images nvcc built ahead ({@link KernelSource#cudaImage}); NVRTC is not used (it crashed the JVM on the GPU machine
 * through the 13.3 preset). Construct only after {@link CudaProbe#probe()} succeeded.
 */
public final class CudaDevice implements ComputeDevice {
    private static final Cleaner CLEANER = Cleaner.create();
    /** The legacy default stream. */
    static final CUstream_st STREAM = null;

    private final int ordinal;
    private final CUctx_st context = new CUctx_st();
    private final DeviceInfo info;
    private final Map<String, CudaProgram> programs = new HashMap<>();
    private final ByteBuffer staging = DeviceArray.directBuffer(8 << 20);
    private boolean closed;

    /** Opens device {@code ordinal} (0 is the first). */
    public CudaDevice(int ordinal) {
        CudaProbe.Result p = CudaProbe.probe();
        if (!p.ok()) {
            throw new ComputeException(Backend.CUDA, p.reason());
        }
        int[] dev = {0};
        CudaDriver.check(cuDeviceGet(dev, ordinal), "cuDeviceGet(" + ordinal + ")");
        this.ordinal = dev[0];
        CudaDriver.check(cuDevicePrimaryCtxRetain(context, this.ordinal), "cuDevicePrimaryCtxRetain");
        bind();
        BytePointer name = new BytePointer(256);
        CudaDriver.check(cuDeviceGetName(name, 256, this.ordinal), "cuDeviceGetName");
        SizeTPointer total = new SizeTPointer(1);
        CudaDriver.check(cuDeviceTotalMem(total, this.ordinal), "cuDeviceTotalMem");
        int cc = 10 * attribute(CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR)
                + attribute(CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
        info = new DeviceInfo(Backend.CUDA, name.getString().trim(), true, total.get(), total.get(),
                attribute(CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT),
                attribute(CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK),
                attribute(CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK), cc,
                "driver API " + p.driverVersion() / 1000 + "." + p.driverVersion() % 1000 / 10);
    }

    private int attribute(int a) {
        int[] v = {0};
        CudaDriver.check(cuDeviceGetAttribute(v, a, ordinal), "cuDeviceGetAttribute(" + a + ")");
        return v[0];
    }

    /** Makes the context current on the calling thread. */
    void bind() {
        if (closed) {
            throw new IllegalStateException("CUDA device " + (info == null ? ordinal : info.name()) + " is closed");
        }
        CudaDriver.check(cuCtxSetCurrent(context), "cuCtxSetCurrent");
    }

    ByteBuffer stagingBuffer() {
        return staging;
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    @Override
    public long freeMemoryBytes() {
        bind();
        SizeTPointer free = new SizeTPointer(1);
        SizeTPointer total = new SizeTPointer(1);
        CudaDriver.check(cuMemGetInfo(free, total), "cuMemGetInfo");
        return free.get();
    }

    @Override
    public DeviceArray allocate(ElementType type, long length, String label) {
        if (length < 1) {
            throw new IllegalArgumentException("array \"" + label + "\" of " + length
                    + " elements; expected 1 or more");
        }
        long bytes = length * type.bytes();
        requireMemory(bytes, "array \"" + label + "\"", null);
        long[] ptr = {0};
        int r = cuMemAlloc(ptr, bytes);
        if (r == CUDA_ERROR_OUT_OF_MEMORY) {
            throw new DeviceMemoryException(info, "array \"" + label + "\"", bytes, freeMemoryBytes(),
                    "cuMemAlloc: " + CudaDriver.name(r));
        }
        CudaDriver.check(r, "cuMemAlloc(\"" + label + "\", " + bytes + " bytes)");
        return new CudaArray(this, ptr[0], type, 0, length, label, true);
    }

    @Override
    public synchronized Program program(KernelSource source) {
        bind();
        return programs.computeIfAbsent(source.cacheKey(), k -> new CudaProgram(this, source));
    }

    @Override
    public DeviceEvent record() {
        bind();
        CUevent_st e = new CUevent_st();
        CudaDriver.check(cuEventCreate(e, CU_EVENT_DEFAULT), "cuEventCreate");
        CudaDriver.check(cuEventRecord(e, STREAM), "cuEventRecord");
        CudaEvent ev = new CudaEvent(e);
        CLEANER.register(ev, () -> cuEventDestroy(e));
        return ev;
    }

    @Override
    public void synchronize() {
        bind();
        CudaDriver.check(cuCtxSynchronize(), "cuCtxSynchronize on " + info.name());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        bind();
        programs.values().forEach(CudaProgram::release);
        programs.clear();
        cuCtxSynchronize();
        closed = true;
        cuDevicePrimaryCtxRelease(ordinal);
    }

    private final class CudaEvent implements DeviceEvent {
        private final CUevent_st event;

        CudaEvent(CUevent_st event) {
            this.event = event;
        }

        @Override
        public double millisSince(DeviceEvent earlier) {
            if (!(earlier instanceof CudaEvent e)) {
                throw new ComputeException(Backend.CUDA, "event of another backend");
            }
            bind();
            CudaDriver.check(cuEventSynchronize(event), "cuEventSynchronize");
            float[] ms = {0};
            CudaDriver.check(cuEventElapsedTime(ms, e.event, event), "cuEventElapsedTime");
            return ms[0];
        }
    }
}
