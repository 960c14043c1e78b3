package org.isofield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.isofield.core.config.Json;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.metrics.EvalConfig;
import org.isofield.datasets.sample.SamplerConfig;
import org.isofield.datasets.shapes.Shapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        CommandLine cl = IsofieldCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private Path sphereMesh() {
        Path p = dir.resolve("sphere.ply");
        Meshes.write(Shapes.byName("sphere").toMesh(24), p);
        return p;
    }

    /** One name per setting: every key of a command's config record is an option of that command (seed is common). */
    @Test
    void optionNamesFollowTheConfigKeys() {
        CommandLine root = IsofieldCommand.newCommandLine();
        assertOptionsCover(root.getSubcommands().get("sample"), SamplerConfig.class);
        assertOptionsCover(root.getSubcommands().get("eval"), EvalConfig.class);
    }

    private static void assertOptionsCover(CommandLine cmd, Class<? extends Record> config) {
        for (var rc : config.getRecordComponents()) {
            String kebab = "--" + rc.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            assertThat(cmd.getCommandSpec().findOption(kebab)).as(cmd.getCommandName() + " " + kebab).isNotNull();
        }
    }

    @Test
    void versionNamesTheProduct() {
        Result r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("isofield ");
    }

    @Test
    void helpListsTheCommands() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("demo", "info", "convert", "sample", "eval", "formats", "config", "Exit codes");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run().code()).isEqualTo(2);
    }

    @Test
    void unknownOptionIsAUsageError() {
        Result r = run("formats", "--frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--frobnicate");
    }

    @Test
    void formatsListsEveryFormat() {
        Result r = run("formats");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("PLY", "OBJ", "OFF", "XYZ", "STL");
    }

    @Test
    void configDefaultsPrintsJsonThatParsesBack() {
        Result r = run("config", "defaults", "sampler", "areaweighted");
        assertThat(r.code()).isZero();
        JsonNode node = Json.parse(r.out(), "stdout");
        assertThat(node.fieldNames().next()).isEqualTo("otype");
        assertThat(node.get("otype").asText()).isEqualTo("AreaWeighted");
        assertThat(node.get("n_points").asInt()).isEqualTo(100_000);
        assertThat(run("config", "kinds").out()).contains("sampler", "evaluator");
    }

    @Test
    void configDefaultsOfUnknownKindIsAConfigError() {
        Result r = run("config", "defaults", "gizmo", "X");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown component kind \"gizmo\"");
        Result r2 = run("config", "defaults", "sampler", "Poisson");
        assertThat(r2.code()).isEqualTo(2);
        assertThat(r2.err()).contains("unknown sampler \"Poisson\"; known: AreaWeighted");
    }

    @Test
    void sampleWritesTheRequestedPoints() {
        Path mesh = sphereMesh();
        Path cloud = dir.resolve("cloud.ply");
        Result r = run("sample", mesh.toString(), "-o", cloud.toString(), "-n", "5000", "--noise", "0.001", "--seed",
                "3");
        assertThat(r.code()).as(r.err()).isZero();
        PointCloud c = PointClouds.read(cloud);
        assertThat(c.size()).isEqualTo(5000);
        assertThat(c.hasNormals()).isFalse();
        // same seed, same points
        Path again = dir.resolve("again.ply");
        run("sample", mesh.toString(), "-o", again.toString(), "-n", "5000", "--noise", "0.001", "--seed", "3");
        assertThat(PointClouds.read(again).positions()).isEqualTo(c.positions());
    }

    @Test
    void normalsFaceOutOfAClosedShapeAndTowardsAViewpoint() {
        Path mesh = sphereMesh();
        Path cloud = dir.resolve("cloud.ply");
        assertThat(run("sample", mesh.toString(), "-o", cloud.toString(), "-n", "4000", "--seed", "1").code())
                .isZero();
        Path out = dir.resolve("normals.ply");
        Result r = run("normals", cloud.toString(), "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(outwardShare(PointClouds.read(out))).isGreaterThan(0.99);
        // from the centre of the sphere every point is seen from inside
        Path in = dir.resolve("inward.ply");
        r = run("normals", cloud.toString(), "-o", in.toString(), "--viewpoint", "0,0,0", "--neighbors", "12");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(outwardShare(PointClouds.read(in))).isLessThan(0.01);
        Result bad = run("normals", cloud.toString(), "-o", dir.resolve("x.ply").toString(), "--viewpoint", "1,2");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--viewpoint is [1.0, 2.0]; expected three finite numbers X,Y,Z");
        Result few = run("normals", cloud.toString(), "-o", dir.resolve("y.ply").toString(), "--neighbors", "2");
        assertThat(few.code()).isEqualTo(2);
        assertThat(few.err()).contains("--neighbors is 2; expected 3 or more");
    }

    /** The share of normals facing away from the origin (a sphere about it). */
    private static double outwardShare(PointCloud c) {
        assertThat(c.hasNormals()).isTrue();
        float[] p = c.positions();
        float[] n = c.normals();
        Vec3d o = c.origin();
        int out = 0;
        for (int i = 0; i < c.size(); i++) {
            double d = (p[3 * i] + o.x()) * n[3 * i] + (p[3 * i + 1] + o.y()) * n[3 * i + 1]
                    + (p[3 * i + 2] + o.z()) * n[3 * i + 2];
            out += d > 0 ? 1 : 0;
        }
        return out / (double) c.size();
    }

    @Test
    void existingOutputNeedsForce() throws IOException {
        Path mesh = sphereMesh();
        Path cloud = dir.resolve("cloud.ply");
        Files.writeString(cloud, "keep me");
        Result r = run("sample", mesh.toString(), "-o", cloud.toString(), "-n", "100");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--force");
        assertThat(Files.readString(cloud)).isEqualTo("keep me");
        assertThat(run("sample", mesh.toString(), "-o", cloud.toString(), "-n", "100", "--force").code()).isZero();
    }

    @Test
    void badOptionValueNamesTheOption() {
        Result r = run("sample", sphereMesh().toString(), "-o", dir.resolve("c.ply").toString(), "-n", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--n-points: value 0 out of range");
    }

    @Test
    void missingInputIsAUsageError() {
        Result r = run("info", dir.resolve("nope.ply").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope.ply: no such file");
    }

    @Test
    void malformedInputIsAFormatErrorWithItsLine() throws IOException {
        Path bad = dir.resolve("bad.obj");
        Files.writeString(bad, "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 9\n");
        Result r = run("info", bad.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).startsWith("isofield: ").contains("bad.obj:4");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void debugPrintsTheStackTrace() throws IOException {
        Path bad = dir.resolve("bad.obj");
        Files.writeString(bad, "v 0 0 0\nf 1 2 3\n");
        Result r = run("info", "--debug", bad.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("\tat ");
    }

    @Test
    void infoDescribesAMesh() {
        Result r = run("info", "--json", sphereMesh().toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = Json.parse(r.out(), "stdout");
        assertThat(n.get("format").asText()).isEqualTo("PLY");
        assertThat(n.get("faces").asInt()).isPositive();
        assertThat(n.at("/mesh/watertight").asBoolean()).isTrue();
        assertThat(n.at("/mesh/genus").asInt()).isZero();
        assertThat(n.at("/mesh/self_intersections").asLong()).isZero();
    }

    @Test
    void convertKeepsTheMesh() {
        Path ply = sphereMesh();
        Path obj = dir.resolve("sphere.OBJ");
        Result r = run("convert", ply.toString(), obj.toString());
        assertThat(r.code()).as(r.err()).isZero();
        TriangleMesh a = Meshes.read(ply);
        TriangleMesh b = Meshes.read(obj);
        assertThat(b.faces()).isEqualTo(a.faces());
        assertThat(b.vertices()).isEqualTo(a.vertices());
    }

    @Test
    void convertNotesAttributesTheTargetCannotHold() {
        TriangleMesh sphere = Shapes.byName("sphere").toMesh(24);
        float[] normals = sphere.vertices().clone(); // unit sphere at the origin: the normal is the position
        Path ply = dir.resolve("sphere-normals.ply");
        Meshes.write(sphere.withNormals(normals), ply);
        assertThat(Meshes.read(ply).normals()).as("the test input has normals").isNotNull();
        Result r = run("convert", ply.toString(), dir.resolve("sphere.stl").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("STL holds no vertex normals");
        Result keep = run("convert", ply.toString(), dir.resolve("sphere.off").toString());
        assertThat(keep.err()).doesNotContain("holds no");
    }

    @Test
    void evalJsonHasTheDocumentedKeys() {
        Path mesh = sphereMesh();
        Result r = run("eval", mesh.toString(), mesh.toString(), "--samples", "5000", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = Json.parse(r.out(), "stdout");
        for (String key : new String[] {"chamfer_l1", "chamfer_l2", "accuracy_l1", "completeness_l1",
            "normal_consistency", "fscore", "hausdorff", "recon_mesh"}) {
            assertThat(n.has(key)).as(key).isTrue();
        }
        // two independent samplings of one surface: distances of the order of the sample spacing
        assertThat(n.get("chamfer_l1").asDouble()).isBetween(1e-4, 0.02);
        assertThat(n.get("normal_consistency").asDouble()).isGreaterThan(0.95);
        assertThat(n.at("/fscore/0.01").asDouble()).isBetween(0.2, 1.0).isGreaterThan(n.at("/fscore/0.005").asDouble());
        assertThat(n.at("/recon_mesh/watertight").asBoolean()).isTrue();
        assertThat(n.at("/recon_mesh/components").asInt()).isEqualTo(1);
        assertThat(n.at("/recon_mesh/self_intersections").asLong()).isZero();
    }

    @Test
    void evalTableIsReadable() {
        Path mesh = sphereMesh();
        Result r = run("eval", mesh.toString(), mesh.toString(), "--samples", "2000");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("chamfer_l1", "fscore@0.01", "watertight");
    }

    @Test
    void demoWritesItsOutputsAndReport() {
        Path out = dir.resolve("demo");
        Result r = run("demo", "--out-dir", out.toString(), "--resolution", "32", "-n", "3000");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("shape.ply")).exists();
        assertThat(out.resolve("cloud.ply")).exists();
        JsonNode report = Json.read(out.resolve("report.json"));
        assertThat(report.get("shape").asText()).isEqualTo("csg-part");
        assertThat(report.at("/mesh/watertight").asBoolean()).isTrue();
        assertThat(report.at("/mesh/genus").asInt()).isEqualTo(1);
        assertThat(report.get("cloud_points").asInt()).isEqualTo(3000);
        assertThat(out.resolve("reconstruction.ply")).exists();
        assertThat(report.at("/reconstruction/watertight").asBoolean()).isTrue();
        assertThat(report.at("/reconstruction/genus").asInt()).isEqualTo(1);
        assertThat(report.get("reconstruction_surface_error_mean").asDouble()).isLessThan(0.01);
        assertThat(r.out()).contains("watertight", "recon", "wrote");
        // a second run does not overwrite without --force
        assertThat(run("demo", "--out-dir", out.toString(), "--resolution", "32", "-n", "3000").code()).isEqualTo(2);
    }

    @Test
    void demoRejectsAnUnknownShape() {
        Result r = run("demo", "--out-dir", dir.toString(), "--shape", "teapot");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown shape \"teapot\"");
    }
}
