package org.isofield.cli;

import java.util.function.Function;
import org.isofield.datasets.io.GeometryData;
import org.isofield.render.scene.ClipPlane;
import org.isofield.render.scene.RenderItem;
import org.isofield.render.scene.RenderMode;
import org.isofield.render.scene.Rgb;
import org.isofield.render.scene.View;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The picture settings that {@code render} and {@code view} share: size, view, mode, colouring, background and clipping
 * plane, parsed into the renderer's types with usage errors that name the option.
 */
final class PictureOptions {
    @Option(names = "--width", paramLabel = "PIXELS", defaultValue = "1280",
            description = "Width of the image or window. Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--height", paramLabel = "PIXELS", defaultValue = "960",
            description = "Height of the image or window. Default: ${DEFAULT-VALUE}.")
    int height;

    @Option(names = "--view", paramLabel = "VIEW", defaultValue = "iso",
            description = "iso, front (from +Z), side (from +X), top (from +Y) or AZ,EL in degrees, Y up. Default: "
                    + "${DEFAULT-VALUE}.")
    String view;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "shaded",
            description = "shaded, normals, wireframe or points. Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--color", paramLabel = "HOW", defaultValue = "attribute",
            description = "attribute: draw points and mesh vertices in their own colours when the file has them "
                    + "(a scan's RGB, or colours carried to a reconstruction); shading: ignore them and draw the "
                    + "plain shaded colour. Default: ${DEFAULT-VALUE}.")
    String color;

    @Option(names = "--background", paramLabel = "COLOR", defaultValue = "#26262e",
            description = "#rrggbb or white, black, gray, lightgray, darkgray. Default: ${DEFAULT-VALUE}.")
    String background;

    @Option(names = "--clip", paramLabel = "AXIS[,POSITION]",
            description = "Cut meshes and point clouds with a plane: AXIS x, y or z removes the side towards +AXIS, "
                    + "-x, -y or -z the side towards -AXIS; POSITION is the plane's world coordinate (default: the "
                    + "centre of all inputs). Surfaces seen through the cut show their inside in orange. Fields are "
                    + "not cut.")
    String clip;

    @Option(names = "--vulkan-validation", hidden = true,
            description = "Run with the Khronos validation layer and fail on any warning or error it reports.")
    boolean validation;

    View view(CommandLine cl) {
        return parse(cl, "--view", view, View::parse);
    }

    RenderMode mode(CommandLine cl) {
        return parse(cl, "--mode", mode, RenderMode::parse);
    }

    Rgb background(CommandLine cl) {
        return parse(cl, "--background", background, Rgb::parse);
    }

    /** Whether to draw files' own colours ({@code --color attribute}) rather than shading only. */
    boolean attributeColors(CommandLine cl) {
        return parse(cl, "--color", color, c -> switch (c) {
            case "attribute" -> true;
            case "shading" -> false;
            default -> throw new IllegalArgumentException("unknown colouring \"" + c + "\"; expected attribute or "
                    + "shading");
        });
    }

    /** What to draw of a file's data: a mesh when it has faces, else its points; colours as {@code --color} says. */
    RenderItem item(CommandLine cl, String label, GeometryData d) {
        RenderItem item = d.hasFaces() ? RenderItem.of(label, d.toMesh()) : RenderItem.of(label, d.toPointCloud());
        return item.withColors(attributeColors(cl) ? d.colors() : null);
    }

    /** The clipping plane, or null without {@code --clip}. */
    ClipPlane clip(CommandLine cl) {
        return clip == null ? null : parse(cl, "--clip", clip, ClipPlane::parse);
    }

    /** Parses an option's text; a parser's {@link IllegalArgumentException} becomes a usage error naming it. */
    static <T> T parse(CommandLine cl, String option, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, option + ": " + e.getMessage());
        }
    }
}
