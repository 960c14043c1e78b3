package org.isofield.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.isofield.core.config.Json;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.datasets.io.Meshes;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.metrics.PointCoverage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code isofield coverage MESH CLOUD}: how much of the input cloud a mesh explains, per depth or density quartile. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {"Share of a cloud's points within FACTOR of their own spacings (distance to the nearest other "
            + "point) of a mesh, overall and per quartile: of depth from --viewpoint (a range scan), else of spacing "
            + "(sparse quarter last). No ground truth needed: a surface lost where the points are sparse shows in the "
            + "last quartile."})
final class CoverageCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Parameters(index = "0", paramLabel = "MESH", description = "The reconstructed mesh.")
    Path mesh;

    @Parameters(index = "1", paramLabel = "CLOUD", description = "The input point cloud.")
    Path cloud;

    @Option(names = "--factor", paramLabel = "F", defaultValue = "3",
            description = "A point is covered within F of its spacings of the mesh. Default: ${DEFAULT-VALUE}.")
    double factor;

    @Option(names = "--viewpoint", paramLabel = "X,Y,Z", split = ",",
            description = "The sensor position: quartiles of depth from it instead of spacing.")
    double[] viewpoint;

    @Option(names = "--json", description = "Print one JSON object instead of lines.")
    boolean json;

    @Override
    public Integer call() {
        CommandLine cl = common.mixee.commandLine();
        InputOptions.existing(cl, mesh);
        InputOptions.existing(cl, cloud);
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new CommandLine.ParameterException(cl, "--factor is " + factor + "; expected a number above 0");
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
        TriangleMesh m = common.phase("read mesh", () -> Meshes.read(mesh, input.readOptions(common.progress())));
        PointCloud c = common.phase("read cloud", () -> PointClouds.read(cloud, input.readOptions(common.progress())));
        PointCoverage.Result r;
        try {
            r = common.phase("coverage", () -> PointCoverage.of(m, c, factor, v));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("points", c.size());
            out.put("factor", factor);
            out.put("covered", r.share());
            out.put("quartiles_by", r.by());
            out.put("quartile_covered", r.quartileShares());
            out.put("quartile_upper", r.quartileUpper());
            out.put("median_distance", r.medianDistance());
            common.out().println(Json.write(out));
            return 0;
        }
        common.out().printf(Locale.ROOT, "covered within %s spacings: %.4f of %d points (median distance %.4g)%n",
                factor, r.share(), c.size(), r.medianDistance());
        for (int q = 0; q < 4; q++) {
            common.out().printf(Locale.ROOT, "  %s quartile %d (up to %.4g): %.4f%n", r.by(), q + 1,
                    r.quartileUpper()[q], r.quartileShares()[q]);
        }
        return 0;
    }
}
