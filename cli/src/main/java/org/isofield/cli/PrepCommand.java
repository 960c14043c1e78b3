package org.isofield.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.isofield.core.config.Json;
import org.isofield.core.io.AtomicFiles;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.prep.CloudPrep;
import org.isofield.datasets.prep.PrepStepConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code isofield prep CLOUD -o OUT}: crop, outlier removal and voxel downsampling of a raw scan, with a line per
 * step of what it removed (and the same in {@code --report}).
 */
@Command(name = "prep", mixinStandardHelpOptions = true,
        description = {"Prepare a raw point cloud: crop, remove statistical and radius outliers, downsample to voxels;",
            "prints what each step removed. The same options work on 'reconstruct'."})
final class PrepCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Mixin
    PrepOptions prep;

    @Parameters(paramLabel = "CLOUD", description = "The point cloud (.ply, .xyz, ...).")
    Path cloud;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "The prepared cloud (.ply, .xyz, ...); normals and colours are kept.")
    Path out;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write each step's counts and thresholds.")
    Path report;

    @Override
    public Integer call() {
        CommandLine cl = common.mixee.commandLine();
        InputOptions.existing(cl, cloud);
        List<PrepStepConfig> steps = prep.steps(cl);
        if (steps.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "no preparation step asked for; expected one or more of "
                    + "--crop, --statistical-outliers, --radius-outliers, --voxel-size or --prep-config");
        }
        OutputOptions.refuseExisting(output.force, out);
        if (report != null) {
            OutputOptions.refuseExisting(output.force, report);
        }
        PointCloud in = common.phase("read", () -> PointClouds.read(cloud, input.readOptions(common.progress())));
        CloudPrep.Result r = CloudPrep.run(in, steps, common.progress());
        for (Map<String, Object> step : r.steps()) {
            common.wrote(out, step.get("step") + ": " + step.get("removed") + " of " + step.get("points_in")
                    + " points removed, " + step.get("points_out") + " left");
        }
        common.phase("write", () -> PointClouds.write(r.cloud(), out, output.writeOptions(common.progress())));
        if (report != null) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("input", cloud.toString());
            entry.put("output", out.toString());
            entry.put("input_points", in.size());
            entry.put("output_points", r.cloud().size());
            entry.put("steps", r.steps());
            AtomicFiles.writeString(report, output.force, Json.write(entry) + "\n");
        }
        common.wrote(out, "wrote " + out + " (" + r.cloud().size() + " of " + in.size() + " points)");
        return 0;
    }
}
