package org.isofield.render.vulkan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.isofield.core.BackendUnavailableException;

import org.junit.jupiter.api.Test;

/**
 * Without a Vulkan driver the renderer fails with a {@link BackendUnavailableException} that says what is missing and
 * which package provides it. The loader reads its driver list once per process, so a child JVM runs with
 * {@code VK_DRIVER_FILES} pointing at no driver.
 */
class NoDriverTest {
    /** Entry point of the child JVM: prints the probe's reason, or "ok". */
    public static void main(String[] args) {
        try (OffscreenRenderer r = OffscreenRenderer.open(false)) {
            System.out.println("ok " + r.context().physical().name());
        } catch (BackendUnavailableException e) {
            System.out.println("unavailable: " + e.getMessage() + " exit " + e.exitCode());
        }
    }

    @Test
    void noDriverIsABackendErrorNamingThePackage() throws Exception {
        assumeTrue(VulkanProbe.probe(false).ok(), "needs the Vulkan loader to tell a missing driver apart");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                NoDriverTest.class.getName()));
        pb.environment().put("VK_DRIVER_FILES", "/nonexistent/isofield-no-driver.json");
        pb.environment().put("VK_ICD_FILENAMES", "/nonexistent/isofield-no-driver.json");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(text).contains("unavailable: backend vulkan is unavailable: no Vulkan driver found",
                "mesa-vulkan-drivers", "exit 4");
    }
}
