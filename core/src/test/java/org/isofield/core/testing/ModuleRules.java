package org.isofield.core.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The module layering the README states, as ArchUnit rules every module's ArchitectureTest applies to its own main
 * classes: core below everything; datasets and shaders on core; encodings on core and shaders; fields on those
 * (no meshes: not on datasets); reconstruction on all of them; render on all but reconstruction; cli on top. Also
 * no package cycles inside the module.
 */
public final class ModuleRules {
    /** The modules in layer order (a module may use only those its {@link #check} call allows). */
    public static final List<String> MODULES = List.of("core", "datasets", "shaders", "encodings", "fields",
            "reconstruction", "render", "cli", "bench");

    private ModuleRules() {
    }

    /** The main classes of {@code org.isofield.<module>}. */
    public static JavaClasses mainClasses(String module) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.isofield." + module);
    }

    /** No class of {@code module} uses a module outside {@code allowed}. */
    public static void usesOnly(String module, Set<String> allowed) {
        List<String> others = new ArrayList<>();
        for (String m : MODULES) {
            if (!m.equals(module) && !allowed.contains(m)) {
                others.add("org.isofield." + m + "..");
            }
        }
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                .because("the README's layering allows " + module + " to use only " + allowed)
                .allowEmptyShould(true).check(mainClasses(module));
    }

    /** The packages of {@code module} are free of cycles. */
    public static void noPackageCycles(String module) {
        slices().matching("org.isofield." + module + ".(*)..").should().beFreeOfCycles()
                .allowEmptyShould(true).check(mainClasses(module));
    }
}
