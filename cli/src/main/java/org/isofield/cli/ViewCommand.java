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
        description = {"Show meshes and point clouds in a window: left drag orbits, right drag pans, the wheel zooms;",
            "keys 1 shaded, 2 normals, 3 wireframe, 4 points, R reset, S screenshot, Esc/Q close."})
final class ViewCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Mixin
    PictureOptions picture;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Meshes, point clouds and gridpull-sparse .isf fields (extracted to a mesh), side by side.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--screenshot-dir", paramLabel = "DIR", defaultValue = ".",
            description = "Where the S key writes isofield-view-N.png. Default: ${DEFAULT-VALUE}.")
    Path screenshotDir;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "0",
            description = "Draw N frames and close (for scripts); 0 runs until the window is closed. Default: ${DEFAULT-VALUE}.")
    int frames;

    @Option(names = "--screenshot", paramLabel = "IMAGE.png", description = "With --frames: write the last frame here.")
    Path screenshot;

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
        List<RenderItem> items = new ArrayList<>();
        for (Path f : files) {
            InputOptions.existing(cl, f);
            if (GridFieldMeshes.isFieldFile(f)) {
                items.add(GridFieldMeshes.viewItem(f, common.progress()));
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
