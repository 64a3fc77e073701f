package org.independentstudy.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The package structure the later phases grow in, held by a test rather than by good intentions. */
class LayeringTest {

    private static JavaClasses application;

    @BeforeAll
    static void importApplication() {
        application = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.independentstudy");
    }

    @Test
    @DisplayName("feature packages depend on each other without cycles")
    void noCyclesBetweenFeatures() {
        slices().matching("org.independentstudy.(*)..").should().beFreeOfCycles().check(application);
    }

    @Test
    @DisplayName("only controllers use the web layer; domain code reports failures through errors")
    void onlyControllersUseWeb() {
        noClasses().that().resideOutsideOfPackage("org.independentstudy.web..")
                .and().areNotAnnotatedWith(RestController.class).and().areNotAnnotatedWith(Controller.class)
                .and().areNotAnnotatedWith(RestControllerAdvice.class)
                .should().dependOnClassesThat().resideInAPackage("org.independentstudy.web..")
                .check(application);
    }

    @Test
    @DisplayName("the engine's API is used only by process steps and configuration, so domain rules stay plain Java")
    void engineOnlyInProcessPackagesAndConfiguration() {
        noClasses().that().resideOutsideOfPackages("..process..", "org.independentstudy.config..",
                        // security and the demo district configure the engine's users, groups and authorizations
                        "org.independentstudy.security..", "org.independentstudy.demo..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .check(application);
    }
}
