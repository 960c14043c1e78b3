package org.isofield.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.isofield.core.config.Json;
import org.isofield.core.io.AtomicFiles;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.io.WriteOptions;
import org.isofield.datasets.metrics.EvalConfig;
import org.isofield.datasets.metrics.Evaluators;
import org.isofield.datasets.metrics.MeshChecks;
import org.isofield.datasets.metrics.MeshReport;
import org.isofield.datasets.metrics.SelfIntersections;
import org.isofield.datasets.metrics.SurfaceReport;
import org.isofield.datasets.sample.SamplerConfig;
import org.isofield.datasets.sample.Samplers;
import org.isofield.datasets.shapes.AnalyticShape;
import org.isofield.datasets.shapes.Shapes;
import org.isofield.reconstruction.Reconstruction;
import org.isofield.reconstruction.Reconstructors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code isofield demo}: the main job on built-in data, with no input files. Generates an analytic shape as a mesh,
 * samples a noisy point cloud from it (positions only, as from a scanner), reconstructs a mesh from the cloud with the
 * default method, evaluates the three against the exact surface, and writes what it made.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the main job on a built-in shape: sample a scan-like point cloud from it, reconstruct a "
                + "mesh",
            "from the cloud, evaluate it against the exact surface, and write shape.ply, cloud.ply,",
            "reconstruction.ply and report.json."})
