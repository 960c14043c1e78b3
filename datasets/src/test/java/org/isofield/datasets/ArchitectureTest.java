package org.isofield.datasets;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Package rules of the datasets module: no cycles, thin data types, nothing above it. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.isofield.datasets");
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.isofield.datasets.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void geometryTypesDependOnNothingElseOfTheModule() {
        noClasses().that().resideInAPackage("org.isofield.datasets.geom..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.isofield.datasets.io..", "org.isofield.datasets.index..", "org.isofield.datasets.sample..",
                        "org.isofield.datasets.metrics..", "org.isofield.datasets.shapes..")
                .check(classes);
    }

    @Test
    void nothingDependsOnHigherModules() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.isofield.encodings..", "org.isofield.fields..", "org.isofield.reconstruction..",
                        "org.isofield.render..", "org.isofield.cli..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
