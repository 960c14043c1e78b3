package org.isofield.fields.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32;
import org.isofield.core.FormatException;
import org.isofield.core.io.AtomicFiles;

/**
 * Reads and writes {@link TcnnWeights} as a flat binary a tiny-cuda-nn user can load: a 96-byte little-endian header
 * (magic, version, header size, dimensions, parameter counts, transform), the parameters as float32 little-endian in
 * tiny-cuda-nn's {@code NetworkWithInputEncoding} order, and a CRC-32. Byte layout: {@code docs/tcnn-weights.md}.
 *
 * <p>Reading checks the magic, version, header size, the dimensions against each other, the file length against the
 * counts, the checksum and then the values; each failure is a {@link FormatException} at the byte offset concerned,
 * and no size is trusted before it has been checked against the file length. Writing is atomic.
 */
public final class TcnnWeightsFiles {
    /** {@code 89 'T' 'C' 'N' CR LF 1A LF}. */
    static final byte[] MAGIC = {(byte) 0x89, 'T', 'C', 'N', '\r', '\n', 0x1A, '\n'};
    static final int VERSION = 1;
    /** Header size, also the byte offset of the first parameter. */
    public static final int HEADER_BYTES = 96;
    static final int DTYPE_FLOAT32 = 1;
    static final int AT_VERSION = 8;
    static final int AT_HEADER_BYTES = 12;
    static final int AT_INPUT_DIMS = 16;
    static final int AT_OUTPUT_DIMS = 20;
    static final int AT_ENCODING_OUTPUT_DIMS = 24;
    static final int AT_NETWORK_INPUT_DIMS = 28;
    static final int AT_N_NEURONS = 32;
    static final int AT_N_HIDDEN_LAYERS = 36;
    static final int AT_PADDED_OUTPUT_DIMS = 40;
    static final int AT_DTYPE = 44;
    static final int AT_NETWORK_PARAMS = 48;
    static final int AT_ENCODING_PARAMS = 56;
    static final int AT_SCALE = 64;
    static final int AT_TRANSLATION = 72;

    private TcnnWeightsFiles() {
    }

    /** Total file length for {@code n} parameters. */
    public static long length(long n) {
        return HEADER_BYTES + 4 * n + 4;
    }

