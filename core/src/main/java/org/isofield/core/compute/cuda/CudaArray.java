package org.isofield.core.compute.cuda;

import static org.bytedeco.cuda.global.cudart.cuMemFree;
import static org.bytedeco.cuda.global.cudart.cuMemcpyDtoD;
import static org.bytedeco.cuda.global.cudart.cuMemcpyDtoH;
import static org.bytedeco.cuda.global.cudart.cuMemcpyHtoD;
import static org.bytedeco.cuda.global.cudart.cuMemsetD32;

import java.nio.ByteBuffer;
import org.bytedeco.javacpp.Pointer;
import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.DeviceArray;
import org.isofield.core.compute.ElementType;

/** A {@code cuMemAlloc} allocation, or a view of one (a pointer into it). */
final class CudaArray extends DeviceArray {
    private final CudaDevice device;
    private final long base;
    private final boolean owner;
    private boolean closed;

    CudaArray(CudaDevice device, long base, ElementType type, long offset, long length, String label, boolean owner) {
        super(type, offset, length, label);
        this.device = device;
        this.base = base;
        this.owner = owner;
    }

    @Override
    public ComputeDevice device() {
        return device;
    }

    /** The device address of this view's first element. */
    long pointer() {
        if (closed) {
            throw new IllegalStateException("device array " + this + " is closed");
        }
        return base + offset() * type().bytes();
    }

    @Override
    public DeviceArray slice(long index, long count) {
        checkRange("slice", index, count);
        return new CudaArray(device, base, type(), offset() + index, count, label() + "[" + index + ".."
                + (index + count) + ")", false);
    }

    @Override
    protected void writeBytes(long byteOffset, ByteBuffer src, int byteCount) {
        device.bind();
        src.position(0).limit(byteCount);
        CudaDriver.check(cuMemcpyHtoD(pointer() + byteOffset, new Pointer(src), byteCount),
                "cuMemcpyHtoD(" + this + ", " + byteCount + " bytes)");
        src.clear();
    }

    @Override
    protected void readBytes(long byteOffset, ByteBuffer dst, int byteCount) {
        device.bind();
        dst.position(0).limit(byteCount);
        CudaDriver.check(cuMemcpyDtoH(new Pointer(dst), pointer() + byteOffset, byteCount),
                "cuMemcpyDtoH(" + this + ", " + byteCount + " bytes)");
        dst.clear();
    }

    @Override
    protected void fillBits(int bits, long index, long count) {
        device.bind();
        if (count > 0) {
            CudaDriver.check(cuMemsetD32(pointer() + 4 * index, bits, count), "cuMemsetD32(" + this + ")");
        }
    }

    @Override
    protected void copyWithin(DeviceArray src, long srcIndex, long dstIndex, long count) {
        if (!(src instanceof CudaArray s) || s.device != device) {
            throw new IllegalArgumentException("copy from " + src + " on another device");
        }
        device.bind();
        if (count > 0) {
            CudaDriver.check(cuMemcpyDtoD(pointer() + 4 * dstIndex, s.pointer() + 4 * srcIndex, 4 * count),
                    "cuMemcpyDtoD(" + src + " -> " + this + ")");
        }
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
        if (owner) {
            device.bind();
            cuMemFree(base);
        }
        closed = true;
    }
}
