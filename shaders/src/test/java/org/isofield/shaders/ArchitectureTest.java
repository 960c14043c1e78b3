package org.isofield.shaders;

import java.util.Set;
import org.isofield.core.testing.ModuleRules;
import org.junit.jupiter.api.Test;

/** The shaders module's place in the layering (on core), and no package cycles in it. */
class ArchitectureTest {
    @Test
    void usesOnlyTheModulesBelowIt() {
        ModuleRules.usesOnly("shaders", Set.of("core"));
    }

    @Test
    void packagesAreFreeOfCycles() {
        ModuleRules.noPackageCycles("shaders");
    }
}
