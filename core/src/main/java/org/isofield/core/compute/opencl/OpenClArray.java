package org.isofield.core.compute.opencl;

import static org.lwjgl.opencl.CL10.CL_MEM_READ_WRITE;
import static org.lwjgl.opencl.CL10.clEnqueueCopyBuffer;
import static org.lwjgl.opencl.CL10.clEnqueueReadBuffer;
import static org.lwjgl.opencl.CL10.clEnqueueWriteBuffer;
import static org.lwjgl.opencl.CL10.clReleaseMemObject;
import static org.lwjgl.opencl.CL11.CL_BUFFER_CREATE_TYPE_REGION;
import static org.lwjgl.opencl.CL11.clCreateSubBuffer;
import static org.lwjgl.opencl.CL12.clEnqueueFillBuffer;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.ComputeException;
import org.isofield.core.compute.DeviceArray;
import org.isofield.core.compute.ElementType;
import org.lwjgl.system.MemoryStack;

/** A {@code cl_mem} buffer, or a view of one (transfers at an offset; a sub-buffer when passed to a kernel). */
final class OpenClArray extends DeviceArray {
    private final OpenClDevice device;
    private final long mem;
    private final boolean owner;
    private long subBuffer;
    private boolean closed;

    OpenClArray(OpenClDevice device, long mem, ElementType type, long offset, long length, String label,
                boolean owner) {
        super(type, offset, length, label);
        this.device = device;
        this.mem = mem;
        this.owner = owner;
    }

    @Override
    public ComputeDevice device() {
        return device;
    }

    /** The {@code cl_mem} to pass to a kernel: the buffer, or for a view a sub-buffer made on first use. */
    long kernelHandle() {
        checkOpen();
        if (offset() == 0) {
            return mem;
        }
        if (subBuffer == 0) {
            long origin = offset() * type().bytes();
            if (origin % device.baseAlignBytes() != 0) {
                throw new ComputeException(Backend.OPENCL, "view " + this + " starts at byte " + origin + ", which is"
                        + " not a multiple of the device's base address alignment of " + device.baseAlignBytes()
                        + " bytes; pass the whole array and an offset instead");
            }
            try (MemoryStack s = MemoryStack.stackPush()) {
                ByteBuffer region = s.malloc(16);
                region.putLong(0, origin).putLong(8, bytes());
                IntBuffer err = s.mallocInt(1);
                subBuffer = clCreateSubBuffer(mem, CL_MEM_READ_WRITE, CL_BUFFER_CREATE_TYPE_REGION, region, err);
                ClErrors.check(err.get(0), "clCreateSubBuffer(" + this + ")");
            }
        }
        return subBuffer;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("device array " + this + " is closed");
        }
    }

    private long byteBase() {
        return offset() * type().bytes();
    }

    @Override
    public DeviceArray slice(long index, long count) {
        checkRange("slice", index, count);
        return new OpenClArray(device, mem, type(), offset() + index, count, label() + "[" + index + ".."
                + (index + count) + ")", false);
    }

    @Override
    protected void writeBytes(long byteOffset, ByteBuffer src, int byteCount) {
        checkOpen();
        src.position(0).limit(byteCount);
        ClErrors.check(clEnqueueWriteBuffer(device.queue(), mem, true, byteBase() + byteOffset, src, null, null),
                "clEnqueueWriteBuffer(" + this + ", " + byteCount + " bytes)");
        src.clear();
    }

    @Override
    protected void readBytes(long byteOffset, ByteBuffer dst, int byteCount) {
        checkOpen();
        dst.position(0).limit(byteCount);
        ClErrors.check(clEnqueueReadBuffer(device.queue(), mem, true, byteBase() + byteOffset, dst, null, null),
                "clEnqueueReadBuffer(" + this + ", " + byteCount + " bytes)");
        dst.clear();
    }

    @Override
    protected void fillBits(int bits, long index, long count) {
        checkOpen();
        if (count == 0) {
            return;
        }
        try (MemoryStack s = MemoryStack.stackPush()) {
            ByteBuffer pattern = s.malloc(4);
            pattern.putInt(0, bits);
            ClErrors.check(clEnqueueFillBuffer(device.queue(), mem, pattern, byteBase() + 4 * index, 4 * count,
                    null, null), "clEnqueueFillBuffer(" + this + ")");
        }
    }

    @Override
    protected void copyWithin(DeviceArray src, long srcIndex, long dstIndex, long count) {
        checkOpen();
        if (!(src instanceof OpenClArray s) || s.device != device) {
            throw new IllegalArgumentException("copy from " + src + " on another device");
        }
        if (count == 0) {
            return;
        }
        ClErrors.check(clEnqueueCopyBuffer(device.queue(), s.mem, mem, s.byteBase() + 4 * srcIndex,
                byteBase() + 4 * dstIndex, 4 * count, null, null), "clEnqueueCopyBuffer(" + src + " -> " + this + ")");
    }

    @Override
    protected ByteBuffer staging() {
        return device.stagingBuffer();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (subBuffer != 0) {
            clReleaseMemObject(subBuffer);
        }
        if (owner) {
            clReleaseMemObject(mem);
            device.released(bytes());
        }
    }
}
