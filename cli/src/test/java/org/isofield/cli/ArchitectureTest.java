package org.isofield.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.isofield.core.testing.ModuleRules;
import org.isofield.reconstruction.FieldKinds;
import org.junit.jupiter.api.Test;

/** The cli module's place in the layering (on top), and no package cycles in it. */
class ArchitectureTest {
    @Test
    void usesOnlyTheModulesBelowIt() {
        ModuleRules.usesOnly("cli", Set.of("core", "datasets", "shaders", "encodings", "fields", "reconstruction",
                "render"));
    }

    /**
     * The command reaches the methods only through the reconstruction module's front (Reconstructors, Reconstruct,
     * FieldKinds), so a new method or field kind needs no change here.
     */
    @Test
    void doesNotReachIntoAMethodsPackage() {
        METHOD_PACKAGES.check(ModuleRules.mainClasses("cli"));
        // the rule can fail: the registry of field kinds does reach into the methods
        assertThatThrownBy(() -> METHOD_PACKAGES.check(new ClassFileImporter().importClasses(FieldKinds.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("gridpull");
    }

    private static final ArchRule METHOD_PACKAGES = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.isofield.reconstruction.gridpull..", "org.isofield.reconstruction.neuralpull..")
            .because("methods are reached through Reconstructors, Reconstruct and FieldKinds");

    @Test
    void packagesAreFreeOfCycles() {
        ModuleRules.noPackageCycles("cli");
    }
}
