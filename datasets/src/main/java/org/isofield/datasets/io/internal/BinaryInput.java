package org.isofield.datasets.io.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.isofield.core.FormatException;
import org.isofield.core.ProgressMeter;

/**
 * Reads binary data from a {@link FileChannel} through one large direct {@link ByteBuffer}, so that record loops
 * read primitives straight from the buffer. Callers {@link #request} the bytes of a record before reading it; a
 * request that the file cannot satisfy means the file is truncated. Errors are {@link FormatException}s at a
 * 0-based byte offset from the start of the file. Reading reports progress in bytes and may cancel.
 */
public final class BinaryInput implements Locator {
    /** Buffer size in bytes: the most a single {@link #request} may ask for. */
    public static final int CAPACITY = 1 << 22;

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private final ProgressMeter meter;
    private final ByteBuffer buf;
    private long bufferOffset;

    /**
     * @param start file offset of the first byte to read
     * @param order byte order of the data
     */
    public BinaryInput(Path file, FileChannel channel, long start, ByteOrder order, ProgressMeter meter)
            throws IOException {
        this.file = file;
        this.channel = channel;
        this.size = channel.size();
        this.meter = meter;
        this.buf = ByteBuffer.allocateDirect(CAPACITY).order(order);
        this.buf.limit(0);
        this.bufferOffset = start;
    }

    /** The buffer; read from its position, and advance the position past what was consumed. */
    public ByteBuffer buffer() {
        return buf;
    }

    /** File offset of the next unread byte. */
    public long offset() {
        return bufferOffset + buf.position();
    }

    /** Bytes between the next unread byte and the end of the file. */
    public long remaining() {
        return size - offset();
    }

    /**
     * Makes at least {@code n} bytes ({@code n <= }{@link #CAPACITY}) available from the buffer's position.
     *
     * @return false when the file ends first
     */
    public boolean request(int n) throws IOException {
        if (buf.remaining() >= n) {
            return true;
        }
        refill();
        return buf.remaining() >= n;
    }

    /** Skips {@code n} bytes, which the caller has checked lie within the file. */
    public void skip(long n) throws IOException {
        if (n <= buf.remaining()) {
            buf.position(buf.position() + (int) n);
            return;
        }
        long target = offset() + n;
        long skipped = target - (bufferOffset + buf.limit());
        if (meter != null) {
            meter.step(skipped);
        }
        bufferOffset = target;
        buf.clear().limit(0);
    }

    private void refill() throws IOException {
        bufferOffset += buf.position();
        buf.compact();
        int total = 0;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, bufferOffset + buf.position());
            if (n <= 0) {
                break;
            }
            total += n;
        }
        buf.flip();
        if (meter != null && total > 0) {
            meter.step(total);
        }
    }

    /** An error at the next unread byte. */
    @Override
    public FormatException error(String detail) {
        return FormatException.atByte(file, offset(), detail);
    }

    /** An error at {@code offset}. */
    public FormatException errorAt(long offset, String detail) {
        return FormatException.atByte(file, offset, detail);
    }

    /** The error for a request the file could not satisfy. */
    public FormatException truncated(String inside, long needed) {
        return error("file ends inside " + inside + " (" + needed + " bytes needed, " + remaining()
                + " left); the file is truncated or its header counts are wrong");
    }
}
