package com.acme.numbers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.WebFilter;

/** The walls between the rooms (docs/architecture.md), made real. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.acme.numbers");

    @Test
    void theDomainKnowsNeitherJsonNorXmlNorTheWebNorBandwidth() {
        noClasses().that().resideInAPackage("com.acme.numbers.ordering..").should().dependOnClassesThat()
                .resideInAnyPackage("com.acme.numbers.web..", "com.acme.numbers.bandwidth..", "com.acme.numbers.sandbox..", "com.acme.numbers.credentials..", "com.acme.numbers.idempotency..",
                        "org.springframework.web..", "org.springframework.http..", "tools.jackson..",
                        "com.fasterxml.jackson..", "javax.xml..")
                .check(CLASSES);
    }

    @Test
    void theWebLayerNeverImportsTheAdapterOrTheSandbox() {
        noClasses().that().resideInAPackage("com.acme.numbers.web..").should().dependOnClassesThat()
                .resideInAnyPackage("com.acme.numbers.bandwidth..", "com.acme.numbers.sandbox..", "com.acme.numbers.credentials..", "tools.jackson.dataformat.xml..")
                .check(CLASSES);
    }

    @Test
    void onlyTheAdapterKnowsBandwidthXml() {
        noClasses().that().resideOutsideOfPackage("com.acme.numbers.bandwidth..").should().dependOnClassesThat()
                .resideInAPackage("tools.jackson.dataformat.xml..").check(CLASSES);
        classes().that().haveSimpleNameEndingWith("Xml").and().resideOutsideOfPackage("com.acme.numbers.sandbox..").should()
                .resideInAPackage("com.acme.numbers.bandwidth..").check(CLASSES);
    }

    @Test
    void theSandboxSharesNothingWithTheAdapter() {
        noClasses().that().resideInAPackage("com.acme.numbers.sandbox..").should().dependOnClassesThat()
                .resideInAnyPackage("com.acme.numbers.bandwidth..", "com.acme.numbers.web..", "com.acme.numbers.ordering..", "com.acme.numbers.credentials..").check(CLASSES);
        noClasses().that().resideInAPackage("com.acme.numbers.bandwidth..").should().dependOnClassesThat()
                .resideInAnyPackage("com.acme.numbers.sandbox..", "com.acme.numbers.web..").check(CLASSES);
    }

    @Test
    void theAdaptersInsidesStayInside() {
        noClasses().that().resideOutsideOfPackage("com.acme.numbers.bandwidth..").should().dependOnClassesThat()
                .resideInAnyPackage("com.acme.numbers.bandwidth.xml..", "com.acme.numbers.bandwidth.guard..",
                        "com.acme.numbers.bandwidth.mapping..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("com.acme.numbers.bandwidth.xml..", "com.acme.numbers.bandwidth.mapping..",
                "com.acme.numbers.bandwidth.guard..").should().dependOnClassesThat()
                .resideInAPackage("com.acme.numbers.bandwidth").check(CLASSES);
    }

    /* The ledger, the reconciler and the webhook dispatcher work on domain values only (docs/architecture.md). */
    @Test
    void eventsKnowNeitherJsonNorXmlNorTheWebNorRedis() {
        noClasses().that().resideInAPackage("com.acme.numbers.events..").should().dependOnClassesThat()
                .resideInAnyPackage("com.acme.numbers.web..", "com.acme.numbers.bandwidth..",
                        "com.acme.numbers.sandbox..", "com.acme.numbers.state..", "com.acme.numbers.credentials..",
                        "org.springframework.web..", "org.springframework.http..", "org.springframework.data..",
                        "tools.jackson..", "com.fasterxml.jackson..", "javax.xml..")
                .check(CLASSES);
    }

    /* Idempotency's store and keys know no HTTP exchange: its HTTP side is the web's (web.idempotency). */
    @Test
    void idempotencyKnowsNeitherTheWebNorTheAdapter() {
        noClasses().that().resideInAPackage("com.acme.numbers.idempotency..").should().dependOnClassesThat()
                .resideInAnyPackage("com.acme.numbers.web..", "com.acme.numbers.bandwidth..",
                        "com.acme.numbers.sandbox..", "org.springframework.web..")
                .check(CLASSES);
    }

    /* Only the application's root (SandboxWiring) knows every room; no room reaches back up to it. */
    @Test
    void theRoomsAreFreeOfCyclesAndNeverReachTheRoot() {
        slices().matching("com.acme.numbers.(*)..").should().beFreeOfCycles().check(CLASSES);
        noClasses().that().resideInAPackage("com.acme.numbers.*..").should().dependOnClassesThat()
                .resideInAPackage("com.acme.numbers").check(CLASSES);
    }

    /* WebFlux labels every filter's part of every request with toString(): ours answer with a constant. */
    @Test
    void everyWebFilterOfOursIsANamedWebFilter() {
        classes().that().implement(WebFilter.class).and().resideInAPackage("com.acme.numbers..").should()
                .beAssignableTo("com.acme.numbers.web.server.NamedWebFilter").check(CLASSES);
    }
}
