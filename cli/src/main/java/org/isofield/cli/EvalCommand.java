package org.isofield.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.isofield.core.config.Json;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.metrics.EvalConfig;
import org.isofield.datasets.metrics.Evaluators;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import org.isofield.datasets.metrics.SelfIntersections;
import org.isofield.datasets.metrics.SurfaceReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code isofield eval RECON GT}: surface distances and mesh checks of a reconstruction. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Compare a reconstructed mesh with a ground-truth mesh.",
            "Distances are in the frame where GT's bounding box is centred with longest side 1, between area-weighted "
            + "samples."})
final class EvalCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Parameters(index = "0", paramLabel = "RECON", description = "The reconstructed mesh.")
    Path recon;

    @Parameters(index = "1", paramLabel = "GT", description = "The ground-truth mesh.")
    Path gt;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "100000",
            description = "Samples per surface. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--fscore-thresholds", paramLabel = "T", split = ",", defaultValue = "0.01,0.005",
            description = "F-score thresholds in the normalised frame. Default: ${DEFAULT-VALUE}.")
    List<Double> fscoreThresholds;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        InputOptions.existing(common.mixee.commandLine(), recon);
        InputOptions.existing(common.mixee.commandLine(), gt);
        EvalConfig cfg = common.config(() -> new EvalConfig(samples, common.seed(), fscoreThresholds));
        TriangleMesh r = common.phase("read recon", () -> Meshes.read(recon, input.readOptions(common.progress())));
        TriangleMesh g = common.phase("read gt", () -> Meshes.read(gt, input.readOptions(common.progress())));
        SurfaceReport s = common.phase("distances", () -> Evaluators.create(cfg).evaluate(r, g, common.progress()));
        MeshReport m = common.phase("mesh checks", () -> MeshChecks.check(r, SelfIntersections::count));
        Map<String, Object> out = toJson(s, m);
        if (json) {
            common.out().println(Json.write(out));
        } else {
            printTable(s, m);
        }
        return 0;
    }

    /** The JSON object of {@code eval --json}. */
    static Map<String, Object> toJson(SurfaceReport s, MeshReport m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("chamfer_l1", s.chamferL1());
        out.put("chamfer_l2", s.chamferL2());
        out.put("accuracy_l1", s.accuracy());
        out.put("completeness_l1", s.completeness());
        out.put("normal_consistency", s.normalConsistency());
        Map<String, Double> f = new LinkedHashMap<>();
        for (int i = 0; i < s.thresholds().size(); i++) {
            f.put(threshold(s.thresholds().get(i)), s.fscore().get(i));
        }
        out.put("fscore", f);
        out.put("hausdorff", s.hausdorff());
        out.put("recon_mesh", meshJson(m));
        return out;
    }

    static Map<String, Object> meshJson(MeshReport m) {
        Map<String, Object> mesh = new LinkedHashMap<>();
        mesh.put("vertices", m.vertices());
        mesh.put("faces", m.faces());
        mesh.put("watertight", m.watertight());
        mesh.put("components", m.components());
        mesh.put("self_intersections", m.selfIntersections());
        mesh.put("boundary_edges", m.boundaryEdges());
        mesh.put("non_manifold_edges", m.nonManifoldEdges());
        mesh.put("orientation_consistent", m.orientationConsistent());
        mesh.put("genus", m.hasGenus() ? m.genus() : null);
        mesh.put("degenerate_faces", m.degenerateFaces());
        return mesh;
    }

    private static String threshold(double t) {
        return String.valueOf(t);
    }

    private void printTable(SurfaceReport s, MeshReport m) {
        var o = common.out();
        o.printf(Locale.ROOT, "%-22s %.6f%n", "chamfer_l1", s.chamferL1());
        o.printf(Locale.ROOT, "%-22s %.6f%n", "  accuracy_l1", s.accuracy());
        o.printf(Locale.ROOT, "%-22s %.6f%n", "  completeness_l1", s.completeness());
        o.printf(Locale.ROOT, "%-22s %.3e%n", "chamfer_l2", s.chamferL2());
        o.printf(Locale.ROOT, "%-22s %.4f%n", "normal_consistency", s.normalConsistency());
        for (int i = 0; i < s.thresholds().size(); i++) {
            o.printf(Locale.ROOT, "%-22s %.4f%n", "fscore@" + threshold(s.thresholds().get(i)), s.fscore().get(i));
        }
        o.printf(Locale.ROOT, "%-22s %.6f%n", "hausdorff", s.hausdorff());
        List<String> flags = new ArrayList<>();
        flags.add(m.watertight() ? "watertight" : "open (" + m.boundaryEdges() + " boundary edges)");
        if (m.nonManifoldEdges() > 0) {
            flags.add(m.nonManifoldEdges() + " non-manifold edges");
        }
        flags.add(m.components() + (m.components() == 1 ? " component" : " components"));
        if (m.hasGenus()) {
            flags.add("genus " + m.genus());
        }
        flags.add(m.orientationConsistent() ? "consistently oriented" : "inconsistent orientation");
        flags.add(m.selfIntersections() + " self-intersecting pairs");
        o.printf(Locale.ROOT, "%-22s %d vertices, %d faces: %s%n", "recon_mesh", m.vertices(), m.faces(),
                String.join(", ", flags));
    }
}
