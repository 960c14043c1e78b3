package org.isofield.reconstruction;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.isofield.core.testing.ModuleRules;
import org.junit.jupiter.api.Test;

/** The reconstruction module's place in the layering (on everything but render and cli), and no package cycles in it.
 * */
class ArchitectureTest {
    @Test
    void usesOnlyTheModulesBelowIt() {
        ModuleRules.usesOnly("reconstruction", Set.of("core", "datasets", "shaders", "encodings", "fields"));
    }

    /** The rule is not vacuous: reconstruction does use fields and datasets. */
    @Test
    void aNarrowerLayeringIsReportedAsAViolation() {
        assertThatThrownBy(() -> ModuleRules.usesOnly("reconstruction", Set.of("core")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("org.isofield.fields");
    }

    @Test
    void packagesAreFreeOfCycles() {
        ModuleRules.noPackageCycles("reconstruction");
    }
}
