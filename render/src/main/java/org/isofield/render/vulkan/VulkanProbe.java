package org.isofield.render.vulkan;

import org.isofield.core.BackendUnavailableException;

/**
 * Whether Vulkan can be used here: opens and closes a {@link VulkanContext} once per setting and remembers the
 * answer. Tests use it to skip (or, when required, fail) without a driver.
 */
public final class VulkanProbe {
    private static volatile Availability plain;
    private static volatile Availability validated;

    private VulkanProbe() {
    }

    /**
     * The outcome of a probe.
     *
     * @param ok     whether a context could be created
     * @param reason why not (the {@link BackendUnavailableException} message), or the device name when ok
     */
    public record Availability(boolean ok, String reason) {
    }

    /** Probes once per value of {@code validation}; thread-safe. */
    public static synchronized Availability probe(boolean validation) {
        Availability a = validation ? validated : plain;
        if (a == null) {
            try (VulkanContext ctx = VulkanContext.create(validation)) {
                a = new Availability(true, ctx.physical().name());
            } catch (BackendUnavailableException e) {
                a = new Availability(false, e.getMessage());
            }
            if (validation) {
                validated = a;
            } else {
                plain = a;
            }
        }
        return a;
    }
}
