package org.isofield.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.isofield.core.ConfigException;
import org.isofield.core.config.Json;
import org.isofield.datasets.clean.CleanStepConfig;
import org.isofield.datasets.clean.CleanSteps;
import org.isofield.datasets.clean.ComponentsConfig;
import org.isofield.datasets.clean.DecimateConfig;
import org.isofield.datasets.clean.FarFacesConfig;
import org.isofield.datasets.clean.HoleFillConfig;
import org.isofield.datasets.clean.TaubinConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Mesh clean-up options of {@code clean} and {@code reconstruct}: the steps run in the order far faces, components,
 * hole filling, Taubin smoothing, decimation (trimming first, so the pieces it cuts off are then removed; filling
 * before smoothing, so the patches are smoothed too; decimation last), or in the order a {@code --clean-config}
 * file lists them.
 */
final class CleanOptions {
    @Option(names = "--keep-largest", paramLabel = "K",
            description = "Keep the K largest connected components by area.")
    Integer keepLargest;

    @Option(names = "--min-area-share", paramLabel = "S",
            description = "Keep the components with at least this share (0 to 1) of the total area.")
    Double minAreaShare;

    @Option(names = "--max-distance", paramLabel = "D",
            description = {"Remove the faces with a vertex farther than D (world units) from the input cloud",
                "(--points on 'clean'); 0: " + 4 + " median point spacings."})
    Double maxDistance;

    @Option(names = "--taubin", paramLabel = "N",
            description = "Taubin smoothing (lambda 0.5, mu -0.53), N iterations; boundary vertices stay.")
    Integer taubin;

    @Option(names = "--fill-holes", paramLabel = "MAX_EDGES", arity = "0..1", fallbackValue = "",
            description = {"Fill the holes whose boundary has at most MAX_EDGES edges (without a value: "
                + HoleFillConfig.DEFAULT_MAX_HOLE_EDGES + ");", "longer boundaries, such as an open scan's rim, "
                + "stay open."})
    String fillHoles;

    @Option(names = "--decimate", paramLabel = "FACES",
            description = "Quadric-error decimation (Garland-Heckbert) to FACES faces, keeping the mesh manifold.")
    Integer decimate;

    @Option(names = "--max-error", paramLabel = "E",
            description = {"Decimation: make no collapse whose error (root of its quadric error, world units) is",
                "above E; alone, decimates as far as that allows."})
    Double maxError;

    @Option(names = "--clean-config", paramLabel = "FILE",
            description = "JSON list of clean-up steps, run in order, e.g. [{\"otype\": \"Taubin\", \"iterations\": "
                    + "5}] ('isofield config defaults clean_step' lists them); replaces the options above.")
    Path config;

    /** The steps asked for, in order; empty when none. */
    List<CleanStepConfig> steps(CommandLine cl) {
        boolean flags = keepLargest != null || minAreaShare != null || maxDistance != null || taubin != null
                || fillHoles != null || decimate != null || maxError != null;
        if (config != null) {
            if (flags) {
                throw new CommandLine.ParameterException(cl, "--clean-config replaces --keep-largest, "
                        + "--min-area-share, --max-distance, --taubin, --fill-holes, --decimate and --max-error; give "
                        + "one or the other");
            }
            InputOptions.existing(cl, config);
            JsonNode doc = Json.read(config);
            if (!doc.isArray()) {
                throw new ConfigException("$", config + ": found " + doc.getNodeType() + "; expected a JSON list of "
                        + "steps such as [{\"otype\": \"Decimate\", \"target_faces\": 100000}]");
            }
            List<CleanStepConfig> steps = new ArrayList<>();
            for (int i = 0; i < doc.size(); i++) {
                steps.add(CleanSteps.registry().parse(doc.get(i), "$[" + i + "]"));
            }
            return steps;
        }
        List<CleanStepConfig> steps = new ArrayList<>();
        if (maxDistance != null) {
            steps.add(new FarFacesConfig(maxDistance));
        }
        if (keepLargest != null || minAreaShare != null) {
            steps.add(new ComponentsConfig(keepLargest == null ? 0 : keepLargest,
                    minAreaShare == null ? 0.0 : minAreaShare));
        }
        if (fillHoles != null) {
            steps.add(fillHoles.isBlank() ? HoleFillConfig.DEFAULT : new HoleFillConfig(whole(cl, fillHoles)));
        }
        if (taubin != null) {
            TaubinConfig d = TaubinConfig.DEFAULT;
            steps.add(new TaubinConfig(taubin, d.lambda(), d.mu()));
        }
        if (decimate != null || maxError != null) {
            steps.add(DecimateConfig.toFaces(decimate == null ? 0 : decimate, maxError == null ? 0 : maxError));
        }
        return steps;
    }

    private static int whole(CommandLine cl, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(cl, "--fill-holes is '" + value + "'; expected MAX_EDGES, a "
                    + "whole number of edges");
        }
    }
}
