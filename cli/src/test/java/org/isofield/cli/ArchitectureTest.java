package org.isofield.cli;

import java.util.Set;
import org.isofield.core.testing.ModuleRules;
import org.junit.jupiter.api.Test;

/** The cli module's place in the layering (on top), and no package cycles in it. */
class ArchitectureTest {
    @Test
    void usesOnlyTheModulesBelowIt() {
        ModuleRules.usesOnly("cli", Set.of("core", "datasets", "shaders", "encodings", "fields", "reconstruction", "render"));
    }

    @Test
    void packagesAreFreeOfCycles() {
        ModuleRules.noPackageCycles("cli");
    }
}
