package org.isofield.render.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An X display for window tests: {@code DISPLAY} when it is set, otherwise a private Xvfb started here (its display
 * number picked by Xvfb itself through {@code -displayfd}) and stopped by {@link #close()}. Without either the
 * test is skipped, unless {@code ISOFIELD_REQUIRE} names {@code display}, in which case it fails.
 */
public final class XvfbDisplay implements AutoCloseable {
    private final String display;
    private final Process xvfb;

    private XvfbDisplay(String display, Process xvfb) {
        this.display = display;
        this.xvfb = xvfb;
    }

    /** The display to use, e.g. {@code :99}. */
    public String display() {
        return display;
    }

    /** Uses {@code DISPLAY} or starts Xvfb; skips or fails as described above when neither is possible. */
    public static XvfbDisplay acquire() {
        String env = System.getenv("DISPLAY");
        if (env != null && !env.isBlank()) {
            return new XvfbDisplay(env, null);
        }
        Path xvfb = null;
        for (String dir : String.valueOf(System.getenv("PATH")).split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "Xvfb");
            if (Files.isExecutable(p)) {
                xvfb = p;
                break;
            }
        }
        if (xvfb == null) {
            unavailable("DISPLAY is unset and Xvfb is not installed (Debian package xvfb)");
        }
        try {
            Process p = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-screen", "0", "1280x1024x24",
                    "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.US_ASCII));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            if (line == null || !line.trim().matches("\\d+")) {
                p.destroy();
                unavailable("Xvfb did not report a display number (got " + line + ")");
            }
            return new XvfbDisplay(":" + line.trim(), p);
        } catch (Exception e) {
            unavailable("cannot start Xvfb: " + e);
            return null;
        }
    }

    private static void unavailable(String reason) {
        if (VulkanTesting.required("display")) {
            throw new AssertionError("a display is required (ISOFIELD_REQUIRE names display) but " + reason);
        }
        assumeTrue(false, reason + "; skipping");
    }

    /** Stops the Xvfb this started, if any. */
    @Override
    public void close() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            if (!xvfb.waitFor(10, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly();
            }
        }
    }
}
