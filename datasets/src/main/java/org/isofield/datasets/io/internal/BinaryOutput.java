package org.isofield.datasets.io.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes binary primitives in a given byte order to a stream through a heap buffer. Not thread-safe. */
public final class BinaryOutput {
    private final OutputStream out;
    private final ByteBuffer buf;

    public BinaryOutput(OutputStream out, ByteOrder order) {
        this.out = out;
        this.buf = ByteBuffer.allocate(1 << 16).order(order);
    }

    private void room(int bytes) throws IOException {
        if (buf.remaining() < bytes) {
            flush();
        }
    }

    public BinaryOutput putByte(int v) throws IOException {
        room(1);
        buf.put((byte) v);
        return this;
    }

    public BinaryOutput putShort(int v) throws IOException {
        room(2);
        buf.putShort((short) v);
        return this;
    }

    public BinaryOutput putInt(int v) throws IOException {
        room(4);
        buf.putInt(v);
        return this;
    }

    public BinaryOutput putFloat(float v) throws IOException {
        room(4);
        buf.putFloat(v);
        return this;
    }

    public BinaryOutput putDouble(double v) throws IOException {
        room(8);
        buf.putDouble(v);
        return this;
    }

    /** Appends raw bytes. */
    public BinaryOutput put(byte[] bytes) throws IOException {
        flush();
        out.write(bytes);
        return this;
    }

    /** Writes out the buffered bytes. */
    public void flush() throws IOException {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
    }
}
