package org.isofield.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.sample.SamplerConfig;
import org.isofield.datasets.sample.Samplers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code isofield sample MESH -o CLOUD.ply}: area-weighted surface samples, optionally noisy. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Sample points on a mesh's surface, area-weighted, and write them as a point cloud (binary PLY "
                + "by default).")
final class SampleCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "MESH", description = "The mesh to sample.")
    Path mesh;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "CLOUD",
            description = "Output point cloud (.ply, .xyz, ...).")
    Path out;

    @Option(names = {"-n", "--n-points"}, paramLabel = "N", defaultValue = "100000",
            description = "Number of points. Default: ${DEFAULT-VALUE}.")
    int nPoints;

    @Option(names = "--noise", paramLabel = "SIGMA", defaultValue = "0",
            description = "Gaussian noise per coordinate, as a fraction of the mesh's bounding-box diagonal. Default: "
                    + "${DEFAULT-VALUE}.")
    double noise;

    @Option(names = "--normals", description = "Also write the normals of the sampled faces.")
    boolean normals;

    @Override
    public Integer call() {
        InputOptions.existing(common.mixee.commandLine(), mesh);
        SamplerConfig cfg = common.config(() -> new SamplerConfig(nPoints, noise, normals, common.seed()));
        TriangleMesh m = common.phase("read", () -> Meshes.read(mesh, input.readOptions(common.progress())));
        PointCloud cloud = common.phase("sample", () -> Samplers.create(cfg).sample(m, common.progress()));
        common.phase("write", () -> PointClouds.write(cloud, out, output.writeOptions(common.progress())));
        common.wrote(out, "wrote " + out + " (" + cloud.size() + " points" + (normals ? " with normals" : "")
                + (noise > 0 ? ", noise " + noise + " x diagonal" : "") + ")");
        return 0;
    }
}
