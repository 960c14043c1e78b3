package org.isofield.encodings;

import java.util.Set;
import org.isofield.core.testing.ModuleRules;
import org.junit.jupiter.api.Test;

/** The encodings module's place in the layering (on core and shaders), and no package cycles in it. */
class ArchitectureTest {
    @Test
    void usesOnlyTheModulesBelowIt() {
        ModuleRules.usesOnly("encodings", Set.of("core", "shaders"));
    }

    @Test
    void packagesAreFreeOfCycles() {
        ModuleRules.noPackageCycles("encodings");
    }
}
