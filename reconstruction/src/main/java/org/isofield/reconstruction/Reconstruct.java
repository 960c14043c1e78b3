package org.isofield.reconstruction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.isofield.core.CancelledException;
import org.isofield.core.FormatException;
import org.isofield.core.IsofieldException;
import org.isofield.core.PhaseTimes;
import org.isofield.core.Progress;
import org.isofield.core.Reports;
import org.isofield.datasets.attributes.AttributeTransfer;
import org.isofield.datasets.clean.CleanStepConfig;
import org.isofield.datasets.clean.MeshCleanup;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.VertexAttributes;
import org.isofield.datasets.prep.CloudPrep;
import org.isofield.datasets.prep.PrepStepConfig;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.io.GeometryFormat;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.io.ReadOptions;
import org.isofield.datasets.io.WriteOptions;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import org.isofield.fields.io.FieldFiles;

/**
 * Static entry points of reconstruction. In memory: {@code TriangleMesh mesh = Reconstruct.mesh(cloud);} runs the
 * default method ({@link Reconstructors#AUTO}) with its default config; {@link #run} takes a config and progress.
 * Files: {@link #batch} is what {@code isofield reconstruct} does: folders expand to the cloud files in them
 * ({@link #expand}), outputs are named after the inputs ({@link #targets}), every input is read, reconstructed and
 * written atomically, and each gets a report entry (method, config, phase times, peak heap, counts, checks, the
 * method's details). A bad input in a batch is recorded and the others go on.
 */
public final class Reconstruct {
    private Reconstruct() {
    }

    /** A mesh of the surface the points sample (closed and outward-oriented, or an open sheet), by the defaults. */
    public static TriangleMesh mesh(PointCloud cloud) {
        return run(cloud, Reconstructors.registry().defaults(Reconstructors.AUTO), Progress.NONE).mesh();
    }

    /** Runs the method of {@code config} on the cloud. */
    public static Reconstruction run(PointCloud cloud, ReconstructorConfig config, Progress progress) {
        return Reconstructors.create(config).run(cloud, progress);
    }

    /**
     * How files are read and written.
     *
     * @param read options for reading the clouds (format, non-finite points)
     * @param write how meshes are written: binary or ASCII, whether existing outputs (and a saved field) may be
     *     replaced, the format ({@code auto}: from the output's extension); its progress is not used
     * @param saveField where to save the method's field ({@code .isf}), or null; one input only
     * @param prep cloud-preparation steps run on each cloud after reading ({@link CloudPrep}), in order; may be empty
     * @param vertexAttributes whether the output vertices carry the cloud's colours and scalars and a {@code quality}
     *     scalar (distance to the nearest input point; {@link AttributeTransfer})
     * @param clean mesh clean-up steps run on each mesh after reconstruction ({@link MeshCleanup}, with the prepared
     *     cloud), in order; may be empty. A cleaned mesh is written in float coordinates, also for methods that make
     *     a double-precision mesh (VoroMesh), and its vertex attributes are transferred to the cleaned vertices
     */
    public record Options(ReadOptions read, WriteOptions write, Path saveField, List<PrepStepConfig> prep,
            boolean vertexAttributes, List<CleanStepConfig> clean) {
        /** Default reading, binary output, no overwriting, no field, no preparation, vertex attributes, no clean-up. */
        public static final Options DEFAULT = new Options(ReadOptions.DEFAULT, WriteOptions.DEFAULT, null, List.of(),
                true, List.of());

        public Options {
            prep = List.copyOf(prep);
            clean = List.copyOf(clean);
        }

        /** Options without clean-up. */
        public Options(ReadOptions read, WriteOptions write, Path saveField, List<PrepStepConfig> prep,
                boolean vertexAttributes) {
            this(read, write, saveField, prep, vertexAttributes, List.of());
        }
    }

    /**
     * One input's outcome.
     *
     * @param report its report entry (snake_case keys: {@code input}, {@code output}, and on success {@code method},
     *     {@code config}, {@code phases_seconds}, ..., {@code details}; on failure {@code error})
     * @param error the failure, or null
     */
    public record Item(Path input, Path output, Map<String, Object> report, RuntimeException error) {
        public boolean ok() {
            return error == null;
        }
    }

