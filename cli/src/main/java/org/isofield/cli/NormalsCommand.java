package org.isofield.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.normals.PcaNormals;
import org.isofield.datasets.normals.PointNormals;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code isofield normals CLOUD -o OUT}: oriented normals for tools that need them (screened Poisson, ball
 * pivoting): PCA over the nearest points, oriented along a minimum spanning tree (Hoppe 1992), towards the
 * viewpoint when given, else away from the centroid of each connected part.
 */
@Command(name = "normals", mixinStandardHelpOptions = true,
        description = "Estimate oriented normals of a point cloud (PCA over the nearest points, minimum-spanning-tree "
                + "orientation) and write the cloud with them.")
final class NormalsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "CLOUD", description = "The point cloud (.ply, .xyz, ...); normals it has are replaced.")
    Path cloud;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "Output point cloud with normals (.ply, .xyz, ...).")
    Path out;

    @Option(names = "--neighbors", paramLabel = "K", defaultValue = "" + PcaNormals.DEFAULT_NEIGHBOURS,
            description = "Points per PCA neighbourhood, 3 or more. Default: ${DEFAULT-VALUE}.")
    int neighbors;

    @Option(names = "--viewpoint", paramLabel = "X,Y,Z", split = ",",
            description = "Where the scanner was, in the cloud's coordinates: normals face it. Default: away from "
                    + "the centroid of each connected part (closed objects).")
    double[] viewpoint;

    @Override
    public Integer call() {
        CommandLine cl = common.mixee.commandLine();
        InputOptions.existing(cl, cloud);
        if (neighbors < 3) {
            throw new CommandLine.ParameterException(cl, "--neighbors is " + neighbors + "; expected 3 or more");
        }
        Vec3d view = null;
        if (viewpoint != null) {
            if (viewpoint.length != 3 || !Arrays.stream(viewpoint).allMatch(Double::isFinite)) {
                throw new CommandLine.ParameterException(cl, "--viewpoint is " + Arrays.toString(viewpoint)
                        + "; expected three finite numbers X,Y,Z");
            }
            view = new Vec3d(viewpoint[0], viewpoint[1], viewpoint[2]);
        }
        Vec3d v = view;
        PointCloud in = common.phase("read", () -> PointClouds.read(cloud, input.readOptions(common.progress())));
        if (in.size() < 3) {
            throw new CommandLine.ParameterException(cl, cloud + ": the cloud has " + in.size()
                    + " points; expected at least 3 to estimate normals");
        }
        PointCloud withNormals = common.phase("normals", () -> PointNormals.estimate(in, neighbors, v));
        common.phase("write", () -> PointClouds.write(withNormals, out, output.writeOptions(common.progress())));
        common.wrote(out, "wrote " + out + " (" + withNormals.size() + " points with normals from " + neighbors
                + "-point neighbourhoods, oriented " + (v == null ? "away from the centroid" : "towards " + v) + ")");
        return 0;
    }
}
