package org.isofield.core.compute;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A typed array in device memory: {@link #length()} elements of {@link #type()}. Transfers from and to Java arrays go
 * through a direct staging buffer in chunks, and block until done; they are ordered with the kernels launched before
 * them on the device's one queue. A {@link #slice} is a view of a sub-range: it transfers, fills and copies within its
 * range and passes as a kernel argument that starts at its first element (on OpenCL only where the offset meets the
 * device's base-address alignment). Closing the array that owns the memory frees it; closing a slice does nothing.
 * Not thread-safe: one thread drives a device.
 */
public abstract class DeviceArray implements AutoCloseable {
    /** Bytes moved per staged transfer. */
    static final int STAGING_BYTES = 8 << 20;

    private final ElementType type;
    private final long offset;
    private final long length;
    private final String label;

    protected DeviceArray(ElementType type, long offset, long length, String label) {
        this.type = Objects.requireNonNull(type, "type");
        this.offset = offset;
        this.length = length;
        this.label = label;
    }

    public ElementType type() {
        return type;
    }

    /** Elements in this array or view. */
    public long length() {
        return length;
    }

    /** Bytes in this array or view. */
    public long bytes() {
        return length * type.bytes();
    }

    /** Element offset of this view in the memory it shares (0 for an owning array). */
    public long offset() {
        return offset;
    }

    /** What the array holds, for messages ({@code "encoding.params"}). */
    public String label() {
        return label;
    }

    /** The device holding the memory. */
    public abstract ComputeDevice device();

    /** A view of elements {@code [index, index + count)}. */
    public abstract DeviceArray slice(long index, long count);

    /** Writes {@code byteCount} bytes from the direct buffer (position 0) at byte {@code byteOffset} of this view. */
    protected abstract void writeBytes(long byteOffset, ByteBuffer src, int byteCount);

    /** Reads {@code byteCount} bytes at byte {@code byteOffset} of this view into the direct buffer (position 0). */
    protected abstract void readBytes(long byteOffset, ByteBuffer dst, int byteCount);

    /** Sets elements {@code [index, index + count)} to the 4-byte pattern {@code bits}. */
    protected abstract void fillBits(int bits, long index, long count);

    /** Copies {@code count} elements from {@code src[srcIndex]} to {@code this[dstIndex]} on the device. */
    protected abstract void copyWithin(DeviceArray src, long srcIndex, long dstIndex, long count);

    /** A direct staging buffer of {@link #STAGING_BYTES} owned by the device. */
    protected abstract ByteBuffer staging();

    protected final void checkRange(String what, long index, long count) {
        if (index < 0 || count < 0 || index + count > length) {
            throw new IllegalArgumentException(what + " of " + count + " elements at " + index + " is outside "
                    + (label == null ? "the array" : "\"" + label + "\"") + " of " + length + " elements");
        }
    }

    private static void checkHost(int hostLength, int off, int count) {
        if (off < 0 || count < 0 || off + (long) count > hostLength) {
            throw new IllegalArgumentException("host range [" + off + ", " + (off + (long) count)
                    + ") is outside an array of " + hostLength);
        }
    }

    private void requireType(ElementType t) {
        if (type != t) {
            throw new IllegalArgumentException("\"" + label + "\" holds " + type + "; expected " + t);
        }
    }

    /** Uploads all of {@code src} to the start of this array. */
    public void upload(float[] src) {
        upload(src, 0, 0, src.length);
    }

    /** Uploads {@code count} floats from {@code src[srcOffset]} to element {@code index}. */
    public void upload(float[] src, int srcOffset, long index, int count) {
        requireType(ElementType.FLOAT32);
        checkHost(src.length, srcOffset, count);
        checkRange("upload", index, count);
        ByteBuffer s = staging();
        int per = STAGING_BYTES / 4;
        for (int done = 0; done < count; done += per) {
            int m = Math.min(per, count - done);
            s.clear();
            s.asFloatBuffer().put(src, srcOffset + done, m);
            writeBytes(4 * (index + done), s, 4 * m);
        }
    }

    /** Uploads all of {@code src} to the start of this array. */
    public void upload(int[] src) {
        upload(src, 0, 0, src.length);
    }

    /** Uploads {@code count} ints from {@code src[srcOffset]} to element {@code index}. */
    public void upload(int[] src, int srcOffset, long index, int count) {
        requireType(ElementType.INT32);
        checkHost(src.length, srcOffset, count);
        checkRange("upload", index, count);
        ByteBuffer s = staging();
        int per = STAGING_BYTES / 4;
        for (int done = 0; done < count; done += per) {
            int m = Math.min(per, count - done);
            s.clear();
            s.asIntBuffer().put(src, srcOffset + done, m);
            writeBytes(4 * (index + done), s, 4 * m);
        }
    }

    /** Downloads {@code count} floats from element {@code index} into {@code dst[dstOffset]}. */
    public void download(long index, float[] dst, int dstOffset, int count) {
        requireType(ElementType.FLOAT32);
        checkHost(dst.length, dstOffset, count);
        checkRange("download", index, count);
        ByteBuffer s = staging();
        int per = STAGING_BYTES / 4;
        for (int done = 0; done < count; done += per) {
            int m = Math.min(per, count - done);
            readBytes(4 * (index + done), s, 4 * m);
            s.clear();
            s.asFloatBuffer().get(dst, dstOffset + done, m);
        }
    }

    /** Downloads {@code count} ints from element {@code index} into {@code dst[dstOffset]}. */
    public void download(long index, int[] dst, int dstOffset, int count) {
        requireType(ElementType.INT32);
        checkHost(dst.length, dstOffset, count);
        checkRange("download", index, count);
        ByteBuffer s = staging();
        int per = STAGING_BYTES / 4;
        for (int done = 0; done < count; done += per) {
            int m = Math.min(per, count - done);
            readBytes(4 * (index + done), s, 4 * m);
            s.clear();
            s.asIntBuffer().get(dst, dstOffset + done, m);
        }
    }

    /** The whole float array, downloaded. */
    public float[] toFloatArray() {
        float[] a = new float[Math.toIntExact(length)];
        download(0, a, 0, a.length);
        return a;
    }

    /** The whole int array, downloaded. */
    public int[] toIntArray() {
        int[] a = new int[Math.toIntExact(length)];
        download(0, a, 0, a.length);
        return a;
    }

    /** The first {@code count} floats, downloaded. */
    public float[] toFloatArray(int count) {
        float[] a = new float[count];
        download(0, a, 0, count);
        return a;
    }

    /** Sets every element to {@code value}. */
    public void fill(float value) {
        fill(value, 0, length);
    }

    /** Sets elements {@code [index, index + count)} to {@code value}. */
    public void fill(float value, long index, long count) {
        requireType(ElementType.FLOAT32);
        checkRange("fill", index, count);
        fillBits(Float.floatToRawIntBits(value), index, count);
    }

    /** Sets elements {@code [index, index + count)} to {@code value}. */
    public void fill(int value, long index, long count) {
        requireType(ElementType.INT32);
        checkRange("fill", index, count);
        fillBits(value, index, count);
    }

    /** Sets every element to zero (float 0 or int 0). */
    public void zero() {
        fillBits(0, 0, length);
    }

    /** Copies {@code count} elements of {@code src} from {@code srcIndex} to {@code dstIndex} here, on the device. */
    public void copyFrom(DeviceArray src, long srcIndex, long dstIndex, long count) {
        Objects.requireNonNull(src, "src");
        if (src.type != type) {
            throw new IllegalArgumentException("copy from " + src.type + " \"" + src.label + "\" into " + type + " \""
                    + label + "\"");
        }
        src.checkRange("copy", srcIndex, count);
        checkRange("copy", dstIndex, count);
        copyWithin(src, srcIndex, dstIndex, count);
    }

    /** A little-endian direct buffer of {@code bytes}, as the backends stage through. */
    public static ByteBuffer directBuffer(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }

    @Override
    public String toString() {
        return "\"" + label + "\" (" + length + " x " + type + ")";
    }

    /** Frees the memory of an owning array; does nothing for a view or when already closed. */
    @Override
    public abstract void close();
}
