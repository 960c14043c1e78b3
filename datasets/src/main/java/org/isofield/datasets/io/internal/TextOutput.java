package org.isofield.datasets.io.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes ASCII text to a stream through a byte buffer. Floats are written with {@link Float#toString} (which reads
 * back to the same float) less a trailing {@code ".0"}, doubles with {@link Double#toString} likewise, so text
 * files round-trip bit for bit. Not thread-safe; {@link #flush()} before the stream is closed.
 */
public final class TextOutput {
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int n;

    public TextOutput(OutputStream out) {
        this.out = out;
    }

    /** Appends ASCII text. */
    public TextOutput text(String s) throws IOException {
        if (s.length() > buf.length - n) {
            flush();
            if (s.length() > buf.length) {
                out.write(s.getBytes(StandardCharsets.US_ASCII));
                return this;
            }
        }
        for (int i = 0; i < s.length(); i++) {
            buf[n++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** Appends one character. */
    public TextOutput ch(char c) throws IOException {
        if (n == buf.length) {
            flush();
        }
        buf[n++] = (byte) c;
        return this;
    }

    /** Appends the shortest text that reads back as {@code v}. */
    public TextOutput number(float v) throws IOException {
        return trimmed(Float.toString(v));
    }

    /** Appends text that reads back as {@code v}. */
    public TextOutput number(double v) throws IOException {
        return trimmed(Double.toString(v));
    }

    private TextOutput trimmed(String s) throws IOException {
        return text(s.endsWith(".0") ? s.substring(0, s.length() - 2) : s);
    }

    /** Appends a whole number. */
    public TextOutput number(long v) throws IOException {
        if (n + 20 > buf.length) {
            flush();
        }
        if (v < 0) {
            buf[n++] = '-';
            v = -v;
        }
        int start = n;
        do {
            buf[n++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        for (int i = start, j = n - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /** Writes out the buffered bytes. */
    public void flush() throws IOException {
        out.write(buf, 0, n);
        n = 0;
    }
}
