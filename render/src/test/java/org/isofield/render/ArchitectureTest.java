package org.isofield.render;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Package rules of the render module: no cycles, the scene knows no Vulkan, and nothing above render is used. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.isofield.render");
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.isofield.render.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theSceneKnowsNoVulkan() {
        noClasses().that().resideInAPackage("org.isofield.render.scene..")
                .should().dependOnClassesThat().resideInAnyPackage("org.lwjgl..", "org.isofield.render.vulkan..")
                .check(classes);
    }

    @Test
    void renderKnowsNoReconstructionAndNoCommandLine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.isofield.reconstruction..", "org.isofield.cli..", "picocli..")
                .check(classes);
    }
}
