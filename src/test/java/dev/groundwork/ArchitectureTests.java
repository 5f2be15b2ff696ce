package dev.groundwork;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way, for every package: each feature package is a layer that may use only the layers below
 * it (the "may use" column of the package plan in DESIGN.md), and a class in no layer fails the check, so a new
 * package must be given its place here. Packages are named in full ({@code dev.groundwork.web..}): a pattern such as
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
    void everyPackageUsesOnlyThePackagesBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                .withOptionalLayers(true)
                .layer("application").definedBy("dev.groundwork")
                .layer("config").definedBy("dev.groundwork.config..")
                .layer("web").definedBy("dev.groundwork.web..")
                .layer("mcp").definedBy("dev.groundwork.mcp..")
                .layer("eval").definedBy("dev.groundwork.eval..")
                .layer("sync").definedBy("dev.groundwork.sync..")
                .layer("security").definedBy("dev.groundwork.security..")
                .layer("answer").definedBy("dev.groundwork.answer..")
                .layer("retrieve").definedBy("dev.groundwork.retrieve..")
                .layer("ingest").definedBy("dev.groundwork.ingest..")
                .layer("prompt").definedBy("dev.groundwork.prompt..")
                .layer("index").definedBy("dev.groundwork.index..")
                .layer("embed").definedBy("dev.groundwork.embed..")
                .layer("text").definedBy("dev.groundwork.text..")
                .layer("observe").definedBy("dev.groundwork.observe..")

                .whereLayer("application").mayOnlyAccessLayers("eval", "security", "observe")
                .whereLayer("config").mayOnlyAccessLayers("mcp", "sync", "security", "answer", "retrieve", "ingest",
                        "prompt", "index", "embed", "text", "observe")
                .whereLayer("web").mayOnlyAccessLayers("sync", "security", "answer", "retrieve", "ingest", "index",
                        "embed", "text", "observe")
                .whereLayer("mcp").mayOnlyAccessLayers("security", "answer", "retrieve", "ingest", "index", "embed",
                        "text", "observe")
                .whereLayer("eval").mayOnlyAccessLayers("config", "answer", "retrieve", "ingest", "prompt", "index",
                        "embed", "text", "observe")
                .whereLayer("sync").mayOnlyAccessLayers("ingest", "index", "text", "observe")
                .whereLayer("security").mayOnlyAccessLayers("text", "observe")
                .whereLayer("answer").mayOnlyAccessLayers("retrieve", "prompt", "index", "embed", "text", "observe")
                .whereLayer("retrieve").mayOnlyAccessLayers("index", "embed", "text", "observe")
                .whereLayer("ingest").mayOnlyAccessLayers("index", "embed", "text", "observe")
                .whereLayer("prompt").mayOnlyAccessLayers("text", "observe")
                .whereLayer("index").mayOnlyAccessLayers("text", "observe")
                .whereLayer("embed").mayOnlyAccessLayers("text", "observe")
                .whereLayer("text").mayNotAccessAnyLayer()
                .whereLayer("observe").mayNotAccessAnyLayer()

                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("eval").mayOnlyBeAccessedByLayers("application")
                .whereLayer("sync").mayOnlyBeAccessedByLayers("web", "config")
                .whereLayer("mcp").mayOnlyBeAccessedByLayers("config")
                .whereLayer("security").mayOnlyBeAccessedByLayers("web", "mcp", "config", "application")
                .check(classes);
    }

    @Test
    void theLanguageModelIsReachedOnlyThroughTheAnswererRole() {
        // answer.llm exists only when an LLM is configured: nothing may need it, answer included
        noClasses().that().resideOutsideOfPackage("dev.groundwork.answer.llm..")
                .should().dependOnClassesThat().resideInAPackage("dev.groundwork.answer.llm..")
                .check(classes);
    }

    @Test
    void theWebAndMcpLayersGoThroughServicesNotTheIndexRoles() {
        noClasses().that().resideInAnyPackage("dev.groundwork.web..", "dev.groundwork.mcp..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("ChunkIndex")
                .orShould().dependOnClassesThat().haveSimpleName("ChunkSearch")
                .orShould().dependOnClassesThat().haveSimpleName("ChunkStore")
                .orShould().dependOnClassesThat().haveSimpleName("ChunkLookup")
                .orShould().dependOnClassesThat().haveSimpleName("ServingIndex")
                .orShould().dependOnClassesThat().haveSimpleName("IndexGenerations")
                .check(classes);
    }

    @Test
    void featuresDoNotReadTheWholePropertiesRecord() {
        // The evaluation command checks configuration keys against the record, as Spring would bind them.
        noClasses().that().resideOutsideOfPackages("dev.groundwork.config..", "dev.groundwork.eval..")
                .should().dependOnClassesThat().haveSimpleName("GroundworkProperties")
                .check(classes);
    }
}
