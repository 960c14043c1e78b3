package org.isofield.fields.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.isofield.core.FormatException;

/**
 * Reads the {@code .isf} layout from a stream whose length is known. Every size is checked against the bytes left
 * before anything is allocated; structure errors are reported as they are met, then the checksum, then non-finite
 * parameters (so a damaged file is reported as damaged, not as holding NaNs). Each error is a
 * {@link FormatException} at the byte offset of the offending field.
 */
final class IsfReader {
    private final InputStream in;
    private final Path file;
    private final long size;
    private final CRC32 crc = new CRC32();
    private final byte[] buf = new byte[1 << 16];
    private final ByteBuffer le = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    private long pos;
    private FormatException firstNonFinite;

    private IsfReader(InputStream in, Path file, long size) {
        this.in = in;
        this.file = file;
        this.size = size;
    }

    static FieldFile read(InputStream in, Path file, long size) throws IOException {
        return new IsfReader(in, file, size).readAll();
    }

    private FormatException error(long at, String detail) {
        return FormatException.atByte(file, at, detail);
    }

    private FieldFile readAll() throws IOException {
        if (size < IsfFormat.HEADER_BYTES + IsfFormat.CHECKSUM_BYTES) {
            if (size >= 8) {
                fill(8);
                checkMagic();
            }
            throw error(size, "file of " + size + " bytes is truncated; an isf file has at least "
                    + (IsfFormat.HEADER_BYTES + IsfFormat.CHECKSUM_BYTES) + " bytes");
        }
        fill(8);
        checkMagic();
        long at = pos;
        long version = u32();
        if (version != IsfFormat.VERSION) {
            throw error(at, "unsupported isf version " + version + "; this build reads version " + IsfFormat.VERSION);
        }
        at = pos;
        long flags = u32();
        if (flags != 0) {
            throw error(at, "flags 0x" + Long.toHexString(flags) + " not understood; expected 0 in version 1");
        }
        at = pos;
        long length = u64();
        if (length != size) {
            throw error(at, "header gives a length of " + Long.toUnsignedString(length) + " bytes but the file has "
                    + size + (length > size ? " (truncated)" : " (extra bytes or a damaged header)"));
        }
        String kind = text(u16Len(IsfFormat.MAX_KIND_BYTES), "kind");
        if (!FieldFile.KIND.matcher(kind).matches()) {
            throw error(pos - kind.length(), "field kind \"" + kind + "\" is not valid; expected a-z 0-9 . _ -");
        }
        String config = text(u32Len(IsfFormat.MAX_TEXT_BYTES, "config"), "config");
        at = pos;
        double scale = f64();
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw error(at, "transform scale " + scale + "; expected a finite number above 0");
        }
        double[] translation = new double[3];
        for (int a = 0; a < 3; a++) {
            at = pos;
            translation[a] = f64();
            if (!Double.isFinite(translation[a])) {
                throw error(at, "transform translation[" + a + "] = " + translation[a] + "; expected a finite number");
            }
        }
        at = pos;
        long count = u32();
        if (count > 2L * FieldFile.MAX_BLOCKS || count * IsfFormat.BLOCK_HEADER_BYTES > remaining()) {
            throw error(at, "block count " + count + " is impossible here; expected at most "
                    + Math.min(2L * FieldFile.MAX_BLOCKS, remaining() / IsfFormat.BLOCK_HEADER_BYTES));
        }
        Map<String, float[]> params = new LinkedHashMap<>();
        Map<String, float[]> state = new LinkedHashMap<>();
        for (long b = 0; b < count; b++) {
            readBlock(params, state);
        }
        at = pos;
        int hasMeta = u8();
        String meta = null;
        if (hasMeta == 1) {
            meta = text(u32Len(IsfFormat.MAX_TEXT_BYTES, "metadata"), "metadata");
        } else if (hasMeta != 0) {
            throw error(at, "metadata flag " + hasMeta + "; expected 0 (absent) or 1 (present)");
        }
        if (remaining() != 0) {
            throw error(pos, (remaining()) + " unexpected bytes before the checksum; expected none");
        }
        long computed = crc.getValue();
        at = pos;
        fillRaw(4);
        long stored = Integer.toUnsignedLong(le.getInt(0));
        if (stored != computed) {
            throw error(at, String.format("checksum mismatch: stored CRC-32 %08x, computed %08x over bytes 0 to %d; "
                    + "the file is damaged", stored, computed, at - 1));
        }
        if (firstNonFinite != null) {
            throw firstNonFinite;
        }
        return new FieldFile(kind, config, scale, translation, params, state, meta);
    }

    private void checkMagic() {
        if (!Arrays.equals(buf, 0, 8, IsfFormat.MAGIC, 0, 8)) {
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x ", buf[i] & 0xff));
            }
            throw error(0, "not an isf field file: starts with " + hex.toString().trim()
                    + "; expected 89 49 53 46 0d 0a 1a 0a (\\x89ISF\\r\\n\\x1a\\n)");
        }
    }

    private long remaining() {
        return size - IsfFormat.CHECKSUM_BYTES - pos;
    }

    private void readBlock(Map<String, float[]> params, Map<String, float[]> state) throws IOException {
        long start = pos;
        int role = u8();
        if (role != IsfFormat.ROLE_PARAMETERS && role != IsfFormat.ROLE_OPTIMIZER) {
            throw error(start, "block role " + role + "; expected 0 (parameters) or 1 (optimizer state)");
        }
        int dtype = u8();
        if (dtype != IsfFormat.DTYPE_FLOAT32) {
            throw error(start + 1, "block data type " + dtype + "; expected 1 (float32)");
        }
        String name = text(u16Len(FieldFile.MAX_NAME_BYTES), "block name");
        if (name.isEmpty()) {
            throw error(start + 2, "empty block name; expected 1 to " + FieldFile.MAX_NAME_BYTES + " bytes");
        }
        Map<String, float[]> target = role == IsfFormat.ROLE_PARAMETERS ? params : state;
        if (target.containsKey(name)) {
            throw error(start, "duplicate block \"" + name + "\"; expected unique names");
        }
        long at = pos;
        long n = u64();
        if (n < 0 || n > remaining() / 4 || n > Integer.MAX_VALUE - 8) {
            throw error(at, "block \"" + name + "\" claims " + Long.toUnsignedString(n) + " float32 values; only "
                    + remaining() + " bytes remain before the checksum");
        }
        float[] values = new float[(int) n];
        long dataStart = pos;
        for (int i = 0; i < values.length;) {
            int m = Math.min(buf.length / 4, values.length - i);
            fill(4 * m);
            le.clear();
            le.asFloatBuffer().get(values, i, m);
            i += m;
        }
        if (firstNonFinite == null) {
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    firstNonFinite = error(dataStart + 4L * i, (role == 0 ? "parameter" : "optimizer state")
                            + " block \"" + name + "\" has " + values[i] + " at index " + i
                            + "; expected finite values");
                    break;
                }
            }
        }
        target.put(name, values);
    }

    private int u16Len(int max) throws IOException {
        long at = pos;
        fill(2);
        int n = (buf[0] & 0xff) | (buf[1] & 0xff) << 8;
        if (n > max || n > remaining()) {
            throw error(at, "string length " + n + "; expected at most " + Math.min(max, remaining()));
        }
        return n;
    }

    private int u32Len(int max, String what) throws IOException {
        long at = pos;
        long n = u32();
        if (n > max || n > remaining()) {
            throw error(at, what + " length " + n + " bytes; expected at most " + Math.min(max, remaining()));
        }
        return (int) n;
    }

    private String text(int n, String what) throws IOException {
        long at = pos;
        byte[] b = new byte[n];
        for (int off = 0; off < n;) {
            int m = Math.min(buf.length, n - off);
            fill(m);
            System.arraycopy(buf, 0, b, off, m);
            off += m;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw error(at, what + " is not valid UTF-8; expected UTF-8 text");
        }
    }

    private int u8() throws IOException {
        fill(1);
        return buf[0] & 0xff;
    }

    private long u32() throws IOException {
        fill(4);
        return Integer.toUnsignedLong(le.getInt(0));
    }

    private long u64() throws IOException {
        fill(8);
        return le.getLong(0);
    }

    private double f64() throws IOException {
        fill(8);
        return le.getDouble(0);
    }

    /** Reads {@code n} body bytes into {@code buf}, adding them to the checksum. */
    private void fill(int n) throws IOException {
        if (pos + n > size - (pos < 8 ? 0 : IsfFormat.CHECKSUM_BYTES) && pos >= 8) {
            throw error(pos, "need " + n + " more bytes but only " + remaining() + " remain before the checksum");
        }
        fillRaw(n);
        crc.update(buf, 0, n);
    }

    private void fillRaw(int n) throws IOException {
        int off = 0;
        while (off < n) {
            int r = in.read(buf, off, n - off);
            if (r < 0) {
                throw error(pos + off, "file ends early (truncated); expected " + (n - off) + " more bytes");
            }
            off += r;
        }
        pos += n;
    }
}
