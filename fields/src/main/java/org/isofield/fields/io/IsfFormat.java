package org.isofield.fields.io;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Constants and sizes of the {@code .isf} layout; {@code docs/isf-format.md} has the byte table. */
final class IsfFormat {
    /** {@code 89 'I' 'S' 'F' CR LF 1A LF}: binary-safe like PNG's signature (catches text-mode and 7-bit damage). */
    static final byte[] MAGIC = {(byte) 0x89, 'I', 'S', 'F', '\r', '\n', 0x1A, '\n'};
    static final int VERSION = 1;
    static final int HEADER_BYTES = 24;
    static final int CHECKSUM_BYTES = 4;
    static final int ROLE_PARAMETERS = 0;
    static final int ROLE_OPTIMIZER = 1;
    static final int DTYPE_FLOAT32 = 1;
    static final int MAX_KIND_BYTES = 64;
    static final int MAX_TEXT_BYTES = 64 << 20;
    /** Fixed part of a block record: role, dtype, name length, element count. */
    static final int BLOCK_HEADER_BYTES = 1 + 1 + 2 + 8;

    private IsfFormat() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Total file length of {@code f}, checksum included. */
    static long length(FieldFile f) {
        long n = HEADER_BYTES;
        n += 2 + utf8(f.kind()).length;
        n += 4 + utf8(f.configJson()).length;
        n += 4 * 8;
        n += 4;
        n += blocks(f.blocks()) + blocks(f.optimizerState());
        n += 1 + (f.metadataJson() == null ? 0 : 4 + utf8(f.metadataJson()).length);
        return n + CHECKSUM_BYTES;
    }

    private static long blocks(Map<String, float[]> m) {
        long n = 0;
        for (Map.Entry<String, float[]> e : m.entrySet()) {
            n += BLOCK_HEADER_BYTES + utf8(e.getKey()).length + 4L * e.getValue().length;
        }
        return n;
    }
}