    /** Every input's outcome, in input order. */
    public record Batch(List<Item> items) {
        public Batch {
            items = List.copyOf(items);
        }

        /** The inputs that failed, as given. */
        public List<String> failed() {
            return items.stream().filter(i -> !i.ok()).map(i -> i.input().toString()).toList();
        }

        /** The batch report: {@code inputs} (the entries), {@code succeeded}, {@code failed}. */
        public Map<String, Object> report() {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("inputs", items.stream().map(Item::report).toList());
            doc.put("succeeded", items.size() - failed().size());
            doc.put("failed", failed());
            return doc;
        }
    }

    /** Reconstructs every cloud file of {@code inputs} (files or folders) into {@code outDir} with default options. */
    public static Batch batch(List<Path> inputs, Path outDir, ReconstructorConfig config, Progress progress) {
        List<Path> files = expand(inputs);
        return run(files, targets(files, outDir), config, Options.DEFAULT, progress, item -> { }, false);
    }

    /**
     * The cloud files of {@code inputs}: files as given ({@code -} for standard input), folders as their files with
     * a known geometry extension (or that extension and {@code .gz}), sorted by name.
     *
     * @throws IllegalArgumentException for a path that is neither, or when no file is found
     */
    public static List<Path> expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        List<String> known = GeometryFormat.allExtensions();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile)
                            .filter(f -> known.stream().anyMatch(e
                            -> f.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "")
                                    .endsWith(e)))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(p + ": cannot list folder: " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p) || p.toString().equals("-")) {
                files.add(p);
            } else {
                throw new IllegalArgumentException(p + ": no such file or folder");
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no input files found in " + inputs + "; expected files with extensions "
                    + String.join(", ", known));
        }
        return files;
    }

    /**
     * The output of each file in {@code outDir}: its name with the extension replaced by {@code .ply}; creates the
     * folder.
     *
     * @throws IllegalArgumentException when two inputs would write the same output
     */
    public static List<Path> targets(List<Path> files, Path outDir) {
        List<Path> targets = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            int dot = name.lastIndexOf('.');
            Path t = outDir.resolve((dot > 0 ? name.substring(0, dot) : name) + ".ply");
            if (targets.contains(t)) {
                throw new IllegalArgumentException("two inputs would both write " + t);
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

    /**
     * Reconstructs {@code files[i]} into {@code targets[i]}.
     *
     * @param done called after each input, failed or not (the command prints a line per input)
     * @param stopAtFirstError stop after the first failure (a single input), else go on
     * @throws CancelledException when {@code progress} asks to stop
     */
    public static Batch run(List<Path> files, List<Path> targets, ReconstructorConfig config, Options options,
            Progress progress, Consumer<Item> done, boolean stopAtFirstError) {
        if (files.size() != targets.size()) {
            throw new IllegalArgumentException(files.size() + " inputs but " + targets.size() + " outputs");
        }
        if (options.saveField() != null && files.size() != 1) {
            throw new IllegalArgumentException("a field is saved for one input, found " + files.size()
                    + "; reconstruct the inputs one at a time to save their fields");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path in = files.get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("input", in.toString());
            entry.put("output", targets.get(i).toString());
            Item item;
            try {
                one(in, targets.get(i), config, options, progress, entry);
                item = new Item(in, targets.get(i), entry, null);
            } catch (CancelledException e) {
                throw e;
            } catch (IsofieldException | UncheckedIOException | IllegalArgumentException e) {
                RuntimeException err = e instanceof InvalidCloudException ? FormatException.inFile(in, e.getMessage(),
                        e)
                        : e;
                entry.put("error", err.getMessage());
                item = new Item(in, targets.get(i), entry, err);
            }
            items.add(item);
            done.accept(item);
            if (!item.ok() && stopAtFirstError) {
                break;
            }
        }
        return new Batch(items);
    }

    private static void one(Path in, Path target, ReconstructorConfig config, Options options, Progress progress,
            Map<String, Object> entry) {
        PhaseTimes times = new PhaseTimes(progress);
        long t0 = System.nanoTime();
        PointCloud read = PointClouds.read(in, options.read());
        times.add("read", t0, System.nanoTime());
        PointCloud cloud = read;
        if (!options.prep().isEmpty()) {
            CloudPrep.Result prepared = CloudPrep.run(read, options.prep(), times);
            entry.put("prep", prepared.steps());
            cloud = prepared.cloud();
        }
        Reconstruction r = Reconstructors.create(config).run(cloud, times);
        TriangleMesh mesh = r.mesh();
        boolean cleaned = !options.clean().isEmpty();
        if (cleaned) {
            MeshCleanup.Result c = MeshCleanup.run(mesh, cloud, options.clean(), times);
            entry.put("clean", c.steps());
            mesh = c.mesh();
        }
        if (options.saveField() != null && r.savedField().isEmpty()) {
            throw new IsofieldException("reconstruct: method " + config.otype() + " keeps no field to save; expected a "
                    + "method with a field for --save-field (GridPull)");
        }
        VertexAttributes attributes = VertexAttributes.NONE;
        if (options.vertexAttributes()) {
            long ta = System.nanoTime();
            attributes = r.exactMesh().isPresent() && !cleaned ? AttributeTransfer.transfer(r.exact(), cloud)
                    : AttributeTransfer.transfer(mesh, cloud);
            times.add("attributes", ta, System.nanoTime());
            List<String> names = new ArrayList<>(attributes.scalars().keySet());
            if (attributes.colors() != null) {
                names.add(0, "red green blue");
            }
            entry.put("vertex_attributes", names);
        }
        long t1 = System.nanoTime();
        if (cleaned) {
            Meshes.write(mesh, attributes, target, options.write().withProgress(Progress.NONE));
        } else {
            write(r, attributes, target, options.write().withProgress(Progress.NONE));
        }
        times.add("write", t1, System.nanoTime());
        if (options.saveField() != null) {
            long t2 = System.nanoTime();
            FieldFiles.write(r.field(), options.saveField(), options.write().overwrite());
            times.add("save_field", t2, System.nanoTime());
            entry.put("field", options.saveField().toString());
            entry.put("field_kind", r.field().kind());
        }
        TriangleMesh written = mesh;
        MeshReport checks = cleaned ? MeshChecks.check(mesh) : r.exactMesh().map(m -> MeshChecks.check(m, false))
                .orElseGet(() -> MeshChecks.check(written));
        entry.put("method", config.otype());
        entry.put("backend", r.details().getOrDefault("backend", "cpu"));
        entry.put("config", Reconstructors.registry().toJson(config));
        Reports.put(entry, "phases_seconds", times.seconds(), "total_seconds",
                Math.round((System.nanoTime() - t0) * 1e-6) / 1e3, "peak_heap_bytes", PhaseTimes.peakHeapBytes(),
                "input_points", read.size(), "prepared_points", cloud.size(), "output_vertices", mesh.vertexCount(),
                "output_faces", mesh.faceCount(),
                "watertight", checks.watertight(), "components", checks.components(), "details", r.details());
    }

    /**
     * Writes a result's mesh atomically: the double-precision mesh when the method made one (to PLY as double
     * coordinates, or as float32 when its details say {@code "coordinates": "float32"}), else the float mesh.
     */
    public static void write(Reconstruction r, Path target, WriteOptions options) {
        write(r, VertexAttributes.NONE, target, options);
    }

    /** As {@link #write(Reconstruction, Path, WriteOptions)}, with per-vertex colours and scalars. */
    public static void write(Reconstruction r, VertexAttributes attributes, Path target, WriteOptions options) {
        if (r.exactMesh().isEmpty()) {
            Meshes.write(r.mesh(), attributes, target, options);
        } else if ("float32".equals(r.details().get("coordinates"))) {
            Meshes.write(r.exact().toFloatWorld(), attributes, target, options);
        } else {
            Meshes.write(r.exact(), attributes, target, options);
        }
    }
}
