package org.isofield.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.isofield.core.config.Json;
import org.isofield.core.io.AtomicFiles;
import org.isofield.datasets.clean.CleanStepConfig;
import org.isofield.datasets.clean.MeshCleanup;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code isofield clean MESH -o OUT}: component filtering, trimming far from the input, hole filling, Taubin
 * smoothing and decimation of a mesh, with a line per step of its faces and components before and after (and the
 * same in {@code --report}).
 */
@Command(name = "clean", mixinStandardHelpOptions = true,
        description = {"Clean a mesh: keep the largest components, remove faces far from the input cloud, fill small",
            "holes, smooth (Taubin), decimate (quadric error); prints faces and components before and after each",
            "step. The same options work on 'reconstruct'."})
final class CleanCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Mixin
    CleanOptions clean;

    @Parameters(paramLabel = "MESH", description = "The mesh (.ply, .obj, .off, .stl); identical vertices are merged.")
    Path mesh;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "The cleaned mesh.")
    Path out;

    @Option(names = "--points", paramLabel = "CLOUD",
            description = "The point cloud the mesh was made from, for --max-distance.")
    Path points;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write each step's counts and figures.")
    Path report;

    @Override
    public Integer call() {
        CommandLine cl = common.mixee.commandLine();
        InputOptions.existing(cl, mesh);
        List<CleanStepConfig> steps = clean.steps(cl);
        if (steps.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "no clean-up step asked for; expected one or more of "
                    + "--keep-largest, --min-area-share, --max-distance, --fill-holes, --taubin, --decimate, "
                    + "--max-error or --clean-config");
        }
        if (MeshCleanup.needsCloud(steps) && points == null) {
            throw new CommandLine.ParameterException(cl, "--max-distance (step FarFaces) measures distances to the "
                    + "input cloud; expected --points CLOUD");
        }
        if (points != null) {
            InputOptions.existing(cl, points);
        }
        OutputOptions.refuseExisting(output.force, out);
        if (report != null) {
            OutputOptions.refuseExisting(output.force, report);
        }
        TriangleMesh in = common.phase("read", () -> Meshes.read(mesh, input.readOptions(common.progress())));
        PointCloud cloud = points == null ? null
                : common.phase("read_points", () -> PointClouds.read(points, input.readOptions(common.progress())));
        MeshCleanup.Result r = MeshCleanup.run(in, cloud, steps, common.progress());
        for (Map<String, Object> step : r.steps()) {
            common.wrote(out, String.format(Locale.ROOT, "%s: %d -> %d faces, %d -> %d components", step.get("step"),
                    (int) step.get("faces_in"), (int) step.get("faces_out"), (int) step.get("components_before"),
                    (int) step.get("components_after")));
        }
        common.phase("write", () -> Meshes.write(r.mesh(), out, output.writeOptions(common.progress())));
        MeshReport checks = MeshChecks.check(r.mesh());
        int componentsIn = (int) r.steps().get(0).get("components_before");
        if (report != null) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("input", mesh.toString());
            entry.put("output", out.toString());
            entry.put("input_faces", in.faceCount());
            entry.put("input_components", componentsIn);
            entry.put("welded_vertices", r.weldedVertices());
            entry.put("output_vertices", r.mesh().vertexCount());
            entry.put("output_faces", r.mesh().faceCount());
            entry.put("output_components", checks.components());
            entry.put("watertight", checks.watertight());
            entry.put("steps", r.steps());
            AtomicFiles.writeString(report, output.force, Json.write(entry) + "\n");
        }
        common.wrote(out, String.format(Locale.ROOT, "wrote %s (%d faces, %d components, %s) from %s (%d faces, %d "
                + "components)", out, r.mesh().faceCount(), checks.components(), checks.watertight() ? "watertight"
                : "open", mesh, in.faceCount(), componentsIn));
        return 0;
    }
}
