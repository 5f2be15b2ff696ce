package dev.groundwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.support.ApiClient;
import dev.groundwork.support.ApiClient.Reply;
import dev.groundwork.support.Containers;
import dev.groundwork.support.Containers.Message;
import dev.groundwork.support.Ebooks;
import dev.groundwork.support.Ebooks.Encryption;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.HostileFiles;
import dev.groundwork.support.StrictWorkbooks;
import dev.groundwork.support.TestDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Archives, mailboxes and the formats that were refused, uploaded over HTTP as a user would, and found through
 * {@code /api/search} cited by their member path and page. Each test uses words of its own, so the tests share one
 * service and one index.
 */
// OCR off: a PNG here stands for a type that is not read (OcrIntegrationTests reads images)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "groundwork.parse.ocr=off")
class ArchiveUploadIntegrationTests {

    private static Path root;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        root = TestDirs.register(registry);
    }

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private static byte[] report(String pageTwo) {
        return Fixtures.pdf("Quarterly report. The first page is a summary of the quarter.", pageTwo,
                "The third page lists the people to call.");
    }

    private static byte[] handbook(String paragraph) {
        return Fixtures.docx().title("Crew Handbook").heading(1, "Watches").paragraph(paragraph).bytes();
    }

    private JsonNode firstHit(String query) {
        Reply search = api.search(query, 5);
        assertThat(search.status()).isEqualTo(200);
        JsonNode hits = search.json().path("hits");
        assertThat(hits.isEmpty()).as("hits for " + query).isFalse();
        return hits.get(0);
    }

    private static JsonNode only(Reply upload) {
        return upload.json().path("documents").get(0);
    }

    private static List<JsonNode> members(JsonNode item) {
        return item.path("members").valueStream().toList();
    }

    private List<JsonNode> documents() {
        return api.get("/api/documents").json().path("documents").valueStream().toList();
    }

    private long chunksInIndex() {
        return api.get("/actuator/health").json().at("/components/index/details/chunks").asLong();
    }

    private static long filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.toString().contains("/.")).count();
        }
    }

    @Test
    void aZipOfAPdfAndADocxIsIndexedAsItsMembersAndCitedByTheirPathsAndPages() {
        byte[] zip = Containers.zip(Containers.entries(
                "reports/q3.pdf", report("The harbour dues rose by nine percent in the third quarter of the year."),
                "handbook.docx", handbook("The night watch changes at four bells, and the cook rings them.")));

        Reply upload = api.upload("docs.zip", zip);

        assertThat(upload.status()).isEqualTo(201);
        JsonNode archive = only(upload);
        assertThat(archive.path("outcome").asString()).isEqualTo("created");
        assertThat(archive.path("contentType").asString()).isEqualTo("application/zip");
        assertThat(archive.path("chunks").asInt()).isZero();
        assertThat(members(archive)).extracting(member -> member.path("fileName").asString())
                .containsExactly("docs.zip/reports/q3.pdf", "docs.zip/handbook.docx");
        assertThat(members(archive)).extracting(member -> member.path("outcome").asString())
                .containsExactly("created", "created");
        JsonNode pdfHit = firstHit("harbour dues rose by nine percent in the third quarter");
        assertThat(pdfHit.path("fileName").asString()).isEqualTo("docs.zip/reports/q3.pdf");
        assertThat(pdfHit.path("page").asInt()).isEqualTo(2);
        assertThat(pdfHit.path("documentId").asString()).isEqualTo(members(archive).get(0).path("id").asString());
        assertThat(firstHit("when does the night watch change").path("fileName").asString())
                .isEqualTo("docs.zip/handbook.docx");
        JsonNode listed = documents().stream().filter(d -> d.path("id").asString().equals(archive.path("id").asString()))
                .findFirst().orElseThrow();
        assertThat(listed.path("kind").asString()).isEqualTo("archive");
        assertThat(listed.path("members").asInt()).isEqualTo(2);
    }

    @Test
    void aTarGzIsReadTheSameWay() {
        byte[] tarGz = Containers.tarGz(Containers.entries(
                "backup/minutes.pdf", report("The board approved a new slipway for the small boats."),
                "backup/rota.docx", handbook("Anneli keeps the logbook on Tuesdays and Fridays.")));

        Reply upload = api.upload("backup.tar.gz", tarGz);

        assertThat(upload.status()).isEqualTo(201);
        JsonNode hit = firstHit("the board approved a new slipway for the small boats");
        assertThat(hit.path("fileName").asString()).isEqualTo("backup.tar.gz/backup/minutes.pdf");
        assertThat(hit.path("page").asInt()).isEqualTo(2);
        assertThat(firstHit("who keeps the logbook on Tuesdays").path("fileName").asString())
                .isEqualTo("backup.tar.gz/backup/rota.docx");
    }

    @Test
    void uploadingTheSameArchiveAgainChangesNothing() {
        byte[] zip = Containers.zip(Containers.entries("notes.txt",
                Fixtures.utf8("The pelican colony nests on the eastern breakwater every spring.")));
        Reply first = api.upload("pelicans.zip", zip);
        int documents = documents().size();
        long chunks = chunksInIndex();

        Reply second = api.upload("pelicans-again.zip", zip);

        assertThat(second.status()).isEqualTo(200);
        assertThat(only(second).path("outcome").asString()).isEqualTo("known");
        assertThat(only(second).path("id").asString()).isEqualTo(only(first).path("id").asString());
        assertThat(members(only(second))).extracting(member -> member.path("outcome").asString()).containsExactly("known");
        assertThat(documents().size()).isEqualTo(documents);
        assertThat(chunksInIndex()).isEqualTo(chunks);
    }

    @Test
    void deletingTheArchiveDeletesItsMembersWhichCannotBeDeletedAlone() throws IOException {
        byte[] zip = Containers.zip(Containers.entries(
                "a.txt", Fixtures.utf8("Walruses haul out on the northern ice floes in August."),
                "b.txt", Fixtures.utf8("Puffins carry a dozen small fish in their beaks at once.")));
        JsonNode archive = only(api.upload("animals.zip", zip));
        String member = members(archive).get(0).path("id").asString();
        long files = filesIn(root.resolve("ingest"));

        Reply memberDelete = api.delete("/api/documents/" + member);
        assertThat(memberDelete.status()).isEqualTo(409);
        assertThat(memberDelete.code()).isEqualTo("DOCUMENT_IN_ARCHIVE");

        assertThat(api.delete("/api/documents/" + archive.path("id").asString()).status()).isEqualTo(204);

        assertThat(api.get("/api/documents/" + member).status()).isEqualTo(404);
        assertThat(api.get("/api/documents/" + members(archive).get(1).path("id").asString()).status()).isEqualTo(404);
        assertThat(api.search("walruses haul out on the ice floes", 5).json().path("hits").valueStream()
                .noneMatch(hit -> hit.path("fileName").asString().startsWith("animals.zip/"))).isTrue();
        assertThat(filesIn(root.resolve("ingest"))).isEqualTo(files - 1);
    }

    @Test
    void theSameMemberInTwoArchivesIsOneDocumentThatOutlivesEitherArchive() {
        byte[] shared = Fixtures.utf8("The tide tables for the estuary are printed every October.");
        JsonNode first = only(api.upload("first.zip", Containers.zip(Containers.entries("tides.txt", shared))));
        JsonNode second = only(api.upload("second.zip", Containers.zip(Containers.entries(
                "tides.txt", shared, "other.txt", Fixtures.utf8("Another note on a topic of its own: bell ropes.")))));
        String id = members(first).get(0).path("id").asString();
        assertThat(members(second).get(0).path("id").asString()).isEqualTo(id);
        assertThat(members(second).get(0).path("outcome").asString()).isEqualTo("known");
        assertThat(api.get("/api/documents/" + id).json().path("paths")).hasSize(2);

        assertThat(api.delete("/api/documents/" + first.path("id").asString()).status()).isEqualTo(204);

        JsonNode left = api.get("/api/documents/" + id).json();
        assertThat(left.path("paths")).hasSize(1);
        assertThat(left.path("fileName").asString()).isEqualTo("second.zip/tides.txt");
        assertThat(firstHit("when are the tide tables for the estuary printed").path("fileName").asString())
                .isEqualTo("second.zip/tides.txt");
    }

    @Test
    void aZipInAZipIsCitedUnderBoth() {
        byte[] inner = Containers.zip(Containers.entries("minutes/june.pdf",
                report("The harbour master retired after thirty-one years of service.")));
        byte[] outer = Containers.zip(Containers.entries("old/2025.zip", inner));

        assertThat(api.upload("archive.zip", outer).status()).isEqualTo(201);

        JsonNode hit = firstHit("the harbour master retired after thirty-one years");
        assertThat(hit.path("fileName").asString()).isEqualTo("archive.zip/old/2025.zip/minutes/june.pdf");
        assertThat(hit.path("page").asInt()).isEqualTo(2);
    }

    @Test
    void aNameThatClimbsOutOfTheArchiveIsKeptInsideIt() throws IOException {
        byte[] zip = Containers.zip(Containers.entries("../../escape.pdf",
                report("Gannets dive into the sea from thirty metres up.")));

        JsonNode archive = only(api.upload("sneaky.zip", zip));

        assertThat(members(archive).get(0).path("fileName").asString()).isEqualTo("sneaky.zip/escape.pdf");
        assertThat(firstHit("gannets dive into the sea from thirty metres").path("fileName").asString())
                .isEqualTo("sneaky.zip/escape.pdf");
        // members are never written to disk: the archive is the only file kept, inside its upload folder
        try (Stream<Path> anywhere = Files.walk(root)) {
            assertThat(anywhere.filter(file -> file.getFileName().toString().equals("escape.pdf"))).isEmpty();
        }
        assertThat(api.get("/api/documents/" + archive.path("id").asString()).json().path("paths").get(0).asString())
                .startsWith("uploads/" + archive.path("id").asString() + "/");
    }

    @Test
    void anMboxOfThreeMessagesIsThreeDocumentsWithTheirHeaders() {
        byte[] mbox = Containers.mbox(List.of(
                new Message("ana@example.org", "crew@example.org", "Mon, 5 Jan 2026 09:00:00 +0000", "Night watch",
                        "The night watch starts at eight from Monday onwards."),
                new Message("bo@example.org", "ana@example.org", "Tue, 6 Jan 2026 10:30:00 +0000", "Re: Night watch",
                        "Then the ferry to the lighthouse island leaves at nine instead."),
                new Message("cy@example.org", "crew@example.org", "Wed, 7 Jan 2026 16:45:00 +0000", "Paint",
                        "The red paint for the hull arrives on Thursday.")));

        JsonNode mailbox = only(api.upload("harbour.mbox", mbox));

        assertThat(members(mailbox)).extracting(member -> member.path("fileName").asString())
                .containsExactly("harbour.mbox/0001.eml", "harbour.mbox/0002.eml", "harbour.mbox/0003.eml");
        JsonNode hit = firstHit("when does the ferry to the lighthouse island leave");
        assertThat(hit.path("fileName").asString()).isEqualTo("harbour.mbox/0002.eml");
        assertThat(hit.path("title").asString()).isEqualTo("Re: Night watch");
        assertThat(hit.path("text").asString()).contains("From: bo@example.org").contains("To: ana@example.org")
                .contains("Subject: Re: Night watch");
        assertThat(documents().stream().filter(d -> d.path("id").asString().equals(mailbox.path("id").asString()))
                .findFirst().orElseThrow().path("kind").asString()).isEqualTo("mailbox");
    }

    @Test
    void anEpubWithACoverAndAStrictWorkbookAreReadAndFound() {
        assertThat(api.upload("keeper.epub", Ebooks.epub2WithCover("The Lighthouse Keeper",
                "The keeper polished the great lens every morning before breakfast.", Encryption.NONE)).status())
                .isEqualTo(201);
        assertThat(api.upload("fonts.epub", Ebooks.epub2WithCover("The Ferryman",
                "The ferryman counted seventeen crossings on the stormiest day.", Encryption.OBFUSCATED_FONT)).status())
                .isEqualTo(201);
        assertThat(api.upload("budget.xlsx", StrictWorkbooks.of("Budget", List.of(new String[] {"Item", "Cost"},
                new String[] {"Replacement foghorn diaphragm", "1840 kroner"}))).status()).isEqualTo(201);

        assertThat(firstHit("who polished the great lens every morning").path("fileName").asString())
                .isEqualTo("keeper.epub");
        assertThat(firstHit("how many crossings did the ferryman count").path("fileName").asString())
                .isEqualTo("fonts.epub");
        assertThat(firstHit("replacement foghorn diaphragm cost").path("text").asString())
                .contains("Replacement foghorn diaphragm | 1840 kroner");
    }

    @Test
    void aMemberThatFailsDoesNotFailTheOthers() {
        byte[] good = report("Cormorants dry their wings on the harbour wall after fishing.");
        byte[] zip = Containers.zip(Containers.entries("good.pdf", good,
                "broken.pdf", Arrays.copyOf(good, good.length / 3), "photo.png", Fixtures.png()));

        Reply upload = api.upload("mixed.zip", zip);

        assertThat(upload.status()).isEqualTo(201);
        List<JsonNode> members = members(only(upload));
        assertThat(members).extracting(member -> member.path("outcome").asString())
                .containsExactly("created", "rejected", "rejected");
        assertThat(members.get(1).path("code").asString()).isIn("MALFORMED", "NO_TEXT");
        assertThat(members.get(2).path("code").asString()).isEqualTo("UNSUPPORTED_TYPE");
        assertThat(members.get(2).path("status").asInt()).isEqualTo(415);
        assertThat(members.get(2).path("detail").asString()).isNotBlank();
        assertThat(firstHit("cormorants dry their wings").path("fileName").asString()).isEqualTo("mixed.zip/good.pdf");
    }

    @Test
    void anArchiveWithNothingReadableIsRefusedWithEachMembersReasonAndLeavesNothing() throws IOException {
        long files = filesIn(root.resolve("ingest"));
        long chunks = chunksInIndex();

        Reply upload = api.upload("photos.zip", Containers.zip(Containers.entries(
                "a.png", Fixtures.png(), "scan.pdf", Fixtures.imageOnlyPdf())));

        assertThat(upload.status()).isEqualTo(422);
        assertThat(upload.contentType()).startsWith("application/problem+json");
        assertThat(upload.code()).isEqualTo("NO_READABLE_MEMBERS");
        assertThat(upload.json().path("members").valueStream().map(member -> member.path("code").asString()))
                .containsExactly("UNSUPPORTED_TYPE", "NO_TEXT");
        assertThat(filesIn(root.resolve("ingest"))).isEqualTo(files);
        assertThat(chunksInIndex()).isEqualTo(chunks);
    }

    @Test
    void bombsAndArchivesNestedTooDeepAreRefusedWithTheirCodesAndLeaveNothing() throws IOException {
        long files = filesIn(root.resolve("ingest"));
        int documents = documents().size();

        Reply bomb = api.upload("bomb.zip", HostileFiles.zipBomb(300));
        Reply nested = api.upload("nested.zip", HostileFiles.nestedZip(100));

        assertThat(bomb.status()).isEqualTo(422);
        assertThat(bomb.code()).isEqualTo("EXPANDS_TOO_MUCH");
        assertThat(nested.status()).isEqualTo(422);
        assertThat(nested.code()).isEqualTo("TOO_DEEP");
        assertThat(filesIn(root.resolve("ingest"))).isEqualTo(files);
        assertThat(documents().size()).isEqualTo(documents);
    }

    @Test
    void anArchiveAmongOtherFilesHasItsMembersInItsOwnItem() {
        Reply upload = api.upload(Map.of("plain.txt", Fixtures.utf8("Seals bask on the sandbank at low water."),
                "pair.zip", Containers.zip(Containers.entries("one.txt", Fixtures.utf8("Oystercatchers pipe at dawn.")))));

        assertThat(upload.status()).isEqualTo(207);
        JsonNode pair = upload.json().path("documents").valueStream()
                .filter(item -> item.path("fileName").asString().equals("pair.zip")).findFirst().orElseThrow();
        assertThat(pair.path("status").asInt()).isEqualTo(201);
        assertThat(members(pair)).extracting(member -> member.path("fileName").asString())
                .containsExactly("pair.zip/one.txt");
    }
}
