package org.isofield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.shapes.Shapes;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.io.FieldFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isofield fit --resume} and {@code --save-optimizer-state} through the command line, on a tiny field. */
class CliResumeTest {
    static final String[] TINY = {"--set", "encoding.n_levels=4", "--set", "encoding.log2_hashmap_size=10",
        "--set", "network.n_neurons=16", "--set", "optimizer.nested.nested.learning_rate=0.01",
        "--set", "batch_size=1024", "--progress", "never"};

    @TempDir
    Path dir;

    private Path torus() {
        Path p = dir.resolve("torus.ply");
        Meshes.write(Shapes.byName("torus").toMesh(24), p);
        return p;
    }

    private static CliTest.Result fit(String... head) {
        String[] all = new String[head.length + TINY.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(TINY, 0, all, head.length, TINY.length);
        CliTest.Result r = CliTest.run(all);
        return r;
    }

    @Test
    void resumedFitIsBitwiseTheUninterruptedFit() {
        String mesh = torus().toString();
        Path straight = dir.resolve("straight.isf");
        Path half = dir.resolve("half.isf");
        Path resumed = dir.resolve("resumed.isf");
        CliTest.Result a = fit("fit", mesh, "-o", straight.toString(), "--steps", "40", "--seed", "4",
                "--save-optimizer-state");
        assertThat(a.code()).as(a.err()).isZero();
        CliTest.Result b = fit("fit", mesh, "-o", half.toString(), "--steps", "20", "--seed", "4",
                "--save-optimizer-state");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).contains("with optimizer state at step 20");
        // The seed comes from the file; the config from the file with the same --set laid over it.
        CliTest.Result c = CliTest.run("fit", mesh, "-o", resumed.toString(), "--steps", "20", "--resume",
                half.toString(), "--progress", "never");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("resumed", "at step 20", "with optimizer state at step 40");
        FieldFile x = FieldFiles.read(straight);
        FieldFile y = FieldFiles.read(resumed);
        assertThat(y.optimizerState()).isNotEmpty();
        assertThat(y.block("encoding")).containsExactly(x.block("encoding"));
        assertThat(y.block("network")).containsExactly(x.block("network"));
        assertThat(y).isEqualTo(x);
    }

    @Test
    void fitWritesNoOptimizerStateByDefault() {
        Path f = dir.resolve("plain.isf");
        CliTest.Result r = fit("fit", torus().toString(), "-o", f.toString(), "--steps", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(FieldFiles.read(f).optimizerState()).isEmpty();
        assertThat(FieldFiles.read(f).metadataJson()).contains("\"seed\"", "\"steps\"");
    }

    @Test
    void resumeRefusesAFileWithoutOptimizerState() {
        String mesh = torus().toString();
        Path plain = dir.resolve("plain.isf");
        assertThat(fit("fit", mesh, "-o", plain.toString(), "--steps", "2").code()).isZero();
        Path out = dir.resolve("next.isf");
        CliTest.Result r = fit("fit", mesh, "-o", out.toString(), "--steps", "2", "--resume", plain.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("plain.isf", "no optimizer state", "--save-optimizer-state");
        assertThat(out).doesNotExist();
    }

    @Test
    void resumeRefusesAnotherNetworkShape() {
        String mesh = torus().toString();
        Path saved = dir.resolve("saved.isf");
        assertThat(fit("fit", mesh, "-o", saved.toString(), "--steps", "2", "--save-optimizer-state").code()).isZero();
        Path out = dir.resolve("next.isf");
        CliTest.Result r = CliTest.run("fit", mesh, "-o", out.toString(), "--steps", "2", "--resume", saved.toString(),
                "--set", "network.n_neurons=32");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("$.network", "saved.isf", "expected");
        assertThat(out).doesNotExist();
    }

    @Test
    void resumeRefusesAnotherMesh() {
        Path saved = dir.resolve("saved.isf");
        assertThat(fit("fit", torus().toString(), "-o", saved.toString(), "--steps", "2", "--save-optimizer-state")
                .code()).isZero();
        Path sphere = dir.resolve("sphere.ply");
        Meshes.write(Shapes.byName("sphere").toMesh(16), sphere);
        CliTest.Result r = CliTest.run("fit", sphere.toString(), "-o", dir.resolve("n.isf").toString(), "--steps", "2",
                "--resume", saved.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("saved.isf", "another mesh", "expected the mesh of the original run");
    }
}
