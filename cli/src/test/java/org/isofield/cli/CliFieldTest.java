package org.isofield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.shapes.Shapes;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.io.FieldFiles;
import org.isofield.fields.io.NeuralFieldFiles;
import org.isofield.fields.train.NeuralField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isofield field export|import} through the command line. */
class CliFieldTest {
    @TempDir
    Path dir;

    Path field;

    @BeforeEach
    void fitTinyField() {
        Path mesh = dir.resolve("torus.ply");
        Meshes.write(Shapes.byName("torus").toMesh(24), mesh);
        field = dir.resolve("torus.isf");
        String[] head = {"fit", mesh.toString(), "-o", field.toString(), "--steps", "5", "--seed", "2"};
        String[] all = Arrays.copyOf(head, head.length + CliResumeTest.TINY.length);
        System.arraycopy(CliResumeTest.TINY, 0, all, head.length, CliResumeTest.TINY.length);
        CliTest.Result r = CliTest.run(all);
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void exportThenImportGivesTheSameParametersAndOutputs() {
        Path bin = dir.resolve("w.bin");
        Path cfg = dir.resolve("w.json");
        CliTest.Result e = CliTest.run("field", "export", field.toString(), "-o", bin.toString(), "--config-output",
                cfg.toString());
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).contains("wrote", "network", "encoding parameters");
        Path back = dir.resolve("back.isf");
        CliTest.Result i = CliTest.run("field", "import", bin.toString(), "--config", cfg.toString(), "-o",
                back.toString());
        assertThat(i.code()).as(i.err()).isZero();
        FieldFile a = FieldFiles.read(field);
        FieldFile b = FieldFiles.read(back);
        assertThat(b.block("encoding")).containsExactly(a.block("encoding"));
        assertThat(b.block("network")).containsExactly(a.block("network"));
        assertThat(b.scale()).isEqualTo(a.scale());
        assertThat(b.translation()).containsExactly(a.translation());
        assertThat(b.configJson()).isEqualTo(a.configJson());
        NeuralField fa = NeuralFieldFiles.field(a, field);
        NeuralField fb = NeuralFieldFiles.field(b, back);
        float[] xyz = new float[3 * 500];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int k = 0; k < xyz.length; k++) {
            xyz[k] = (float) rnd.nextDouble();
        }
        float[] oa = new float[500];
        float[] ob = new float[500];
        fa.evaluate(xyz, 500, oa);
        fb.evaluate(xyz, 500, ob);
        assertThat(ob).containsExactly(oa);
    }

    @Test
    void importWithAnotherNetworkIsAFormatErrorNamingTheField() throws Exception {
        Path bin = dir.resolve("w.bin");
        Path cfg = dir.resolve("w.json");
        assertThat(CliTest.run("field", "export", field.toString(), "-o", bin.toString(), "--config-output",
                cfg.toString()).code()).isZero();
        CliTest.Result r = CliTest.run("field", "import", bin.toString(), "--config", cfg.toString(), "--set",
                "network.n_neurons=64", "-o", dir.resolve("x.isf").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("w.bin: byte 32", "n_neurons is 16; the config implies 64");
        assertThat(dir.resolve("x.isf")).doesNotExist();
    }

    @Test
    void truncatedOrCorruptWeightsAreFormatErrors() throws Exception {
        Path bin = dir.resolve("w.bin");
        Path cfg = dir.resolve("w.json");
        assertThat(CliTest.run("field", "export", field.toString(), "-o", bin.toString(), "--config-output",
                cfg.toString()).code()).isZero();
        byte[] bytes = Files.readAllBytes(bin);
        Path cut = dir.resolve("cut.bin");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 10));
        CliTest.Result r = CliTest.run("field", "import", cut.toString(), "--config", cfg.toString(), "-o",
                dir.resolve("x.isf").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("cut.bin", "truncated");
        bytes[300] ^= 1;
        Path bad = dir.resolve("bad.bin");
        Files.write(bad, bytes);
        r = CliTest.run("field", "import", bad.toString(), "--config", cfg.toString(), "-o",
                dir.resolve("x.isf").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("bad.bin", "checksum mismatch");
        r = CliTest.run("field", "import", field.toString(), "--config", cfg.toString(), "-o",
                dir.resolve("x.isf").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("torus.isf", "not a tcnn weights file");
        r = CliTest.run("field", "export", bin.toString(), "-o", dir.resolve("y.bin").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("w.bin", "not an isf field file");
    }

    @Test
    void fieldNeedsASubcommand() {
        CliTest.Result r = CliTest.run("field");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("export or import");
    }
}
