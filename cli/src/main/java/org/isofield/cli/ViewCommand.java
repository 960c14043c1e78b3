package org.isofield.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryIO;
import org.isofield.render.PngFiles;
import org.isofield.render.scene.FieldSlice;
import org.isofield.render.scene.FieldSurface;
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
        description = {"Show meshes, point clouds and .isf fields (sphere-traced) in a window: left drag orbits, right drag pans, the wheel zooms;",
            "keys 1 shaded, 2 normals, 3 wireframe, 4 points, R reset, S screenshot, Esc/Q close;",
            "for fields D cycles the distance slice (off, x, y, z) and [ ] move it by 1/64 of the field's cube."})
final class ViewCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Mixin
    PictureOptions picture;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Meshes, point clouds and .isf fields (HashGrid or SimplexGrid), shown side by side.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--screenshot-dir", paramLabel = "DIR", defaultValue = ".",
            description = "Where the S key writes isofield-view-N.png. Default: ${DEFAULT-VALUE}.")
    Path screenshotDir;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "0",
            description = "Draw N frames and close (for scripts); 0 runs until the window is closed. Default: ${DEFAULT-VALUE}.")
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
                screenshotDir);
        FieldSlice fieldSlice = slice == null ? null : PictureOptions.parse(cl, "--slice", slice, FieldSlice::parse);
        if (fieldSlice != null && files.stream().noneMatch(RenderCommand::isField)) {
            throw new ParameterException(cl, "--slice " + slice + ": no .isf field among the inputs; the slice is drawn "
                    + "in fields only");
        }
        List<RenderItem> items = new ArrayList<>();
        for (Path f : files) {
            InputOptions.existing(cl, f);
            if (RenderCommand.isField(f)) {
                items.add(RenderItem.of(f.getFileName().toString(), FieldSurface.read(f).withSlice(fieldSlice)));
                continue;
            }
            GeometryData d = GeometryIO.read(f, input.readOptions(common.progress()));
            String label = f.getFileName().toString();
            items.add(d.hasFaces() ? RenderItem.of(label, d.toMesh()) : RenderItem.of(label, d.toPointCloud()));
        }
        try (Viewer viewer = Viewer.open(items, options)) {
            if (frames == 0) {
                viewer.run();
            } else {
                BufferedImage last = null;
                for (int i = 0; i < frames; i++) {
                    BufferedImage img = viewer.frame(screenshot != null && i == frames - 1);
                    last = img != null ? img : last;
                }
                if (screenshot != null) {
                    if (last == null) {
                        throw new org.isofield.core.IsofieldException("view: no frame could be drawn (window minimised?)");
                    }
                    PngFiles.write(last, screenshot, true);
                    common.info(String.format(Locale.ROOT, "wrote %s (%dx%d)", screenshot, last.getWidth(), last.getHeight()));
                }
            }
        }
        return 0;
    }

}
