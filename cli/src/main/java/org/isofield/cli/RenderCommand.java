package org.isofield.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryIO;
import org.isofield.render.RenderOptions;
import org.isofield.render.Renderings;
import org.isofield.render.scene.DistanceColoring;
import org.isofield.render.scene.FieldSlice;
import org.isofield.render.scene.Framing;
import org.isofield.render.scene.RenderItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code isofield render FILE... -o IMAGE.png}: offscreen Vulkan rendering of meshes, point clouds and neural fields
 * ({@code .isf}, sphere-traced in a compute shader).
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Render meshes, point clouds and neural fields (.isf, sphere-traced) into a PNG image "
                + "(offscreen, Vulkan; lavapipe works without a GPU).",
            "Several inputs are drawn side by side with their file names (see --framing).",
            "--error-to GT colours them by their distance to a ground-truth mesh and adds a colour bar; --clip cuts "
            + "them."})
final class RenderCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Mixin
    PictureOptions picture;

    @Mixin
    ErrorToOptions errors;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Meshes (drawn as surfaces), point clouds (splats) and .isf fields (neural: sphere-traced, "
                    + "HashGrid "
                    + "or SimplexGrid fields with a ReLU/None FullyFusedMLP; gridpull-sparse: extracted to a mesh "
                    + "first).")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "IMAGE.png", description = "The PNG to write.")
    Path output;

    @Option(names = "--framing", paramLabel = "HOW", defaultValue = "auto",
            description = "shared (one camera for all inputs, to compare in place), each (every input framed alone) or "
                    + "auto (shared when the inputs overlap in place and size). Default: ${DEFAULT-VALUE}.")
    String framing;

    @Option(names = "--force", description = "Replace an existing image.")
    boolean force;

    @Option(names = "--slice", paramLabel = "AXIS,OFFSET",
            description = "Draw a distance slice in every .isf field: the plane AXIS (x, y or z) = OFFSET (0 to 1 "
                    + "across "
                    + "the field's unit cube, e.g. z,0.5), coloured by signed distance (blue inside, red outside, "
                    + "iso-lines "
                    + "every 1%% of the cube or coarser, zero line black); the surface on the camera's side is cut "
                    + "away.")
    String slice;

    @Override
    public Integer call() {
        var cl = common.mixee.commandLine();
        if (!output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new ParameterException(cl, "-o " + output + ": expected a .png file");
        }
        RenderOptions options = new RenderOptions(picture.width, picture.height, picture.view(cl),
                picture.mode(cl), picture.background(cl),
                PictureOptions.parse(cl, "--framing", framing, Framing::parse), picture.validation)
                .withClip(picture.clip(cl));
        for (Path f : files) {
            InputOptions.existing(cl, f);
        }
        errors.check(cl);
        FieldSlice fieldSlice = slice == null ? null : PictureOptions.parse(cl, "--slice", slice, FieldSlice::parse);
        if (fieldSlice != null && files.stream().noneMatch(GridFieldMeshes::isFieldFile)) {
            throw new ParameterException(cl, "--slice " + slice
                    + ": no .isf field among the inputs; the slice is drawn "
                    + "in fields only");
        }
        OutputOptions.refuseExisting(force, output);
        List<RenderItem> items = common.phase("read", () -> {
            List<RenderItem> list = new ArrayList<>();
            for (Path f : files) {
                String label = f.getFileName().toString();
                if (GridFieldMeshes.isFieldFile(f)) {
                    list.add(GridFieldMeshes.renderItem(f, fieldSlice, common.progress()));
                    continue;
                }
                GeometryData d = GeometryIO.read(f, input.readOptions(common.progress()));
                list.add(picture.item(common.mixee.commandLine(), label, d));
            }
            return list;
        });
        DistanceColoring.Result coloured = errors.apply(cl, files, items, input, common);
        List<RenderItem> drawn = coloured == null ? items : coloured.items();
        RenderOptions withBar = coloured == null ? options : options.withColorBar(coloured.bar());
        common.phase("render", () -> Renderings.renderToPng(drawn, withBar, output, force));
        common.info(String.format(Locale.ROOT, "wrote %s (%dx%d, %d input%s, %s, view %s)", output, picture.width,
                picture.height,
                items.size(), items.size() == 1 ? "" : "s", options.mode().key(), picture.view));
        return 0;
    }
}
