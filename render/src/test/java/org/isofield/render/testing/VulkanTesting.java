package org.isofield.render.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import org.isofield.render.vulkan.VulkanContext;
import org.isofield.render.vulkan.VulkanProbe;

/**
 * Skips a test when Vulkan with the Khronos validation layer cannot be used here, unless the environment variable
 * {@code ISOFIELD_REQUIRE} (a comma list) names {@code vulkan}: then the test fails with the reason. Same convention
 * as the datasets test-jar's {@code SharedData}.
 */
public final class VulkanTesting {
    private VulkanTesting() {
    }

    /** Whether {@code ISOFIELD_REQUIRE} names {@code what}. */
    public static boolean required(String what) {
        String env = System.getenv("ISOFIELD_REQUIRE");
        return env != null && Arrays.stream(env.split(",")).map(String::trim).anyMatch(what::equalsIgnoreCase);
    }

    /** Call first in a test that renders with validation on. */
    public static void assumeVulkanWithValidation() {
        VulkanProbe.Availability a = VulkanProbe.probe(true);
        if (!a.ok()) {
            if (required("vulkan")) {
                throw new AssertionError("Vulkan is required (ISOFIELD_REQUIRE names vulkan) but unavailable: "
                        + a.reason());
            }
            assumeTrue(false, "Vulkan unavailable, skipping: " + a.reason());
        }
    }

    /** A context with validation on, after {@link #assumeVulkanWithValidation}. */
    public static VulkanContext openWithValidation() {
        assumeVulkanWithValidation();
        return VulkanContext.create(true);
    }

    /** Closes {@code ctx} (null: skipped) and fails when the validation layer said anything. */
    public static void closeWithoutMessages(VulkanContext ctx) {
        if (ctx != null) {
            List<String> messages = ctx.validationMessages();
            ctx.close();
            assertThat(messages).as("validation messages").isEmpty();
        }
    }
}
