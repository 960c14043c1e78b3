package org.isofield.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.isofield.core.IsofieldException;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryIO;
import org.isofield.render.PngFiles;
import org.isofield.render.scene.DistanceColoring;
import org.isofield.render.scene.FieldSlice;
import org.isofield.render.scene.RenderItem;
import org.isofield.render.viewer.Viewer;
import org.isofield.render.viewer.ViewerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code isofield view FILE...}: an interactive window (Vulkan, X11; under Xvfb on machines without a screen). */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = {"Show meshes, point clouds and .isf fields side by side in a window (keys printed on start):",
            "mouse: left drag orbits, right drag pans, wheel zooms, Shift+wheel moves the plane",
            "1..9   show/hide input 1..9 (side by side, in the order given); 0 shows all",
            "F1..F4 shaded, normals, wireframe, points; M cycles the modes",
            "C      clipping plane on/off (starts across the centre, removing the +x side)",
            "X Y Z  clip along that axis; the current axis again flips the removed side",
            "[ ]    move the plane by 1%% of the scene (Shift: 10%%); PageDown/PageUp too",
            "D      fields: cycle the distance slice (off, x, y, z); [ ] move it by 1/64 of the field's cube",
            "R      reset the view; S screenshot; H print these keys; Esc or Q close"})
final class ViewCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Mixin
    PictureOptions picture;

    @Mixin
    ErrorToOptions errors;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Meshes, point clouds and .isf fields (neural: sphere-traced, HashGrid or SimplexGrid; "
                    + "gridpull-sparse: extracted to a mesh), side by side.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--screenshot-dir", paramLabel = "DIR", defaultValue = ".",
            description = "Where the S key writes isofield-view-N.png. Default: ${DEFAULT-VALUE}.")
    Path screenshotDir;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "0",
            description = "Draw N frames and close (for scripts); 0 runs until the window is closed. Default: "
                    + "${DEFAULT-VALUE}.")
    int frames;

    @Option(names = "--screenshot", paramLabel = "IMAGE.png", description = "With --frames: write the last frame here.")
    Path screenshot;

    @Option(names = "--slice", paramLabel = "AXIS,OFFSET",
            description = "Start with this distance slice in the fields (as in 'isofield render --slice', e.g. z,0.5).")
    String slice;

    @Override
    public Integer call() {
        var cl = common.mixee.commandLine();
        if (frames < 0) {
            throw new ParameterException(cl, "--frames " + frames + ": expected 0 (interactive) or more");
        }
        if (screenshot != null && frames == 0) {
            throw new ParameterException(cl, "--screenshot needs --frames N (the frame to capture is the last one)");
        }
        ViewerOptions options = new ViewerOptions(picture.width, picture.height, picture.view(cl),
                picture.mode(cl), picture.background(cl), picture.validation,
                screenshotDir, picture.clip(cl));
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
        List<RenderItem> items = new ArrayList<>();
        for (Path f : files) {
            if (GridFieldMeshes.isFieldFile(f)) {
                items.add(GridFieldMeshes.renderItem(f, fieldSlice, common.progress()));
                continue;
            }
            GeometryData d = GeometryIO.read(f, input.readOptions(common.progress()));
            String label = f.getFileName().toString();
            items.add(picture.item(common.mixee.commandLine(), label, d));
        }
        DistanceColoring.Result coloured = errors.apply(cl, files, items, input, common);
        List<RenderItem> shown = coloured == null ? items : coloured.items();
        try (Viewer viewer = Viewer.open(shown, options)) {
            if (frames == 0) {
                common.info(Viewer.keyHelp());
                viewer.run();
            } else {
                BufferedImage last = null;
                for (int i = 0; i < frames; i++) {
                    BufferedImage img = viewer.frame(screenshot != null && i == frames - 1);
                    last = img != null ? img : last;
                }
                if (screenshot != null) {
                    if (last == null) {
                        throw new IsofieldException("view: no frame could be drawn (window minimised?)");
                    }
                    PngFiles.write(last, screenshot, true);
                    common.info(String.format(Locale.ROOT, "wrote %s (%dx%d)", screenshot, last.getWidth(),
                            last.getHeight()));
                }
            }
        }
        return 0;
    }

}
