package org.isofield.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.isofield.datasets.geom.TriangleMesh;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryIO;
import org.isofield.render.scene.DistanceColoring;
import org.isofield.render.scene.RenderItem;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --error-to GT} and {@code --error-scale}: colour meshes and point clouds by their distance to a ground-truth
 * mesh ({@link DistanceColoring}); an input that is the ground-truth file itself, and fields, keep their plain look.
 */
final class ErrorToOptions {
    @Option(names = "--error-to", paramLabel = "GT",
            description = "Colour each mesh and point cloud by the distance of its vertices to this ground-truth mesh "
                    + "(viridis; the GT itself, when also an input, draws plain; a colour bar is added to images).")
    Path errorTo;

    @Option(names = "--error-scale", paramLabel = "DISTANCE",
            description = "With --error-to: the distance at the bright end of the colour map, in world units, or as "
                    + "PERCENT%% of the GT's bounding box diagonal (e.g. 0.5%%); larger distances saturate. Default: "
                    + "the "
                    + "95th percentile of the coloured inputs' distances.")
    String errorScale;

    /** Checks, before any input is read, that the ground truth exists and the scale has its ground truth. */
    void check(CommandLine cl) {
        if (errorTo == null && errorScale != null) {
            throw new ParameterException(cl, "--error-scale " + errorScale + " needs --error-to GT");
        }
        if (errorTo != null) {
            InputOptions.existing(cl, errorTo);
        }
    }

    /**
     * The items coloured by distance, or null without {@code --error-to}.
     *
     * @param files the input file of each item, to recognise the ground truth among them
     */
    DistanceColoring.Result apply(CommandLine cl, List<Path> files, List<RenderItem> items, InputOptions input,
                                  CommonOptions common) {
        check(cl);
        if (errorTo == null) {
            return null;
        }
        return common.phase("distances", () -> {
            GeometryData gt = GeometryIO.read(errorTo, input.readOptions(common.progress()));
            if (!gt.hasFaces()) {
                throw new ParameterException(cl, "--error-to " + errorTo + ": the file has no faces ("
                        + gt.toPointCloud().size()
                        + " points); expected a triangle mesh to measure distances to");
            }
            TriangleMesh mesh = gt.toMesh();
            double scale = scale(cl, mesh.bounds().diagonal());
            boolean[] colour = new boolean[items.size()];
            boolean any = false;
            for (int i = 0; i < items.size(); i++) {
                colour[i] = items.get(i).field() == null && !same(files.get(i), errorTo);
                if (items.get(i).field() != null) {
                    common.info("note: " + items.get(i).label() + " is a field and is drawn without distance colours");
                }
                any |= colour[i];
            }
            if (!any) {
                throw new ParameterException(cl, "--error-to " + errorTo + ": no input to colour; expected a mesh or "
                        + "point cloud besides the ground truth");
            }
            DistanceColoring.Result r = DistanceColoring.apply(items, colour, mesh, errorTo.getFileName().toString(),
                    scale);
            double diag = r.bar().referenceLength();
            common.info(String.format(Locale.ROOT, "distance to %s over %d vertices: mean %.4g, 95th percentile %.4g, "
                    + "max %.4g (%.3g%%, %.3g%%, %.3g%% of its bbox diagonal); colour scale 0 to %.4g",
                    errorTo.getFileName(), r.count(), r.mean(), r.p95(), r.max(), 100 * r.mean() / diag,
                    100 * r.p95() / diag, 100 * r.max() / diag, r.bar().scale()));
            return r;
        });
    }

    /** The scale from {@code --error-scale}, or NaN for the default. */
    private double scale(CommandLine cl, double diagonal) {
        if (errorScale == null) {
            return Double.NaN;
        }
        String t = errorScale.trim();
        boolean percent = t.endsWith("%");
        double v;
        try {
            v = Double.parseDouble(percent ? t.substring(0, t.length() - 1).trim() : t);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v > 0 && Double.isFinite(v))) {
            throw new ParameterException(cl, "--error-scale " + errorScale
                    + ": expected a distance above 0 (e.g. 0.01) "
                    + "or a percentage of the GT's bounding box diagonal (e.g. 0.5%)");
        }
        if (percent && !(diagonal > 0)) {
            throw new ParameterException(cl, "--error-scale " + errorScale
                    + ": the GT's bounding box diagonal is 0, so "
                    + "a percentage of it is no distance; give the scale in world units");
        }
        return percent ? v / 100 * diagonal : v;
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
