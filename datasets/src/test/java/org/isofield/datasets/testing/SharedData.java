package org.isofield.datasets.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test access to the project's shared data folder ({@code ../shared} beside the checkout; surefire passes it as
 * the system property {@code isofield.shared}). A test that needs a file calls {@link #file}: when the folder is
 * missing the test is skipped, unless {@code ISOFIELD_REQUIRE} names {@code shared}, in which case it fails.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared folder, or null when it cannot be found. */
    public static Path root() {
        String prop = System.getProperty("isofield.shared");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "..", "shared");
        if (Files.isDirectory(p)) {
            return p.toAbsolutePath().normalize();
        }
        Path alt = Path.of("..", "shared");
        if (Files.isDirectory(alt.resolve("datasets"))) {
            return alt.toAbsolutePath().normalize();
        }
        alt = Path.of("..", "..", "shared");
        return Files.isDirectory(alt.resolve("datasets")) ? alt.toAbsolutePath().normalize() : null;
    }

    /** A file under the shared folder, e.g. {@code datasets/meshes/bunny-closed.obj}; skips the test if absent. */
    public static Path file(String relative) {
        Path root = root();
        boolean required = String.valueOf(System.getenv("ISOFIELD_REQUIRE")).contains("shared");
        if (root == null || !Files.exists(root.resolve(relative))) {
            if (required) {
                throw new AssertionError("shared data file " + relative + " not found (ISOFIELD_REQUIRE names shared)");
            }
            assumeTrue(false, "shared data file " + relative + " not found; skipping");
        }
        return root.resolve(relative);
    }

    /** A mesh of {@code ../shared/datasets/meshes}. */
    public static Path mesh(String name) {
        return file("datasets/meshes/" + name);
    }
}
