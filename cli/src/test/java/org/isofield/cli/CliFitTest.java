package org.isofield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.SurfaceMetrics;
import org.isofield.datasets.shapes.Shapes;
import org.isofield.fields.io.FieldFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isofield fit} and {@code extract} through the command line, on a small field. */
class CliFitTest {
    static final String[] SMALL = {"--set", "encoding.n_levels=8", "--set", "encoding.log2_hashmap_size=14",
        "--set", "optimizer.nested.nested.learning_rate=0.01", "--set", "batch_size=4096"};

    @TempDir
    Path dir;

    private Path torus() {
        Path p = dir.resolve("torus.ply");
        Meshes.write(Shapes.byName("torus").toMesh(48), p);
        return p;
    }

    /** {@code head} followed by {@link #SMALL}. */
    static String[] args(String... head) {
        String[] all = new String[head.length + SMALL.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(SMALL, 0, all, head.length, SMALL.length);
        return all;
    }

    @Test
    void fitThenExtractGivesTheShape() {
        Path mesh = torus();
        Path field = dir.resolve("torus.isf");
        Path out = dir.resolve("torus-out.ply");
        CliTest.Result fit = CliTest.run(args("fit", mesh.toString(), "-o", field.toString(), "--steps", "300",
                "--seed", "3", "--progress", "never"));
        assertThat(fit.code()).as(fit.err()).isZero();
        assertThat(fit.out()).contains("wrote", "steps/s");
        assertThat(FieldFiles.read(field).kind()).isEqualTo("neural");
        CliTest.Result ex = CliTest.run("extract", field.toString(), "-o", out.toString(), "--resolution", "64",
                "--progress", "never");
        assertThat(ex.code()).as(ex.err()).isZero();
        TriangleMesh result = Meshes.read(out);
        assertThat(MeshChecks.check(result).isClosedManifold()).isTrue();
        assertThat(SurfaceMetrics.evaluate(result, Meshes.read(mesh)).chamferL1()).isLessThan(0.03);
    }

    @Test
    void unknownConfigKeyIsAConfigErrorWithItsPath() throws Exception {
        Path cfg = dir.resolve("bad.json");
        Files.writeString(cfg, "{ \"encoding\": { \"otype\": \"HashGrid\", \"n_level\": 8 } }");
        CliTest.Result r = CliTest.run("fit", torus().toString(), "-o", dir.resolve("x.isf").toString(),
                "--config", cfg.toString(), "--steps", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("$.encoding", "n_level");
        assertThat(dir.resolve("x.isf")).doesNotExist();
    }

    @Test
    void divergingLossExitsWithNumericalError() {
        Path field = dir.resolve("nan.isf");
        CliTest.Result r = CliTest.run("fit", torus().toString(), "-o", field.toString(), "--steps", "50",
                "--set", "encoding.n_levels=8", "--set", "encoding.log2_hashmap_size=14", "--set", "batch_size=4096",
                "--set", "optimizer.nested.nested.learning_rate=1e30");
        assertThat(r.code()).isEqualTo(5);
        assertThat(r.err()).contains("loss became", "last finite loss");
        assertThat(field).doesNotExist();
    }

    @Test
    void existingOutputNeedsForce() throws Exception {
        Path field = dir.resolve("f.isf");
        Files.writeString(field, "x");
        CliTest.Result r = CliTest.run(args("fit", torus().toString(), "-o", field.toString(), "--steps", "1"));
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("f.isf");
    }

    @Test
    void corruptedFieldFileIsAFormatError() throws Exception {
        Path field = dir.resolve("broken.isf");
        Files.write(field, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        CliTest.Result r = CliTest.run("extract", field.toString(), "-o", dir.resolve("m.ply").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("broken.isf");
    }

    @Test
    void meshOfOnlyDegenerateFacesIsAFormatErrorNamingTheFile() throws Exception {
        Path mesh = dir.resolve("flat.obj");
        Files.writeString(mesh, "v 0 0 0\nv 1 0 0\nv 2 0 0\nf 1 2 3\n");
        Path field = dir.resolve("flat.isf");
        CliTest.Result r = CliTest.run(args("fit", mesh.toString(), "-o", field.toString(), "--steps", "2"));
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("flat.obj").contains("total area");
        assertThat(field).doesNotExist();
    }

    @Test
    void configDefaultsKnowsTheNewKinds() {
        CliTest.Result r = CliTest.run("config", "defaults", "encoding", "HashGrid");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("n_levels");
        assertThat(CliTest.run("config", "kinds").out()).contains("encoding", "network", "loss", "optimizer");
    }
}