    /**
     * Reads a weights file.
     *
     * @throws FormatException if the content is not a valid weights file
     * @throws UncheckedIOException if the file cannot be read
     */
    public static TcnnWeights read(Path file) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, file, Files.size(file));
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(file + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses the bytes of a weights file; {@code name} (may be null) appears in messages. */
    public static TcnnWeights fromBytes(byte[] data, Path name) {
        try {
            return read(new ByteArrayInputStream(data), name, data.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a weights file atomically; {@code overwrite} says whether an existing file may be replaced. */
    public static void write(TcnnWeights w, Path file, boolean overwrite) {
        Objects.requireNonNull(w, "weights");
        AtomicFiles.write(file, overwrite, out -> write(w, out));
    }

    /** The file's bytes, as {@link #write} stores them. */
    public static byte[] toBytes(TcnnWeights w) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8,
                length(w.params().length)));
        try {
            write(w, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(TcnnWeights w, OutputStream out) throws IOException {
        CRC32 crc = new CRC32();
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put(MAGIC).putInt(VERSION).putInt(HEADER_BYTES).putInt(w.inputDims()).putInt(w.outputDims())
                .putInt(w.encodingOutputDims()).putInt(w.networkInputDims()).putInt(w.nNeurons())
                .putInt(w.nHiddenLayers()).putInt(w.paddedOutputDims()).putInt(DTYPE_FLOAT32)
                .putLong(w.networkParams()).putLong(w.encodingParams()).putDouble(w.scale());
        for (double t : w.translation()) {
            h.putDouble(t);
        }
        out.write(h.array());
        crc.update(h.array());
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        float[] p = w.params();
        for (int start = 0; start < p.length; start += buf.capacity() / 4) {
            int n = Math.min(buf.capacity() / 4, p.length - start);
            buf.clear();
            buf.asFloatBuffer().put(p, start, n);
            out.write(buf.array(), 0, 4 * n);
            crc.update(buf.array(), 0, 4 * n);
        }
        buf.clear();
        buf.putInt((int) crc.getValue());
        out.write(buf.array(), 0, 4);
        out.flush();
    }

    private static TcnnWeights read(InputStream in, Path file, long size) throws IOException {
        CRC32 crc = new CRC32();
        byte[] head = new byte[HEADER_BYTES];
        int got = in.readNBytes(head, 0, (int) Math.min(HEADER_BYTES, size));
        if (got < 8 || !Arrays.equals(head, 0, 8, MAGIC, 0, 8)) {
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < Math.min(8, got); i++) {
                hex.append(String.format("%02x ", head[i] & 0xff));
            }
            throw FormatException.atByte(file, 0, "not a tcnn weights file: starts with " + hex.toString().trim()
                    + "; expected 89 54 43 4e 0d 0a 1a 0a (\\x89TCN\\r\\n\\x1a\\n)");
        }
        if (size < length(0)) {
            throw FormatException.atByte(file, size, "file of " + size + " bytes is truncated; a weights file has at "
                    + "least " + length(0) + " bytes");
        }
        crc.update(head);
        ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        expect(file, AT_VERSION, "version", h.getInt(AT_VERSION), VERSION);
        expect(file, AT_HEADER_BYTES, "header size", h.getInt(AT_HEADER_BYTES), HEADER_BYTES);
        expect(file, AT_DTYPE, "parameter type", h.getInt(AT_DTYPE), DTYPE_FLOAT32);
        int inDims = range(file, h, AT_INPUT_DIMS, "n_input_dims", 1, 4);
        int outDims = range(file, h, AT_OUTPUT_DIMS, "n_output_dims", 1, 1024);
        int encDims = range(file, h, AT_ENCODING_OUTPUT_DIMS, "encoding output dims", 1, 1024);
        expect(file, AT_NETWORK_INPUT_DIMS, "network input width", h.getInt(AT_NETWORK_INPUT_DIMS),
                TcnnWeights.roundUp16(encDims));
        int width = range(file, h, AT_N_NEURONS, "n_neurons", 16, 128);
        if (width % 16 != 0) {
            throw FormatException.atByte(file, AT_N_NEURONS, "n_neurons is " + width + "; expected a multiple of 16");
        }
        int layers = range(file, h, AT_N_HIDDEN_LAYERS, "n_hidden_layers", 1, 16);
        int paddedOut = TcnnWeights.roundUp16(outDims);
        expect(file, AT_PADDED_OUTPUT_DIMS, "padded output width", h.getInt(AT_PADDED_OUTPUT_DIMS), paddedOut);
        long netParams = h.getLong(AT_NETWORK_PARAMS);
        long wantNet = (long) width * TcnnWeights.roundUp16(encDims) + (long) (layers - 1) * width * width
                + (long) paddedOut * width;
        if (netParams != wantNet) {
            throw FormatException.atByte(file, AT_NETWORK_PARAMS, "network parameter count is "
                    + Long.toUnsignedString(netParams) + "; the dimensions in the header imply " + wantNet);
        }
        long encParams = h.getLong(AT_ENCODING_PARAMS);
        if (encParams < 0 || netParams + encParams > Integer.MAX_VALUE - 8) {
            throw FormatException.atByte(file, AT_ENCODING_PARAMS, "encoding parameter count "
                    + Long.toUnsignedString(encParams) + " is impossible; expected at most "
                    + (Integer.MAX_VALUE - 8 - netParams));
        }
        long want = length(netParams + encParams);
        if (size != want) {
            throw FormatException.atByte(file, Math.min(size, want), "file has " + size + " bytes; the counts in the "
                    + "header (" + netParams + " + " + encParams + " parameters) need " + want
                    + (size < want ? " (truncated)" : " (extra bytes)"));
        }
        double scale = h.getDouble(AT_SCALE);
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw FormatException.atByte(file, AT_SCALE, "transform scale " + scale + "; expected a finite number "
                    + "above 0");
        }
        double[] translation = new double[3];
        for (int a = 0; a < 3; a++) {
            translation[a] = h.getDouble(AT_TRANSLATION + 8 * a);
            if (!Double.isFinite(translation[a])) {
                throw FormatException.atByte(file, AT_TRANSLATION + 8 * a, "transform translation[" + a + "] = "
                        + translation[a] + "; expected a finite number");
            }
        }
        float[] params = new float[(int) (netParams + encParams)];
        byte[] buf = new byte[1 << 16];
        ByteBuffer le = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < params.length;) {
            int m = Math.min(buf.length / 4, params.length - i);
            fully(in, buf, 4 * m, file, HEADER_BYTES + 4L * i);
            crc.update(buf, 0, 4 * m);
            le.clear();
            le.asFloatBuffer().get(params, i, m);
            i += m;
        }
        fully(in, buf, 4, file, want - 4);
        long stored = Integer.toUnsignedLong(le.getInt(0));
        if (stored != crc.getValue()) {
            throw FormatException.atByte(file, want - 4, String.format("checksum mismatch: stored CRC-32 %08x, "
                    + "computed %08x over bytes 0 to %d; the file is damaged", stored, crc.getValue(), want - 5));
        }
        for (int i = 0; i < params.length; i++) {
            if (!Float.isFinite(params[i])) {
                boolean net = i < netParams;
                throw FormatException.atByte(file, HEADER_BYTES + 4L * i, (net ? "network" : "encoding")
                        + " parameter " + (net ? i : i - netParams) + " is " + params[i] + "; expected finite values");
            }
        }
        return new TcnnWeights(inDims, outDims, encDims, TcnnWeights.roundUp16(encDims), width, layers, paddedOut,
                netParams, encParams, scale, translation, params);
    }

    private static void fully(InputStream in, byte[] buf, int n, Path file, long at) throws IOException {
        if (in.readNBytes(buf, 0, n) != n) {
            throw FormatException.atByte(file, at, "file ends early (truncated); expected " + n + " more bytes");
        }
    }

    private static void expect(Path file, int at, String what, int found, int expected) {
        if (found != expected) {
            throw FormatException.atByte(file, at, what + " is " + Integer.toUnsignedString(found) + "; expected "
                    + expected);
        }
    }

    private static int range(Path file, ByteBuffer h, int at, String what, int min, int max) {
        int v = h.getInt(at);
        if (v < min || v > max) {
            throw FormatException.atByte(file, at, what + " is " + Integer.toUnsignedString(v) + "; expected " + min
                    + " to " + max);
        }
        return v;
    }
}