final class DemoCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    OutputOptions output;

    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = "isofield-demo",
            description = "Folder for the outputs. Default: ${DEFAULT-VALUE}.")
    Path outDir;

    @Option(names = "--shape", paramLabel = "NAME", defaultValue = "csg-part",
            description = "Built-in shape: sphere, torus, rounded-box, capsule, csg-part. Default: ${DEFAULT-VALUE}.")
    String shapeName;

    @Option(names = "--resolution", paramLabel = "N", defaultValue = "128",
            description = "Mesh segments across the longest side. Default: ${DEFAULT-VALUE}.")
    int resolution;

    @Option(names = {"-n", "--n-points"}, paramLabel = "N", defaultValue = "50000",
            description = "Points in the sampled cloud. Default: ${DEFAULT-VALUE}.")
    int nPoints;

    @Option(names = "--noise", paramLabel = "SIGMA", defaultValue = "0.002",
            description = "Gaussian noise of the cloud per coordinate, as a fraction of the bounding-box diagonal. "
                    + "Default: ${DEFAULT-VALUE}.")
    double noise;

    @Override
    public Integer call() {
        AnalyticShape shape;
        try {
            shape = Shapes.byName(shapeName);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(common.mixee.commandLine(), "--shape: " + e.getMessage());
        }
        Path shapeFile = outDir.resolve("shape.ply");
        Path cloudFile = outDir.resolve("cloud.ply");
        Path reconFile = outDir.resolve("reconstruction.ply");
        Path reportFile = outDir.resolve("report.json");
        OutputOptions.refuseExisting(output.force, shapeFile, cloudFile, reconFile, reportFile);
        TriangleMesh mesh = common.phase("mesh", () -> shape.toMesh(resolution));
        MeshReport checks = common.phase("mesh checks", () -> MeshChecks.check(mesh, SelfIntersections::count));
        PointCloud cloud = common.phase("sample", () -> Samplers.create(new SamplerConfig(nPoints, noise, true,
                common.seed()))
                .sample(mesh, common.progress()));
        double[] cloudError = surfaceError(shape, cloud.positions(), cloud.origin().x(), cloud.origin().y(),
                cloud.origin().z());
        PointCloud scan = PointCloud.of(cloud.positions(), null, cloud.colors(), cloud.origin());
        Reconstruction recon = common.phase("reconstruct", () -> Reconstructors.create(
                Reconstructors.registry().defaults(Reconstructors.AUTO)).run(scan, common.progress()));
        TriangleMesh reconMesh = recon.mesh();
        MeshReport reconChecks = MeshChecks.check(reconMesh);
        PointCloud reconDense = Samplers.create(new SamplerConfig(100_000, 0.0, false, common.seed()
                + 2)).sample(reconMesh);
        double[] reconError = surfaceError(shape, reconDense.positions(), reconDense.origin().x(),
                reconDense.origin().y(),
                reconDense.origin().z());

        // How close is the mesh to the exact surface: distances of dense samples of the mesh to the analytic shape,
        // and the usual metrics of the mesh against a much finer tessellation.
        PointCloud dense = Samplers.create(new SamplerConfig(100_000, 0.0, false, common.seed() + 1)).sample(mesh);
        double[] meshError = surfaceError(shape, dense.positions(), dense.origin().x(), dense.origin().y(),
                dense.origin().z());
        TriangleMesh fine = shape.toMesh(Math.min(1024, resolution * 4));
        EvalConfig eval = new EvalConfig(100_000, common.seed(), EvalConfig.DEFAULT.fscoreThresholds());
        SurfaceReport vsFine = common.phase("evaluate", () -> Evaluators.create(eval).evaluate(mesh, fine,
                common.progress()));
        SurfaceReport reconVsFine = common.phase("evaluate", () -> Evaluators.create(eval).evaluate(reconMesh, fine,
                common.progress()));

        double diag = shape.bounds().diagonal();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("shape", shape.name());
        report.put("bounds_diagonal", diag);
        report.put("mesh", EvalCommand.meshJson(checks));
        report.put("mesh_surface_error_mean", meshError[0]);
        report.put("mesh_surface_error_max", meshError[1]);
        report.put("mesh_vs_finer_mesh", EvalCommand.toJson(vsFine, checks));
        report.put("cloud_points", cloud.size());
        report.put("cloud_noise", noise);
        report.put("cloud_surface_error_mean", cloudError[0]);
        report.put("cloud_surface_error_max", cloudError[1]);
        report.put("reconstruction_method", Reconstructors.AUTO);
        report.put("reconstruction", EvalCommand.meshJson(reconChecks));
        report.put("reconstruction_surface_error_mean", reconError[0]);
        report.put("reconstruction_surface_error_max", reconError[1]);
        report.put("reconstruction_vs_finer_mesh", EvalCommand.toJson(reconVsFine, reconChecks));
        report.put("reconstruction_details", recon.details());

        WriteOptions w = new WriteOptions(!output.ascii, output.force, common.progress());
        common.phase("write", () -> {
            Meshes.write(mesh, shapeFile, w);
            PointClouds.write(cloud, cloudFile, w);
            Meshes.write(reconMesh, reconFile, w);
            AtomicFiles.writeString(reportFile, output.force, Json.write(report) + System.lineSeparator());
        });

        var o = common.out();
        o.printf(Locale.ROOT, "shape      %s: %d vertices, %d faces, %s, genus %s, %d self-intersections%n",
                shape.name(),
                checks.vertices(), checks.faces(), checks.watertight() ? "watertight" : "open",
                checks.hasGenus() ? String.valueOf(checks.genus()) : "-", checks.selfIntersections());
        o.printf(Locale.ROOT,
                "mesh       distance to the exact surface: mean %.2e, max %.2e (%.4f%% of the diagonal)%n",
                meshError[0], meshError[1], 100 * meshError[1] / diag);
        o.printf(Locale.ROOT,
                "mesh       vs a 4x finer mesh: Chamfer-L1 %.6f, normal consistency %.4f, F-score@0.01 %.4f%n",
                vsFine.chamferL1(), vsFine.normalConsistency(), vsFine.fscore(0.01));
        o.printf(Locale.ROOT, "cloud      %d points, noise %.4f x diagonal: mean distance to the surface %.2e%n",
                cloud.size(), noise, cloudError[0]);
        o.printf(Locale.ROOT, "recon      %s from the cloud without normals: %d vertices, %d faces, %s, genus %s%n",
                Reconstructors.AUTO, reconChecks.vertices(), reconChecks.faces(),
                reconChecks.watertight() ? "watertight" : "open",
                reconChecks.hasGenus() ? String.valueOf(reconChecks.genus()) : "-");
        o.printf(Locale.ROOT,
                "recon      distance to the exact surface: mean %.2e, max %.2e (%.4f%% of the diagonal)%n",
                reconError[0], reconError[1], 100 * reconError[1] / diag);
        o.printf(Locale.ROOT,
                "recon      vs a 4x finer mesh: Chamfer-L1 %.6f, normal consistency %.4f, F-score@0.01 %.4f%n",
                reconVsFine.chamferL1(), reconVsFine.normalConsistency(), reconVsFine.fscore(0.01));
        o.printf(Locale.ROOT, "wrote      %s, %s, %s, %s%n", shapeFile, cloudFile, reconFile, reportFile);
        return 0;
    }

    /** Mean and max of |signed distance| to the exact surface over flat points relative to an origin. */
    private static double[] surfaceError(AnalyticShape shape, float[] xyz, double ox, double oy, double oz) {
        int n = xyz.length / 3;
        double sum = 0;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double d = Math.abs(shape.signedDistance(ox + xyz[3 * i], oy + xyz[3 * i + 1], oz + xyz[3 * i + 2]));
            sum += d;
            max = Math.max(max, d);
        }
        return new double[] {n == 0 ? 0 : sum / n, max};
    }
}
