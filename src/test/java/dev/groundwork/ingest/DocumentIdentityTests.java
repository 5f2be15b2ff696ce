package dev.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentIdentityTests {

    /** A paged document: the given pages, each a list of blocks (a block starting with "# " is a heading). */
    private static ParsedDocument paged(String metadataTitle, List<List<String>> pages) {
        DocumentTextBuilder builder = new DocumentTextBuilder();
        for (List<String> page : pages) {
            builder.startPage();
            for (String block : page) {
                boolean heading = block.startsWith("# ");
                String text = heading ? block.substring(2) : block;
                builder.addBlock(text, heading ? List.of(text) : List.of(), heading, false);
            }
        }
        return new ParsedDocument("application/pdf", metadataTitle, true, builder.build());
    }

    private static ParsedDocument shortText(String title, String text) {
        DocumentTextBuilder builder = new DocumentTextBuilder();
        PlainTextStructure.read(text, false, builder);
        return new ParsedDocument("text/plain", title, false, builder.build());
    }

    /** Pages of running text that name the company the way reports do, many times. */
    private static List<String> body(String company, int paragraphs) {
        return java.util.stream.IntStream.range(0, paragraphs)
                .mapToObj(i -> company + " reported steady demand in region " + i + ". The Company expects the "
                        + "market to grow, and " + company + " will invest in new plants and people this year.")
                .toList();
    }

    private static ParsedDocument annualReport(String metadataTitle) {
        return paged(metadataTitle, List.of(
                List.of("UNITED STATES SECURITIES AND EXCHANGE COMMISSION", "FORM 10-K",
                        "ANNUAL REPORT PURSUANT TO SECTION 13 OF THE SECURITIES EXCHANGE ACT OF 1934",
                        "For the fiscal year ended December 31, 2022", "Commission file number 1-4321",
                        "ACME WIDGETS, INC.", "Common Stock New York Stock Exchange, Inc."),
                body("Acme Widgets", 20),
                body("Acme Widgets", 20)));
    }

    @Test
    void aMetadataTitleWithoutLettersGivesWayToTheFileNameInWords() {
        DocumentIdentity identity = DocumentIdentity.of(annualReport("0000320193-23-000077"), "ACME_2022_10K.pdf");

        assertThat(identity.title()).isEqualTo("ACME 2022 10K");
    }

    @Test
    void aLongDocumentIsDescribedByTheOrganisationItNamesMostItsFormAndItsPeriod() {
        DocumentIdentity identity = DocumentIdentity.of(annualReport("Acme annual report"), "acme-annual.pdf");

        assertThat(identity.title()).isEqualTo("Acme annual report");
        // the cover also names a stock exchange, once: the document is about the company it keeps naming
        assertThat(identity.about()).isEqualTo("ACME WIDGETS, INC. · Form 10-K · annual report · "
                + "fiscal year ended December 31, 2022 · FY2022");
        assertThat(identity.context()).startsWith("Acme annual report · ACME WIDGETS, INC.");
    }

    @Test
    void theFileNameJoinsTheAboutWhenItSaysWhatTheTitleDoesNot() {
        DocumentIdentity identity = DocumentIdentity.of(annualReport("Annual report"), "ACME_2022_10K.pdf");

        assertThat(identity.about()).startsWith("ACME 2022 10K · ACME WIDGETS, INC.");
    }

    @Test
    void aQuarterlyPeriodIsAlsoNamedByItsQuarter() {
        ParsedDocument quarterly = paged("Q2 report", List.of(
                List.of("FORM 10-Q", "Quarterly report pursuant to Section 13",
                        "For the quarterly period ended Commission file June 30, 2022 number 1-5805",
                        "Globex Holdings (Exact name of registrant as specified in its charter)"),
                body("Globex", 40)));

        // "Quarterly report" in sentence case reads as running text, not as a title: the form says it anyway.
        assertThat(DocumentIdentity.of(quarterly, "q2.pdf").about())
                .isEqualTo("Globex Holdings · Form 10-Q · quarterly period ended June 30, 2022 · Q2 2022");
    }

    @Test
    void aManualIsDescribedByItsKindAndDate() {
        ParsedDocument manual = paged("", List.of(
                List.of("# Zephyr 3000 Blender", "User Manual", "Revised March 3, 2021"),
                List.of("Safety first. " + "Keep the blender away from water. ".repeat(150))));

        DocumentIdentity identity = DocumentIdentity.of(manual, "scan0001.pdf");

        assertThat(identity.title()).isEqualTo("Zephyr 3000 Blender");
        // a camera's or scanner's file name says nothing, so it is left out
        assertThat(identity.about()).isEqualTo("user manual · March 3, 2021");
    }

    @Test
    void aShortDocumentIsKnownByItsTitleAndFileNameAlone() {
        ParsedDocument note = shortText("", "Refunds are given within 30 days. Acme Widgets, Inc. and Acme Widgets "
                + "agree. For the fiscal year ended December 31, 2022 nothing else applies.");

        DocumentIdentity identity = DocumentIdentity.of(note, "refund_policy_v2.txt");

        assertThat(identity.title()).isEqualTo("refund policy v2");
        assertThat(identity.about()).isEmpty();
    }

    @Test
    void aTitleWrittenLikeAFileNameIsPutInWordsAndAPlaceholderIsNoTitle() {
        assertThat(DocumentIdentity.of(annualReport("F20_10K_VFinal"), "x.pdf").title()).isEqualTo("F20 10K VFinal");
        assertThat(DocumentIdentity.of(annualReport("Untitled"), "GlobalReport2022.pdf").title())
                .isEqualTo("Global Report2022");
    }

    @Test
    void theFirstHeadingStandsInForAMissingTitle() {
        ParsedDocument document = paged("", List.of(List.of("# Heating manual", "Bleed the radiators in autumn.")));

        assertThat(DocumentIdentity.of(document, "manual.pdf").title()).isEqualTo("Heating manual");
    }

    @Test
    void fileNamesThatNameNothingGiveNoWords() {
        assertThat(DocumentIdentity.fileWords("IMG_2041.pdf")).isEmpty();
        assertThat(DocumentIdentity.fileWords("3f2a9c0d41b7e8651234.pdf")).isEmpty();
        assertThat(DocumentIdentity.fileWords("Lease-Agreement_2019-03.docx")).isEqualTo("Lease Agreement 2019-03");
        assertThat(DocumentIdentity.fileWords("quarterlyReportQ3.pdf")).isEqualTo("quarterly Report Q3");
    }

    @Test
    void aMemberIsTitledByItsOwnNameAndToldApartByItsPathInWords() {
        ParsedDocument note = shortText("", "The harbour master retired after thirty-one years of service.");

        DocumentIdentity identity = DocumentIdentity.of(note, "archive.zip/old/2025.zip/board_minutes.pdf");

        assertThat(identity.title()).isEqualTo("board minutes");
        assertThat(identity.about()).isEqualTo("archive / old / board minutes");
        assertThat(DocumentIdentity.fileWords("backup.tar.gz/backup/minutes.pdf")).isEqualTo("backup / backup / minutes");
        // a message's number names nothing: an untitled message is titled by its name, its mailbox tells it apart
        DocumentIdentity message = DocumentIdentity.of(note, "harbour.mbox/0002.eml");
        assertThat(message.title()).isEqualTo("0002.eml");
        assertThat(message.about()).isEqualTo("harbour");
    }
}
