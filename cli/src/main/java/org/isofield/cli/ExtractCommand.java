package org.isofield.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.isofield.core.compute.Backend;
import org.isofield.core.compute.Backends;
import org.isofield.core.compute.Precision;
import org.isofield.core.config.Configs;
import org.isofield.datasets.clean.SmallPieces;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.io.Meshes;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.io.FieldFiles;
import org.isofield.reconstruction.FieldKind;
import org.isofield.reconstruction.FieldKinds;
import org.isofield.reconstruction.Reconstruct;
import org.isofield.reconstruction.Reconstruction;
import org.isofield.reconstruction.neural.FieldExtractor;
import org.isofield.reconstruction.voromesh.VoroMesh;
import org.isofield.reconstruction.voromesh.VoroMeshConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code isofield extract FIELD -o MESH.ply}: marching cubes on a stored field's zero level set, in world units. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Mesh the zero level set of an .isf field file with marching cubes (or VoroMesh: --extractor",
            "voronoi), in the world frame.",
            "Kinds: neural (dense marching cubes over the unit cube) and gridpull-sparse (from reconstruct",
            "--save-field: sparse marching cubes over the stored bricks; the defaults give reconstruct's mesh)."})
final class ExtractCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    OutputOptions output;

    @Mixin
    BackendOptions compute;

    @Parameters(paramLabel = "FIELD", description = "The field file (.isf).")
    Path field;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "MESH",
            description = "Output mesh (.ply, .obj, ...).")
    Path out;

    @Option(names = "--resolution", paramLabel = "N",
            description = {"neural: samples per axis over the field's unit cube, 2 to 4096 (default "
                + FieldExtractor.DEFAULT_RESOLUTION + ");",
                "gridpull-sparse: marching-cubes cells across the longest side, 8 to 2048 (default: the stored "
                + "grid's)."})
    Integer resolution;

    @Option(names = "--min-piece-fraction", paramLabel = "F",
            description = {"Remove disconnected pieces with fewer faces than this fraction of the largest piece's;",
                "0 keeps every piece. Default: " + SmallPieces.DEFAULT_MIN_PIECE_FRACTION
                + " (gridpull-sparse: the reconstruction's, stored in the file)."})
    Double minPieceFraction;

    @Option(names = "--extractor", paramLabel = "NAME", defaultValue = "marching-cubes",
            description = {"marching-cubes, or voronoi: VoroMesh on the field (generators fitted to samples of its",
                "zero set, occupancy from its sign): closed, never self-intersecting, fewer faces. Default:",
                "${DEFAULT-VALUE}."})
    String extractor;

    @Option(names = "--voronoi-resolution", paramLabel = "N",
            description = "voronoi: generator lattice cells across the longest side, 8 to 1024 (default 128).")
    Integer voronoiResolution;

    @Option(names = "--float32", description = "voronoi: write float32 coordinates (checked again after rounding).")
    boolean float32;

    @Override
    public Integer call() {
        if (OutputOptions.isStdout(out)) {
            throw new ParameterException(common.mixee.commandLine(), "-o -: meshes are written to files here; "
                    + "standard output is for convert, prep, normals and sample (write a file, then "
                    + "'isofield convert FILE - --output-format FORMAT')");
        }
        InputOptions.existing(common.mixee.commandLine(), field);
        boolean voronoi = switch (extractor) {
            case "marching-cubes" -> false;
            case "voronoi" -> true;
            default -> throw new CommandLine.ParameterException(common.mixee.commandLine(), "--extractor " + extractor
                    + ": expected marching-cubes or voronoi");
        };
        if (!voronoi && (voronoiResolution != null || float32)) {
            throw new CommandLine.ParameterException(common.mixee.commandLine(), (float32 ? "--float32" :
                    "--voronoi-resolution") + " applies to --extractor voronoi");
        }
        if (voronoi) {
            return voronoi();
        }
        if (resolution != null && (resolution < 2 || resolution > 4096)) {
            throw new CommandLine.ParameterException(common.mixee.commandLine(),
                    "--resolution " + resolution + ": expected 2 to 4096");
        }
        if (minPieceFraction != null && !(minPieceFraction >= 0 && minPieceFraction <= 1)) {
            throw new CommandLine.ParameterException(common.mixee.commandLine(),
                    "--min-piece-fraction " + minPieceFraction + ": expected 0 to 1");
        }
        OutputOptions.refuseExisting(output.force, out);
        FieldFile f = common.phase("read", () -> FieldFiles.read(field));
        FieldKind kind = FieldKinds.of(f, field);
        if (resolution != null) {
            try {
                kind.checkResolution(resolution);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(common.mixee.commandLine(), e.getMessage());
            }
        }
        Backends.Selection selected = kind.extractionBackend(f, field, compute.backend(Backend.AUTO),
                compute.precision(Precision.FP32));
        if (kind.display() == FieldKind.Display.SPHERE_TRACED) {
            common.info("backend " + selected.describe());
        }
        var precision = compute.precision(Precision.FP32);
        var cleaned = common.phase("extract", () -> GridFieldMeshes.extract(f, field, resolution, minPieceFraction,
                selected, precision, common.progress()));
        TriangleMesh mesh = cleaned.mesh();
        if (cleaned.componentsRemoved() > 0) {
            common.info("removed " + cleaned.componentsRemoved() + " of " + cleaned.componentsBefore()
                    + " pieces (" + cleaned.facesRemoved() + " faces) below the fraction of the largest");
        }
        common.phase("write", () -> Meshes.write(mesh, out, output.writeOptions(common.progress())));
        common.info("wrote " + out + " (" + mesh.vertexCount() + " vertices, " + mesh.faceCount() + " faces, "
                + f.kind() + ", resolution " + (resolution == null ? "default" : resolution) + ")");
        return 0;
    }

    /** {@code --extractor voronoi}. */
    private int voronoi() {
        if (resolution != null || minPieceFraction != null) {
            throw new CommandLine.ParameterException(common.mixee.commandLine(), "--resolution and "
                    + "--min-piece-fraction apply to marching cubes; expected --voronoi-resolution with "
                    + "--extractor voronoi");
        }
        VoroMeshConfig config = Configs.with(VoroMeshConfig.DEFAULT, "voronoi_resolution", voronoiResolution == null
                ? VoroMeshConfig.DEFAULT.voronoiResolution() : voronoiResolution, "float32", float32);
        OutputOptions.refuseExisting(output.force, out);
        FieldFile f = common.phase("read", () -> FieldFiles.read(field));
        Reconstruction r = common.phase("extract", () -> new VoroMesh(config).extract(f, field, common.progress()));
        common.phase("write", () -> Reconstruct.write(r, out, output.writeOptions(common.progress())));
        Map<String, Object> d = r.details();
        common.info("wrote " + out + " (" + r.exact().vertexCount() + " vertices, " + r.exact().faceCount()
                + " faces, " + d.get("coordinates") + ", " + d.get("generators") + " generators at resolution "
                + config.voronoiResolution() + "; " + ((boolean) d.get("watertight") ? "watertight" : "NOT watertight")
                + ", " + d.get("self_intersections") + " self-intersecting pairs, " + d.get("components")
                + " components)");
        return 0;
    }
}
