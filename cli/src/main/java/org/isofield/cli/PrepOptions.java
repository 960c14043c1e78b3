package org.isofield.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.isofield.core.ConfigException;
import org.isofield.core.config.Json;
import org.isofield.datasets.prep.CropConfig;
import org.isofield.datasets.prep.PrepStepConfig;
import org.isofield.datasets.prep.PrepSteps;
import org.isofield.datasets.prep.RadiusOutliersConfig;
import org.isofield.datasets.prep.StatisticalOutliersConfig;
import org.isofield.datasets.prep.VoxelDownsampleConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Cloud-preparation options of {@code prep} and {@code reconstruct}: the steps run in the order crop, statistical
 * outliers, radius outliers, voxel downsampling, or in the order a {@code --prep-config} file lists them.
 */
final class PrepOptions {
    @Option(names = "--crop", paramLabel = "X0,Y0,Z0,X1,Y1,Z1", split = ",",
            description = "Keep the points inside this box (world coordinates, faces included).")
    double[] crop;

    @Option(names = "--statistical-outliers", paramLabel = "K,RATIO", arity = "0..1", fallbackValue = "",
            description = {"Remove points whose mean distance to their K nearest is above the mean plus RATIO",
                "standard deviations. Without a value: " + 20 + ",2.0."})
    String statistical;

    @Option(names = "--radius-outliers", paramLabel = "R,N", arity = "0..1", fallbackValue = "",
            description = {"Remove points with fewer than N others within R (world units; 0: 4 median spacings).",
                "Without a value: 0,4."})
    String radius;

    @Option(names = "--voxel-size", paramLabel = "S",
            description = "Replace the points of each S-sized cube by their mean (normals and colours averaged; 0: "
                    + "2 median spacings).")
    Double voxelSize;

    @Option(names = "--prep-config", paramLabel = "FILE",
            description = "JSON list of preparation steps, run in order, e.g. [{\"otype\": \"StatisticalOutliers\"}]"
                    + " ('isofield config defaults prep_step' lists them); replaces the options above.")
    Path config;

    /** The steps asked for, in order; empty when none. */
    List<PrepStepConfig> steps(CommandLine cl) {
        if (config != null) {
            if (crop != null || statistical != null || radius != null || voxelSize != null) {
                throw new CommandLine.ParameterException(cl, "--prep-config replaces --crop, --statistical-outliers, "
                        + "--radius-outliers and --voxel-size; give one or the other");
            }
            InputOptions.existing(cl, config);
            JsonNode doc = Json.read(config);
            if (!doc.isArray()) {
                throw new ConfigException("$", config + ": found " + doc.getNodeType() + "; expected a JSON list of "
                        + "steps such as [{\"otype\": \"VoxelDownsample\", \"voxel_size\": 0.01}]");
            }
            List<PrepStepConfig> steps = new ArrayList<>();
            for (int i = 0; i < doc.size(); i++) {
                steps.add(PrepSteps.registry().parse(doc.get(i), "$[" + i + "]"));
            }
            return steps;
        }
        List<PrepStepConfig> steps = new ArrayList<>();
        if (crop != null) {
            if (crop.length != 6) {
                throw new CommandLine.ParameterException(cl, "--crop has " + crop.length + " numbers; expected six: "
                        + "X0,Y0,Z0,X1,Y1,Z1");
            }
            steps.add(new CropConfig(List.of(crop[0], crop[1], crop[2]), List.of(crop[3], crop[4], crop[5])));
        }
        if (statistical != null) {
            double[] v = numbers(cl, "--statistical-outliers", statistical, "K,RATIO");
            steps.add(v == null ? StatisticalOutliersConfig.DEFAULT
                    : new StatisticalOutliersConfig(whole(cl, "--statistical-outliers", v[0]), v[1]));
        }
        if (radius != null) {
            double[] v = numbers(cl, "--radius-outliers", radius, "R,N");
            steps.add(v == null ? RadiusOutliersConfig.DEFAULT
                    : new RadiusOutliersConfig(v[0], whole(cl, "--radius-outliers", v[1])));
        }
        if (voxelSize != null) {
            steps.add(new VoxelDownsampleConfig(voxelSize));
        }
        return steps;
    }

    /** Two numbers from {@code A,B}; null for the empty value (the defaults). */
    private static double[] numbers(CommandLine cl, String option, String value, String label) {
        if (value.isBlank()) {
            return null;
        }
        String[] parts = value.split(",");
        try {
            double[] v = Arrays.stream(parts).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
            if (v.length == 2 && Double.isFinite(v[0]) && Double.isFinite(v[1])) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandLine.ParameterException(cl, option + " is '" + value + "'; expected " + label
                + " (two numbers)");
    }

    private static int whole(CommandLine cl, String option, double v) {
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new CommandLine.ParameterException(cl, option + ": found " + v + "; expected a whole number");
        }
        return (int) v;
    }
}
