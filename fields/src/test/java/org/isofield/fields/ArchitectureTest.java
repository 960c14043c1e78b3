package org.isofield.fields;

import java.util.Set;
import org.isofield.core.testing.ModuleRules;
import org.junit.jupiter.api.Test;

/** The fields module's place in the layering (on core, shaders and encodings; no meshes), and no package cycles in it.
 * */
class ArchitectureTest {
    @Test
    void usesOnlyTheModulesBelowIt() {
        ModuleRules.usesOnly("fields", Set.of("core", "shaders", "encodings"));
    }

    @Test
    void packagesAreFreeOfCycles() {
        ModuleRules.noPackageCycles("fields");
    }
}
