package org.isofield.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.isofield.core.ConfigException;
import org.isofield.core.IsofieldException;
import org.isofield.core.Progress;
import org.isofield.core.config.Json;
import org.isofield.core.config.JsonOverrides;
import org.isofield.core.io.AtomicFiles;
import org.isofield.reconstruction.Reconstruct;
import org.isofield.reconstruction.ReconstructorConfig;
import org.isofield.reconstruction.Reconstructors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code isofield reconstruct INPUT... -o OUT | --out-dir DIR}: point clouds to closed meshes, one or a batch. */
@Command(name = "reconstruct", mixinStandardHelpOptions = true,
        description = {"Reconstruct a closed mesh from each point cloud (normals not needed); an open scan gives an "
                + "open",
            "mesh trimmed near the points (config keys surface, trim_distance, viewpoint).",
            "Folders are read for files of the known formats. In a batch a failing input is reported and the others go",
            "on; the exit code is then 6. See 'isofield config defaults reconstructor GridPull' (or NeuralPull) for "
            + "the",
            "settings."})
final class ReconstructCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Mixin
    PrepOptions prep;

    @Mixin
    CleanOptions clean;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Point cloud files or folders of them.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "MESH", description = "Output mesh, for a single input.")
    Path out;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Output folder; meshes are named <input stem>.ply.")
    Path outDir;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "auto",
            description = "auto, gridpull, neuralpull (hash-grid neural field trained by pulling; slower) or voromesh "
                + "(Voronoi faces on GridPull's sign: closed, never self-intersecting, fewer faces). auto is "
                + "GridPull. Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--resolution", paramLabel = "N|auto",
            description = "Marching-cubes cells across the longest side (8 to 2048), or auto (GridPull: the grid "
                + "resolution; NeuralPull: from the point spacing).")
    String resolution;

    @Option(names = "--grid-resolution", paramLabel = "N|auto",
            description = "Distance-grid cells across the longest side (8 to 2048), or auto (from the point spacing); "
                + "GridPull only.")
    String gridResolution;

    @Option(names = "--voronoi-resolution", paramLabel = "N",
            description = "VoroMesh: generator lattice cells across the longest side, 8 to 1024 (default 128).")
    Integer voronoiResolution;

    @Option(names = "--float32", description = {"VoroMesh: write float32 coordinates instead of double; the mesh is",
        "checked again after rounding and the report says whether it stayed closed and free of self-intersections."})
    boolean float32;

    @CommandLine.Mixin
    BackendOptions compute;

    @Option(names = "--config", paramLabel = "FILE", description = "JSON config of the method (keys as printed by "
            + "'isofield config defaults reconstructor GridPull').")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key, e.g. steps=200.")
    List<String> set = List.of();

    @Option(names = "--save-field", paramLabel = "FIELD.isf",
            description = {"Also save the method's field (GridPull: its sparse grid, kind gridpull-sparse) for",
                "'isofield extract' and 'isofield render'. One input only; --force replaces an existing file."})
    Path saveField;

    @Option(names = "--vertex-attributes", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = {"Carry the input's colours and scalars (intensity, ...) to the output vertices from the",
                "nearest input points, distance-weighted, and add a 'quality' scalar: each vertex's distance to the",
                "nearest input point (PLY; MeshLab and CloudCompare read it). Default: on; --no-vertex-attributes",
                "writes geometry only."})
    boolean vertexAttributes;

    @Option(names = "--report", paramLabel = "FILE.json",
            description = "Write a JSON report: per input the method, config, phase times, peak heap, counts, "
                    + "watertight.")
    Path report;

    @Override
    public Integer call() {
        if (OutputOptions.isStdout(out)) {
            throw new ParameterException(common.mixee.commandLine(), "-o -: meshes are written to files here; "
                    + "standard output is for convert, prep, normals and sample (write a file, then "
                    + "'isofield convert FILE - --output-format FORMAT')");
        }
        ReconstructorConfig cfg = loadConfig();
        List<Path> files = usage(() -> Reconstruct.expand(inputs));
        List<Path> targets = targets(files);
        OutputOptions.refuseExisting(output.force, targets.toArray(Path[]::new));
        if (report != null) {
            OutputOptions.refuseExisting(output.force, report);
        }
        if (saveField != null) {
            if (files.size() != 1) {
                throw new ParameterException(common.mixee.commandLine(), "--save-field takes one input, found "
                        + files.size() + "; reconstruct the inputs one at a time to save their fields");
            }
            OutputOptions.refuseExisting(output.force, saveField);
        }
        boolean batch = files.size() > 1 || inputs.stream().anyMatch(Files::isDirectory);
        Reconstruct.Options options = new Reconstruct.Options(input.readOptions(common.progress()),
                output.writeOptions(Progress.NONE), saveField, prep.steps(common.mixee.commandLine()),
                vertexAttributes, clean.steps(common.mixee.commandLine()));
        Reconstruct.Batch done = common.phase("reconstruct", () -> Reconstruct.run(files, targets, cfg, options,
                common.progress(), item -> said(item, batch), !batch));
        writeReport(done);
        List<String> failed = done.failed();
        if (!batch && !failed.isEmpty()) {
            throw done.items().get(0).error();
        }
        if (!failed.isEmpty()) {
            common.err().println("isofield: reconstructed " + (files.size() - failed.size()) + " of " + files.size()
                    + " inputs; failed: " + String.join(", ", failed));
            return IsofieldException.EXIT_BATCH;
        }
        return 0;
    }

    /** One line per input: what was written, or (in a batch) why not. */
    private void said(Reconstruct.Item item, boolean batch) {
        Map<String, Object> e = item.report();
        if (!item.ok()) {
            if (batch) {
                common.err().println("isofield: " + item.error().getMessage());
            }
            return;
        }
        if (e.containsKey("field")) {
            common.info("wrote " + e.get("field") + " (" + e.get("field_kind") + ", " + sizeOf(Path.of((String)
                    e.get("field"))) + " bytes)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) e.get("details");
        if (details.containsKey("backend_reason")) {
            common.info("backend " + e.get("backend") + ": " + details.get("backend_device") + " ("
                    + details.get("backend_reason") + ")");
        }
        if (details.containsKey("voronoi_faces")) {
            common.info("voromesh: " + details.get("generators") + " generators at resolution "
                    + details.get("voronoi_resolution") + ", " + details.get("voronoi_faces") + " Voronoi faces, "
                    + details.get("self_intersections") + " self-intersecting pairs, " + details.get("components")
                    + " components, " + details.get("coordinates") + " coordinates");
        }
        common.info(String.format(Locale.ROOT, "wrote %s (%d vertices, %d faces, %s, %.1f s) from %s (%d points)",
                item.output(), (int) e.get("output_vertices"), (int) e.get("output_faces"),
                (boolean) e.get("watertight") ? "watertight" : "open", ((Number) e.get("total_seconds")).doubleValue(),
                item.input(), (int) e.get("input_points")));
    }

    private <T> T usage(Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(common.mixee.commandLine(), e.getMessage());
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(p + ": cannot read its size: " + e.getMessage(), e);
        }
    }

    private ReconstructorConfig loadConfig() {
        String otype = Reconstructors.resolve(method);
        if (config != null) {
            InputOptions.existing(common.mixee.commandLine(), config);
        }
        JsonNode doc = config == null ? Json.mapper().createObjectNode() : Json.read(config);
        if (!doc.isObject()) {
            throw new ConfigException("$", "expected a JSON object with the method's keys");
        }
        JsonNode given = doc.get("otype");
        if (given != null && !method.equalsIgnoreCase("auto") && !given.asText().equalsIgnoreCase(otype)) {
            throw new ConfigException("$.otype", "config is for " + given.asText() + " but --method is " + method);
        }
        List<String> sets = new ArrayList<>(set);
        boolean voronoi = otype.equals("VoroMesh");
        if ((voronoiResolution != null || float32) && !voronoi) {
            throw new ConfigException(voronoiResolution != null ? "voronoi_resolution" : "float32", "applies to "
                    + "--method voromesh; found --method " + method);
        }
        if (resolution != null && voronoi) {
            throw new ConfigException("resolution", "VoroMesh has no marching-cubes resolution; expected "
                    + "--voronoi-resolution N (its generator lattice) or --grid-resolution N (its field's grid)");
        }
        if (resolution != null) {
            sets.add("resolution=" + resolution);
        }
        if (gridResolution != null) {
            sets.add((voronoi ? "field.grid_resolution=" : "grid_resolution=") + gridResolution);
        }
        if (voronoiResolution != null) {
            sets.add("voronoi_resolution=" + voronoiResolution);
        }
        if (float32) {
            sets.add("float32=true");
        }
        boolean hasBackend = Reconstructors.registry().defaults(otype).hasBackend();
        if (!hasBackend && ((this.compute.backend != null && this.compute.backend.isDevice())
                || this.compute.precision != null)) {
            throw new ConfigException("backend", otype + " runs on the CPU (its optimisation is Java code);"
                    + " --backend and --precision apply to --method neuralpull; expected --backend auto or cpu");
        }
        if (hasBackend && this.compute.backend != null) {
            sets.add("backend=" + this.compute.backend.jsonName());
        }
        if (hasBackend && this.compute.precision != null) {
            sets.add("precision=" + this.compute.precision.jsonName());
        }
        ObjectNode merged = JsonOverrides.apply(doc, sets);
        if (!merged.has("otype")) {
            merged.put("otype", otype);
        }
        return Reconstructors.registry().parse(merged);
    }

    private List<Path> targets(List<Path> files) {
        if ((out == null) == (outDir == null)) {
            throw new ParameterException(common.mixee.commandLine(),
                    "give either -o/--output (one input) or --out-dir");
        }
        if (out != null) {
            if (files.size() != 1) {
                throw new ParameterException(common.mixee.commandLine(), "-o takes one input, found " + files.size()
                        + "; use --out-dir for a batch");
            }
            return List.of(out);
        }
        return usage(() -> Reconstruct.targets(files, outDir));
    }

    private void writeReport(Reconstruct.Batch done) {
        if (report != null) {
            AtomicFiles.writeString(report, output.force, Json.write(done.report()) + "\n");
        }
    }
}
