package org.isofield.cli;

import java.util.function.Function;
import org.isofield.render.scene.RenderMode;
import org.isofield.render.scene.Rgb;
import org.isofield.render.scene.View;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The picture settings that {@code render} and {@code view} share: size, view, mode and background, parsed into the
 * renderer's types with usage errors that name the option.
 */
final class PictureOptions {
    @Option(names = "--width", paramLabel = "PIXELS", defaultValue = "1280",
            description = "Width of the image or window. Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--height", paramLabel = "PIXELS", defaultValue = "960",
            description = "Height of the image or window. Default: ${DEFAULT-VALUE}.")
    int height;

    @Option(names = "--view", paramLabel = "VIEW", defaultValue = "iso",
            description = "iso, front (from +Z), side (from +X), top (from +Y) or AZ,EL in degrees, Y up. Default: ${DEFAULT-VALUE}.")
    String view;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "shaded",
            description = "shaded, normals, wireframe or points. Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--background", paramLabel = "COLOR", defaultValue = "#26262e",
            description = "#rrggbb or white, black, gray, lightgray, darkgray. Default: ${DEFAULT-VALUE}.")
    String background;

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

    /** Parses an option's text; a parser's {@link IllegalArgumentException} becomes a usage error naming it. */
    static <T> T parse(CommandLine cl, String option, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, option + ": " + e.getMessage());
        }
    }
}
