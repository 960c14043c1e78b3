package org.isofield.fields.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.isofield.core.FormatException;
import org.isofield.core.Progress;
import org.isofield.fields.train.NeuralField;
import org.isofield.fields.train.NeuralFieldConfig;
import org.isofield.fields.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tiny-cuda-nn weights: layout, round trip through the binary, and damaged or mismatched files. */
class TcnnWeightsTest {
    static final Path NAME = Path.of("w.bin");

    @TempDir
    Path dir;

    static NeuralFieldConfig tiny() {
        return ResumeTest.tiny("Ema");
    }

    /** A trained tiny field in a field file (so the EMA weights are the exported ones). */
    static FieldFile trained() {
        Trainer t = new Trainer(new NeuralField(tiny(), 3));
        t.train(ResumeTest.sphere(256, 3, 0), 30, Progress.NONE);
        return NeuralFieldFiles.pack(t, 1.5, new double[] {0.25, -0.5, 0.125}, 3, false);
    }

    @Test
    void exportThenImportIsBitwiseAndEvaluatesIdentically() throws Exception {
        FieldFile field = trained();
        Path bin = dir.resolve("w.bin");
        TcnnWeightsFiles.write(TcnnWeights.of(field, NAME), bin, false);
        FieldFile back = TcnnWeightsFiles.read(bin).toFieldFile(tiny(), bin);
        assertThat(back.block("encoding")).containsExactly(field.block("encoding"));
        assertThat(back.block("network")).containsExactly(field.block("network"));
        assertThat(back.scale()).isEqualTo(field.scale());
        assertThat(back.translation()).containsExactly(field.translation());
        NeuralField a = NeuralFieldFiles.field(field, null);
        NeuralField b = NeuralFieldFiles.field(back, null);
        int n = 1000;
        float[] xyz = new float[3 * n];
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = (float) rnd.nextDouble();
        }
        float[] oa = new float[n];
        float[] ob = new float[n];
        a.evaluate(xyz, n, oa);
        b.evaluate(xyz, n, ob);
        assertThat(ob).containsExactly(oa);
    }

    @Test
    void layoutIsHeaderThenNetworkThenEncodingThenChecksum() {
        FieldFile field = trained();
        byte[] bytes = TcnnWeightsFiles.toBytes(TcnnWeights.of(field, NAME));
        float[] net = field.block("network");
        float[] enc = field.block("encoding");
        assertThat(bytes).hasSize(96 + 4 * (net.length + enc.length) + 4);
        ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0x89, 'T', 'C', 'N', '\r', '\n', 0x1A, '\n');
        assertThat(le.getInt(8)).isEqualTo(1);
        assertThat(le.getInt(12)).isEqualTo(96);
        assertThat(new int[] {le.getInt(16), le.getInt(20), le.getInt(24), le.getInt(28), le.getInt(32),
            le.getInt(36), le.getInt(40), le.getInt(44)}).containsExactly(3, 1, 8, 16, 16, 2, 16, 1);
        assertThat(le.getLong(48)).isEqualTo(net.length).isEqualTo(16 * 16 + 16 * 16 + 16 * 16);
        assertThat(le.getLong(56)).isEqualTo(enc.length);
        assertThat(le.getDouble(64)).isEqualTo(1.5);
        assertThat(le.getDouble(72 + 8)).isEqualTo(-0.5);
        assertThat(le.getFloat(96)).isEqualTo(net[0]);
        assertThat(le.getFloat(96 + 4 * (net.length - 1))).isEqualTo(net[net.length - 1]);
        assertThat(le.getFloat(96 + 4 * net.length)).isEqualTo(enc[0]);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        assertThat(Integer.toUnsignedLong(le.getInt(bytes.length - 4))).isEqualTo(crc.getValue());
    }

    @Test
    void defaultConfigCounts() {
        TcnnWeights w = TcnnWeights.of(new NeuralField(NeuralFieldConfig.DEFAULT, 0), 1, new double[3]);
        assertThat(w.networkParams()).isEqualTo(7168);
        assertThat(w.encodingParams()).isEqualTo(12_196_240);
        assertThat(TcnnWeightsFiles.length(w.params().length)).isEqualTo(48_813_732L);
    }

    @Test
    void truncatedFilesAreFormatErrors() {
        byte[] bytes = TcnnWeightsFiles.toBytes(TcnnWeights.of(trained(), NAME));
        for (int cut : List.of(0, 5, 50, 96, 100, bytes.length / 2, bytes.length - 1)) {
            byte[] part = Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> TcnnWeightsFiles.fromBytes(part, NAME)).as("cut at " + cut)
                    .isInstanceOf(FormatException.class)
                    .hasMessageContaining("w.bin")
                    .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("truncated", "not a tcnn weights file"));
        }
    }

    @Test
    void damagedFilesAreFormatErrorsAtTheirByte() {
        byte[] bytes = TcnnWeightsFiles.toBytes(TcnnWeights.of(trained(), NAME));
        byte[] flipped = bytes.clone();
        flipped[200] ^= 0x10;
        assertThatThrownBy(() -> TcnnWeightsFiles.fromBytes(flipped, NAME)).isInstanceOf(FormatException.class)
                .hasMessageContaining("checksum mismatch");
        byte[] version = bytes.clone();
        version[8] = 2;
        assertThatThrownBy(() -> TcnnWeightsFiles.fromBytes(version, NAME)).isInstanceOf(FormatException.class)
                .hasMessageContaining("byte 8").hasMessageContaining("version is 2; expected 1");
        byte[] count = bytes.clone();
        count[56] += 1;
        assertThatThrownBy(() -> TcnnWeightsFiles.fromBytes(count, NAME)).isInstanceOf(FormatException.class)
                .hasMessageContaining("need");
        byte[] isf = FieldFiles.toBytes(trained());
        assertThatThrownBy(() -> TcnnWeightsFiles.fromBytes(isf, NAME)).isInstanceOf(FormatException.class)
                .hasMessageContaining("not a tcnn weights file");
    }

    @Test
    void randomDamageNeverEscapesAsAnotherException() {
        byte[] bytes = TcnnWeightsFiles.toBytes(TcnnWeights.of(trained(), NAME));
        SplittableRandom rnd = new SplittableRandom(42);
        for (int k = 0; k < 300; k++) {
            byte[] b = bytes.clone();
            int at = k % 3 == 0 ? rnd.nextInt(96) : rnd.nextInt(b.length);
            b[at] ^= (byte) (1 + rnd.nextInt(255));
            if (k % 2 == 0) {
                CRC32 crc = new CRC32();
                crc.update(b, 0, b.length - 4);
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length - 4, (int) crc.getValue());
            }
            try {
                TcnnWeightsFiles.fromBytes(b, NAME);
            } catch (FormatException expected) {
                assertThat(expected.getMessage()).startsWith("w.bin: byte ");
            }
        }
    }

    @Test
    void configOfAnotherShapeIsAFormatErrorNamingTheField() {
        TcnnWeights w = TcnnWeightsFiles.fromBytes(TcnnWeightsFiles.toBytes(TcnnWeights.of(trained(), NAME)), NAME);
        NeuralFieldConfig wider = NeuralFieldConfig.load(tiny().toJson(), List.of("network.n_neurons=32"));
        assertThatThrownBy(() -> w.toFieldFile(wider, NAME)).isInstanceOf(FormatException.class)
                .hasMessageContaining("w.bin: byte 32").hasMessageContaining("n_neurons is 16; the config implies 32");
        NeuralFieldConfig finer = NeuralFieldConfig.load(tiny().toJson(), List.of("encoding.log2_hashmap_size=12"));
        assertThatThrownBy(() -> w.toFieldFile(finer, NAME)).isInstanceOf(FormatException.class)
                .hasMessageContaining("encoding parameter count");
    }
}
