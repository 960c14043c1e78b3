package org.isofield.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.isofield.core.io.AtomicFiles;

/** Writes images as PNG files atomically ({@link AtomicFiles}): a failed write leaves no partial file. */
public final class PngFiles {
    private PngFiles() {
    }

    /**
     * Writes {@code image} to {@code target} as PNG.
     *
     * @param overwrite whether an existing file may be replaced; if not, it is an
     *                  {@link org.isofield.core.io.OutputExistsException}
     */
    public static void write(BufferedImage image, Path target, boolean overwrite) {
        AtomicFiles.write(target, overwrite, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime (javax.imageio)");
            }
        });
    }
}
