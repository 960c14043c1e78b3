package org.isofield.fields.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.zip.CRC32;

/** Writes the {@code .isf} layout to a stream, little-endian, with a running CRC-32 appended at the end. */
final class IsfWriter {
    private final OutputStream out;
    private final CRC32 crc = new CRC32();
    private final ByteBuffer scratch = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long written;

    private IsfWriter(OutputStream out) {
        this.out = out;
    }

    static void write(FieldFile f, OutputStream out) throws IOException {
        new IsfWriter(out).writeAll(f);
    }

    private void writeAll(FieldFile f) throws IOException {
        long length = IsfFormat.length(f);
        bytes(IsfFormat.MAGIC);
        u32(IsfFormat.VERSION);
        u32(0);
        u64(length);
        byte[] kind = IsfFormat.utf8(f.kind());
        u16(kind.length);
        bytes(kind);
        text(f.configJson());
        f64(f.scale());
        for (double t : f.translation()) {
            f64(t);
        }
        u32(f.blocks().size() + f.optimizerState().size());
        blocks(IsfFormat.ROLE_PARAMETERS, f.blocks());
        blocks(IsfFormat.ROLE_OPTIMIZER, f.optimizerState());
        if (f.metadataJson() == null) {
            u8(0);
        } else {
            u8(1);
            text(f.metadataJson());
        }
        if (written != length - IsfFormat.CHECKSUM_BYTES) {
            throw new IllegalStateException("isf writer wrote " + written + " bytes; layout says " + (length - 4));
        }
        long sum = crc.getValue();
        scratch.clear();
        scratch.putInt((int) sum);
        out.write(scratch.array(), 0, 4);
        out.flush();
    }

    private void text(String s) throws IOException {
        byte[] b = IsfFormat.utf8(s);
        if (b.length > IsfFormat.MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("text of " + b.length + " bytes; expected at most "
                    + IsfFormat.MAX_TEXT_BYTES);
        }
        u32(b.length);
        bytes(b);
    }

    private void blocks(int role, Map<String, float[]> blocks) throws IOException {
        for (Map.Entry<String, float[]> e : blocks.entrySet()) {
            byte[] name = IsfFormat.utf8(e.getKey());
            u8(role);
            u8(IsfFormat.DTYPE_FLOAT32);
            u16(name.length);
            bytes(name);
            float[] v = e.getValue();
            u64(v.length);
            for (int start = 0; start < v.length; start += scratch.capacity() / 4) {
                int n = Math.min(scratch.capacity() / 4, v.length - start);
                scratch.clear();
                scratch.asFloatBuffer().put(v, start, n);
                emit(scratch.array(), 4 * n);
            }
        }
    }

    private void u8(int v) throws IOException {
        emit(new byte[] {(byte) v}, 1);
    }

    private void u16(int v) throws IOException {
        emit(new byte[] {(byte) v, (byte) (v >>> 8)}, 2);
    }

    private void u32(long v) throws IOException {
        scratch.clear();
        scratch.putInt((int) v);
        emit(scratch.array(), 4);
    }

    private void u64(long v) throws IOException {
        scratch.clear();
        scratch.putLong(v);
        emit(scratch.array(), 8);
    }

    private void f64(double v) throws IOException {
        scratch.clear();
        scratch.putDouble(v);
        emit(scratch.array(), 8);
    }

    private void bytes(byte[] b) throws IOException {
        emit(b, b.length);
    }

    private void emit(byte[] b, int n) throws IOException {
        out.write(b, 0, n);
        crc.update(b, 0, n);
        written += n;
    }
}
