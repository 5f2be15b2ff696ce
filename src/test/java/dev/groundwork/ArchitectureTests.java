package dev.groundwork;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: web and schedule on top, embed and index at the bottom. */
class ArchitectureTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.groundwork");
    }

    @Test
    void nothingBelowTheTopDependsOnWebOrSchedule() {
        noClasses().that().resideOutsideOfPackages("..web..", "..schedule..", "..config..", "dev.groundwork")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..schedule..")
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
    void featuresDoNotReadTheWholePropertiesRecord() {
        noClasses().that().resideOutsideOfPackage("..config..")
                .should().dependOnClassesThat().haveSimpleName("GroundworkProperties")
                .check(classes);
    }
}
