package org.isofield.fields.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.isofield.core.FormatException;
import org.isofield.core.io.OutputExistsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldFilesTest {
    @TempDir
    Path dir;

    static FieldFile sample() {
        Map<String, float[]> blocks = new LinkedHashMap<>();
        blocks.put("encoding", new float[] {1e-4f, -2.5f, 0f, Float.MIN_VALUE, Float.MAX_VALUE});
        blocks.put("network", new float[] {0.25f, -0.125f, 3f});
        blocks.put("ema/réseau", new float[0]);
        Map<String, float[]> state = new LinkedHashMap<>();
        state.put("adam.m", new float[] {1f, 2f});
        state.put("adam.step", new float[] {1834f});
        return new FieldFile("neural", "{\"encoding\":{\"otype\":\"HashGrid\"}}", 0.9 / 1.7,
                new double[] {0.5, -12345.678, 1e-9}, blocks, state, "{\"steps\":1834,\"note\":\"ünïcode\"}");
    }

    /** A file's bytes with the trailing CRC recomputed, so structural checks are reached. */
    static byte[] resealed(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data, 0, data.length - 4);
        ByteBuffer.wrap(data, data.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue());
        return data;
    }

    static FormatException formatError(byte[] data) {
        Throwable t = catchThrowable(() -> FieldFiles.fromBytes(data, Path.of("f.isf")));
        assertThat(t).isInstanceOf(FormatException.class);
        FormatException e = (FormatException) t;
        assertThat(e.positionKind()).isEqualTo(FormatException.PositionKind.BYTE);
        return e;
    }

    @Test
    void roundTripsThroughAFile() {
        FieldFile f = sample();
        Path p = dir.resolve("field.isf");
        FieldFiles.write(f, p, false);
        FieldFile back = FieldFiles.read(p);
        assertThat(back).isEqualTo(f);
        assertThat(back.blocks().keySet()).containsExactly("encoding", "network", "ema/réseau");
        assertThat(back.translation()).containsExactly(0.5, -12345.678, 1e-9);
        assertThat(back.metadataJson()).isEqualTo(f.metadataJson());
        assertThat(p.toFile().length()).isEqualTo(FieldFiles.toBytes(f).length);
    }

    @Test
    void roundTripsWithoutOptionalParts() {
        FieldFile f = FieldFile.of("gridpull-sparse", "{}", 1, new double[3], Map.of("grid", new float[] {-1, 1}));
        FieldFile back = FieldFiles.fromBytes(FieldFiles.toBytes(f), null);
        assertThat(back).isEqualTo(f);
        assertThat(back.optimizerState()).isEmpty();
        assertThat(back.metadataJson()).isNull();
    }

    @Test
    void refusesToOverwriteUnlessAsked() {
        Path p = dir.resolve("field.isf");
        FieldFiles.write(sample(), p, false);
        assertThatThrownBy(() -> FieldFiles.write(sample(), p, false)).isInstanceOf(OutputExistsException.class);
        FieldFiles.write(sample().withMetadata(null), p, true);
        assertThat(FieldFiles.read(p).metadataJson()).isNull();
    }

    @Test
    void everyTruncationIsAFormatError() {
        byte[] data = FieldFiles.toBytes(sample());
        for (int n = 0; n < data.length; n++) {
            FormatException e = formatError(Arrays.copyOf(data, n));
            if (n >= 28) {
                assertThat(e.detail()).contains("truncated");
            }
        }
    }

    @Test
    void wrongMagicIsReportedAtByteZero() {
        byte[] data = FieldFiles.toBytes(sample());
        data[1] = 'X';
        FormatException e = formatError(data);
        assertThat(e.position()).isZero();
        assertThat(e.detail()).contains("not an isf field file").contains("expected 89 49 53 46");
        assertThat(formatError("ply\nformat ascii 1.0\n".getBytes()).position()).isZero();
    }

    @Test
    void unsupportedVersionNamesBothVersions() {
        byte[] data = FieldFiles.toBytes(sample());
        data[8] = 2;
        FormatException e = formatError(data);
        assertThat(e.position()).isEqualTo(8);
        assertThat(e.detail()).contains("version 2").contains("reads version 1");
    }

    @Test
    void checksumMismatchIsReported() {
        byte[] data = FieldFiles.toBytes(sample());
        int config = 24 + 2 + "neural".length() + 4;
        data[config + 3] ^= 0x01;
        FormatException e = formatError(data);
        assertThat(e.detail()).contains("checksum mismatch");
        assertThat(e.position()).isEqualTo(data.length - 4);
    }

    @Test
    void nanParametersNameTheirBlockAndIndex() {
        byte[] data = FieldFiles.toBytes(sample());
        byte[] network = FieldFiles.toBytes(FieldFile.of("neural", "{}", 1, new double[3], Map.of()));
        // find the float 3f of "network" (its third value) and replace it by NaN
        int at = indexOf(data, floatBytes(3f));
        ByteBuffer.wrap(data, at, 4).order(ByteOrder.LITTLE_ENDIAN).putFloat(Float.NaN);
        FormatException e = formatError(resealed(data));
        assertThat(e.detail()).contains("\"network\"").contains("NaN").contains("index 2");
        assertThat(e.position()).isEqualTo(at);
        assertThat(network.length).isPositive();
    }

    @Test
    void absurdSizesAreRejectedBeforeAllocating() {
        byte[] data = FieldFiles.toBytes(sample());
        int configLength = 24 + 2 + "neural".length();
        byte[] hugeConfig = data.clone();
        ByteBuffer.wrap(hugeConfig, configLength, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0x7fffffff);
        FormatException e = formatError(resealed(hugeConfig));
        assertThat(e.position()).isEqualTo(configLength);
        assertThat(e.detail()).contains("config length 2147483647");

        byte[] header = {0, 1, 8, 0, 'e', 'n', 'c', 'o', 'd', 'i', 'n', 'g'};
        int firstCount = indexOf(data, header) + header.length;
        byte[] hugeBlock = data.clone();
        ByteBuffer.wrap(hugeBlock, firstCount, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40);
        e = formatError(resealed(hugeBlock));
        assertThat(e.position()).isEqualTo(firstCount);
        assertThat(e.detail()).contains("\"encoding\"").contains("1099511627776");

        byte[] length = data.clone();
        ByteBuffer.wrap(length, 16, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(-1L);
        e = formatError(resealed(length));
        assertThat(e.position()).isEqualTo(16);
    }

    @Test
    void seededMutationsOnlyEverGiveFormatErrors() {
        byte[] original = FieldFiles.toBytes(sample());
        SplittableRandom rnd = new SplittableRandom(42);
        int parsed = 0;
        for (int trial = 0; trial < 3000; trial++) {
            byte[] data = original.clone();
            int edits = 1 + rnd.nextInt(4);
            for (int k = 0; k < edits; k++) {
                switch (rnd.nextInt(4)) {
                    case 0 -> data[rnd.nextInt(data.length)] ^= (byte) (1 << rnd.nextInt(8));
                    case 1 -> data[rnd.nextInt(data.length)] = (byte) rnd.nextInt(256);
                    case 2 -> data = Arrays.copyOf(data, rnd.nextInt(data.length + 1));
                    default -> {
                        int at = rnd.nextInt(data.length + 1);
                        byte[] d = new byte[data.length + 1];
                        System.arraycopy(data, 0, d, 0, at);
                        d[at] = (byte) rnd.nextInt(256);
                        System.arraycopy(data, at, d, at + 1, data.length - at);
                        data = d;
                    }
                }
                if (data.length == 0) {
                    break;
                }
            }
            boolean reseal = rnd.nextBoolean() && data.length >= 4;
            byte[] input = reseal ? resealed(data) : data;
            try {
                FieldFiles.fromBytes(input, Path.of("fuzz.isf"));
                parsed++;
            } catch (FormatException expected) {
                assertThat(expected.position()).isBetween(-1L, (long) input.length);
            }
        }
        assertThat(parsed).isLessThan(300);
    }

    @Test
    void fieldRejectsNonFiniteParametersAndBadNames() {
        assertThatThrownBy(() -> FieldFile.of("neural", "{}", 1, new double[3], Map.of("network", new float[] {0,
                Float.NaN})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"network\"")
                .hasMessageContaining("index 1");
        assertThatThrownBy(() -> FieldFile.of("Neural Field", "{}", 1, new double[3], Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> FieldFile.of("neural", "{}", 0, new double[3], Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
        assertThatThrownBy(() -> FieldFile.of("neural", "{}", 1, new double[3], Map.of("", new float[1])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }

    @Test
    void missingFileIsAnIoError() {
        assertThatThrownBy(() -> FieldFiles.read(dir.resolve("none.isf")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("none.isf");
        assertThat(Files.exists(dir.resolve("none.isf"))).isFalse();
    }

    static byte[] floatBytes(float f) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(f).array();
    }

    static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
