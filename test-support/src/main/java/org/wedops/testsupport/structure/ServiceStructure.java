package org.wedops.testsupport.structure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The structure rules of issue #23 that every service must keep, checked on its compiled main classes: features
 * (the first package below the service's own) do not depend on each other in a cycle, and every
 * {@code @ConfigurationProperties} type lives inside a feature, so no root settings record is shared by all of them.
 */
public final class ServiceStructure {

    private static final String CONFIGURATION_PROPERTIES =
            "org.springframework.boot.context.properties.ConfigurationProperties";

    private final String basePackage;
    private final JavaClasses classes;

    private ServiceStructure(String basePackage) {
        // the rules look at the service's own classes only; resolving every library type they touch from the class
        // path took most of the test's time (16 s instead of 25-55 s on a loaded machine)
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        this.basePackage = basePackage;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    public static ServiceStructure of(String basePackage) {
        return new ServiceStructure(basePackage);
    }

    public void assertFeaturesFreeOfCycles() {
        slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    public void assertSettingsLiveInTheirFeature() {
        classes().that().areAnnotatedWith(CONFIGURATION_PROPERTIES)
                .should().resideOutsideOfPackage(basePackage)
                .because("a feature owns its configuration; a root record would be imported by every feature")
                .check(classes);
    }
}
