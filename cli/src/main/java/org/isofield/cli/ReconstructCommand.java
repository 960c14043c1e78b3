package org.isofield.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.isofield.core.CancelledException;
import org.isofield.core.ConfigException;
import org.isofield.core.FormatException;
import org.isofield.core.IsofieldException;
import org.isofield.core.Progress;
import org.isofield.core.config.Json;
import org.isofield.core.config.JsonOverrides;
import org.isofield.core.io.AtomicFiles;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.io.GeometryFormat;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.io.WriteOptions;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import org.isofield.fields.io.FieldFiles;
import org.isofield.reconstruction.InvalidCloudException;
import org.isofield.reconstruction.Reconstruction;
import org.isofield.reconstruction.ReconstructorConfig;
import org.isofield.reconstruction.Reconstructors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code isofield reconstruct INPUT... -o OUT | --out-dir DIR}: point clouds to closed meshes, one or a batch. */
@Command(name = "reconstruct", mixinStandardHelpOptions = true,
        description = {"Reconstruct a closed mesh from each point cloud (normals not needed); an open scan gives an open",
            "mesh trimmed near the points (config keys surface, trim_distance, viewpoint).",
            "Folders are read for files of the known formats. In a batch a failing input is reported and the others go",
            "on; the exit code is then 6. See 'isofield config defaults reconstructor GridPull' (or NeuralPull) for the",
            "settings."})
