package org.isofield.datasets.io.internal;

import java.util.Arrays;

/**
 * LZF (Marc Lehmann's liblzf), the compression of PCD {@code binary_compressed} bodies. A stream is a sequence of
 * runs, each starting with a control byte {@code c}: {@code c < 32} is a literal run of {@code c + 1} bytes that
 * follow; otherwise it is a back reference of length {@code (c >> 5) + 2} (when {@code c >> 5} is 7, the next
 * byte is added to the length) to the bytes starting {@code ((c & 31) << 8 | next byte) + 1} bytes before the
 * output position, possibly overlapping the output. Decompression checks every bound, so corrupt data ends in a
 * {@link DecompressionException} instead of an index error. Both methods are stateless and thread-safe.
 */
public final class Lzf {
    /** Most output bytes one input byte can produce: a 3-byte back reference yields at most 264 bytes. */
    public static final int MAX_RATIO = 88;

    private static final int MAX_LITERAL = 32;
    private static final int MAX_OFFSET = 1 << 13;
    private static final int MAX_MATCH = 264;
    private static final int HASH_BITS = 14;

    private Lzf() {
    }

    /** Corrupt compressed data: what was wrong, and where in the compressed bytes. */
    public static final class DecompressionException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int inputOffset;

        DecompressionException(int inputOffset, String message) {
            super(message);
            this.inputOffset = inputOffset;
        }

        /** Offset in the compressed bytes of the run that failed. */
        public int inputOffset() {
            return inputOffset;
        }
    }

    /**
     * Decompresses {@code in[from, to)} into exactly {@code out.length} bytes.
     *
     * @throws DecompressionException when a run reads past the input, writes past {@code out}, refers before the
     *                                start of the output, or the data ends before {@code out} is full
     */
    public static void decompress(byte[] in, int from, int to, byte[] out) throws DecompressionException {
        int ip = from;
        int op = 0;
        int end = out.length;
        while (ip < to) {
            int run = ip;
            int ctrl = in[ip++] & 0xFF;
            if (ctrl < MAX_LITERAL) {
                int len = ctrl + 1;
                if (len > to - ip) {
                    throw new DecompressionException(run, "literal run of " + len + " bytes, but only " + (to - ip)
                            + " compressed bytes are left");
                }
                if (len > end - op) {
                    throw overflow(run, len, op, end);
                }
                System.arraycopy(in, ip, out, op, len);
                ip += len;
                op += len;
                continue;
            }
            int len = ctrl >> 5;
            if (len == 7) {
                if (ip >= to) {
                    throw new DecompressionException(run, "back reference cut off after its control byte");
                }
                len += in[ip++] & 0xFF;
            }
            if (ip >= to) {
                throw new DecompressionException(run, "back reference cut off before its offset byte");
            }
            int offset = (((ctrl & 31) << 8) | (in[ip++] & 0xFF)) + 1;
            len += 2;
            if (offset > op) {
                throw new DecompressionException(run, "back reference " + offset + " bytes back, but only " + op
                        + " bytes have been decompressed");
            }
            if (len > end - op) {
                throw overflow(run, len, op, end);
            }
            int ref = op - offset;
            for (int k = 0; k < len; k++) {
                out[op++] = out[ref++];
            }
        }
        if (op != end) {
            throw new DecompressionException(to, "compressed data ends after " + op + " of " + end + " bytes");
        }
    }

    private static DecompressionException overflow(int run, int len, int op, int end) {
        return new DecompressionException(run, "run of " + len + " bytes at output byte " + op
                + " goes past the declared uncompressed size of " + end + " bytes");
    }

    /**
     * Compresses {@code in} (greedy matching through a hash of 3-byte prefixes); {@link #decompress} restores it.
     * The result is at most {@code in.length + in.length / 32 + 1} bytes long.
     */
    public static byte[] compress(byte[] in) {
        byte[] out = new byte[in.length + in.length / MAX_LITERAL + 1];
        int[] table = new int[1 << HASH_BITS];
        Arrays.fill(table, -1);
        int op = 0;
        int literalStart = 0;
        int ip = 0;
        while (ip + 2 < in.length) {
            int h = hash(in, ip);
            int ref = table[h];
            table[h] = ip;
            int offset = ip - ref;
            if (ref >= 0 && offset <= MAX_OFFSET && in[ref] == in[ip] && in[ref + 1] == in[ip + 1]
                    && in[ref + 2] == in[ip + 2]) {
                int len = 3;
                int max = Math.min(MAX_MATCH, in.length - ip);
                while (len < max && in[ref + len] == in[ip + len]) {
                    len++;
                }
                op = literals(in, literalStart, ip, out, op);
                int code = len - 2;
                int off = offset - 1;
                if (code < 7) {
                    out[op++] = (byte) ((code << 5) | (off >> 8));
                } else {
                    out[op++] = (byte) ((7 << 5) | (off >> 8));
                    out[op++] = (byte) (code - 7);
                }
                out[op++] = (byte) off;
                ip += len;
                literalStart = ip;
            } else {
                ip++;
            }
        }
        op = literals(in, literalStart, in.length, out, op);
        return Arrays.copyOf(out, op);
    }

    private static int hash(byte[] b, int i) {
        int v = ((b[i] & 0xFF) << 16) | ((b[i + 1] & 0xFF) << 8) | (b[i + 2] & 0xFF);
        return (v * 0x9E3779B1) >>> (32 - HASH_BITS);
    }

    private static int literals(byte[] in, int from, int to, byte[] out, int op) {
        while (from < to) {
            int len = Math.min(MAX_LITERAL, to - from);
            out[op++] = (byte) (len - 1);
            System.arraycopy(in, from, out, op, len);
            op += len;
            from += len;
        }
        return op;
    }
}
