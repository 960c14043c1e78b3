package org.isofield.core;

import java.util.Set;
import org.isofield.core.testing.ModuleRules;
import org.junit.jupiter.api.Test;

/** The core module's place in the layering (below everything), and no package cycles in it. */
class ArchitectureTest {
    @Test
    void usesOnlyTheModulesBelowIt() {
        ModuleRules.usesOnly("core", Set.of());
    }

    @Test
    void packagesAreFreeOfCycles() {
        ModuleRules.noPackageCycles("core");
    }
}