final class ReconstructCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Point cloud files or folders of them.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "MESH", description = "Output mesh, for a single input.")
    Path out;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Output folder; meshes are named <input stem>.ply.")
    Path outDir;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "auto",
            description = "auto, gridpull or neuralpull (hash-grid neural field trained by pulling; slower). auto is "
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

    @picocli.CommandLine.Mixin
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

    @Option(names = "--report", paramLabel = "FILE.json",
            description = "Write a JSON report: per input the method, config, phase times, peak heap, counts, watertight.")
    Path report;

    @Override
    public Integer call() {
        ReconstructorConfig cfg = loadConfig();
        List<Path> files = expand();
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
        List<Map<String, Object>> entries = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path in = files.get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("input", in.toString());
            entry.put("output", targets.get(i).toString());
            entries.add(entry);
            try {
                runOne(in, targets.get(i), cfg, entry);
            } catch (CancelledException e) {
                throw e;
            } catch (IsofieldException | UncheckedIOException | IllegalArgumentException e) {
                RuntimeException err = e instanceof InvalidCloudException ? FormatException.inFile(in, e.getMessage(), e) : e;
                if (!batch) {
                    writeReport(entries, List.of(in.toString()));
                    throw err;
                }
                entry.put("error", err.getMessage());
                failed.add(in.toString());
                common.err().println("isofield: " + err.getMessage());
            }
        }
        writeReport(entries, failed);
        if (!failed.isEmpty()) {
            common.err().println("isofield: reconstructed " + (files.size() - failed.size()) + " of " + files.size()
                    + " inputs; failed: " + String.join(", ", failed));
            return IsofieldException.EXIT_BATCH;
        }
        return 0;
    }

    private void runOne(Path in, Path target, ReconstructorConfig cfg, Map<String, Object> entry) {
        PhaseTimes times = new PhaseTimes(common.progress());
        long t0 = System.nanoTime();
        PointCloud cloud = common.phase("read", () -> PointClouds.read(in, input.readOptions(common.progress())));
        times.add("read", t0, System.nanoTime());
        Reconstruction r = common.phase("reconstruct", () -> Reconstructors.create(cfg).run(cloud, times));
        TriangleMesh mesh = r.mesh();
        if (saveField != null && r.savedField().isEmpty()) {
            throw new IsofieldException("reconstruct: method " + cfg.otype() + " keeps no field to save; expected a "
                    + "method with a field for --save-field (GridPull)");
        }
        long t1 = System.nanoTime();
        common.phase("write", () -> Meshes.write(mesh, target, new WriteOptions(!output.ascii, output.force, Progress.NONE)));
        times.add("write", t1, System.nanoTime());
        if (saveField != null) {
            long t2 = System.nanoTime();
            common.phase("save field", () -> FieldFiles.write(r.field(), saveField, output.force));
            times.add("save_field", t2, System.nanoTime());
            entry.put("field", saveField.toString());
            common.info("wrote " + saveField + " (" + r.field().kind() + ", " + sizeOf(saveField) + " bytes)");
        }
        MeshReport checks = MeshChecks.check(mesh);
        entry.put("method", cfg.otype());
        Object backend = r.details().getOrDefault("backend", "cpu");
        entry.put("backend", backend);
        if (r.details().containsKey("backend_reason")) {
            common.info("backend " + backend + ": " + r.details().get("backend_device") + " ("
                    + r.details().get("backend_reason") + ")");
        }
        entry.put("config", Reconstructors.registry().toJson(cfg));
        entry.put("phases_seconds", times.seconds());
        entry.put("total_seconds", Math.round((System.nanoTime() - t0) * 1e-6) / 1e3);
        entry.put("peak_heap_bytes", CommonOptions.peakHeapBytes());
        entry.put("input_points", cloud.size());
        entry.put("output_vertices", mesh.vertexCount());
        entry.put("output_faces", mesh.faceCount());
        entry.put("watertight", checks.watertight());
        entry.put("components", checks.components());
        entry.put("details", r.details());
        common.info(String.format(Locale.ROOT, "wrote %s (%d vertices, %d faces, %s, %.1f s) from %s (%d points)", target,
                mesh.vertexCount(), mesh.faceCount(), checks.watertight() ? "watertight" : "open",
                (System.nanoTime() - t0) * 1e-9, in, cloud.size()));
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
        if (resolution != null) {
            sets.add("resolution=" + resolution);
        }
        if (gridResolution != null) {
            sets.add("grid_resolution=" + gridResolution);
        }
        boolean neural = "NeuralPull".equals(otype);
        if (!neural && ((compute.backend != null && compute.backend.isDevice()) || compute.precision != null)) {
            throw new ConfigException("backend", otype + " runs on the CPU (its optimisation is Java code);"
                    + " --backend and --precision apply to --method neuralpull; expected --backend auto or cpu");
        }
        if (neural && compute.backend != null) {
            sets.add("backend=" + compute.backend.jsonName());
        }
        if (neural && compute.precision != null) {
            sets.add("precision=" + compute.precision.jsonName());
        }
        ObjectNode merged = JsonOverrides.apply(doc, sets);
        if (!merged.has("otype")) {
            merged.put("otype", otype);
        }
        return Reconstructors.registry().parse(merged);
    }

    private List<Path> expand() {
        List<Path> files = new ArrayList<>();
        List<String> known = GeometryFormat.allExtensions();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile)
                            .filter(f -> known.stream().anyMatch(e -> f.getFileName().toString().toLowerCase(Locale.ROOT)
                                    .endsWith(e)))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(p + ": cannot list folder: " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new ParameterException(common.mixee.commandLine(), p + ": no such file or folder");
            }
        }
        if (files.isEmpty()) {
            throw new ParameterException(common.mixee.commandLine(), "no input files found in " + inputs
                    + "; expected files with extensions " + String.join(", ", known));
        }
        return files;
    }

    private List<Path> targets(List<Path> files) {
        if ((out == null) == (outDir == null)) {
            throw new ParameterException(common.mixee.commandLine(), "give either -o/--output (one input) or --out-dir");
        }
        if (out != null) {
            if (files.size() != 1) {
                throw new ParameterException(common.mixee.commandLine(), "-o takes one input, found " + files.size()
                        + "; use --out-dir for a batch");
            }
            return List.of(out);
        }
        List<Path> targets = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            int dot = name.lastIndexOf('.');
            Path t = outDir.resolve((dot > 0 ? name.substring(0, dot) : name) + ".ply");
            if (targets.contains(t)) {
                throw new ParameterException(common.mixee.commandLine(), "two inputs would both write " + t);
            }
            targets.add(t);
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(outDir + ": cannot create folder: " + e.getMessage(), e);
        }
        return targets;
    }

    private void writeReport(List<Map<String, Object>> entries, List<String> failed) {
        if (report == null) {
            return;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("inputs", entries);
        doc.put("succeeded", entries.size() - failed.size());
        doc.put("failed", failed);
        AtomicFiles.writeString(report, output.force, Json.write(doc) + "\n");
    }
}
