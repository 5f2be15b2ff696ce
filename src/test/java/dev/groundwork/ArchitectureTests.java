package dev.groundwork;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: web, schedule and eval on top, embed and index at the bottom; security beside the
 * features, used by the web layer only. Packages are named in full ({@code dev.groundwork.web..}): a pattern such as
 * {@code ..web..} would also match Spring's own {@code org.springframework.web}.
 */
class ArchitectureTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.groundwork");
    }

    @Test
    void nothingBelowTheTopDependsOnWebScheduleOrEval() {
        noClasses().that().resideOutsideOfPackages("dev.groundwork.web..", "dev.groundwork.schedule..",
                        "dev.groundwork.eval..", "dev.groundwork.config..", "dev.groundwork")
                .should().dependOnClassesThat().resideInAnyPackage("dev.groundwork.web..", "dev.groundwork.schedule..",
                        "dev.groundwork.eval..")
                .check(classes);
    }

    @Test
    void embedAndIndexStandAlone() {
        noClasses().that().resideInAnyPackage("..embed..", "..index..")
                .should().dependOnClassesThat().resideInAnyPackage("..ingest..", "..retrieve..", "..web..",
                        "..schedule..", "..config..")
                .check(classes);
        noClasses().that().resideInAPackage("..embed..")
                .should().dependOnClassesThat().resideInAPackage("..index..")
                .check(classes);
        noClasses().that().resideInAPackage("..index..")
                .should().dependOnClassesThat().resideInAPackage("..embed..")
                .check(classes);
    }

    @Test
    void ingestAndRetrieveDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("..ingest..")
                .should().dependOnClassesThat().resideInAPackage("..retrieve..")
                .check(classes);
        noClasses().that().resideInAPackage("..retrieve..")
                .should().dependOnClassesThat().resideInAPackage("..ingest..")
                .check(classes);
    }

    @Test
    void theWebLayerGoesThroughServicesNotTheIndex() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("ChunkIndex")
                .check(classes);
    }

    @Test
    void securityKnowsNoFeatureAndOnlyTheWebLayerKnowsSecurity() {
        noClasses().that().resideInAPackage("dev.groundwork.security..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.groundwork.ingest..", "dev.groundwork.embed..",
                        "dev.groundwork.index..", "dev.groundwork.retrieve..", "dev.groundwork.prompt..",
                        "dev.groundwork.answer..", "dev.groundwork.schedule..", "dev.groundwork.eval..",
                        "dev.groundwork.web..", "dev.groundwork.config..")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.groundwork.ingest..", "dev.groundwork.embed..",
                        "dev.groundwork.index..", "dev.groundwork.retrieve..", "dev.groundwork.prompt..",
                        "dev.groundwork.answer..", "dev.groundwork.schedule..", "dev.groundwork.eval..")
                .should().dependOnClassesThat().resideInAPackage("dev.groundwork.security..")
                .check(classes);
    }

    @Test
    void featuresDoNotReadTheWholePropertiesRecord() {
        // The evaluation command checks configuration keys against the record, as Spring would bind them.
        noClasses().that().resideOutsideOfPackages("..config..", "..eval..")
                .should().dependOnClassesThat().haveSimpleName("GroundworkProperties")
                .check(classes);
    }
}
