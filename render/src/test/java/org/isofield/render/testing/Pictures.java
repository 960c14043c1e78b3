package org.isofield.render.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isofield.render.PngFiles;

/** Keeps test images for a look: written under {@code target/test-images/} of the module. */
public final class Pictures {
    private Pictures() {
    }

    /** Writes {@code image} as {@code target/test-images/NAME.png}, replacing an older one; returns the path. */
    public static Path keep(BufferedImage image, String name) {
        Path dir = Path.of("target", "test-images");
        Path p = dir.resolve(name + ".png");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PngFiles.write(image, p, true);
        return p;
    }

    /** Whether pixel {@code (x, y)} differs from {@code rgb24}. */
    public static boolean differs(BufferedImage image, int x, int y, int rgb24) {
        return (image.getRGB(x, y) & 0xffffff) != rgb24;
    }
}
