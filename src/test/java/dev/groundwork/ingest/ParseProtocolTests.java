package dev.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.ingest.ParseProtocol.Parsed;
import dev.groundwork.ingest.ParseProtocol.ProtocolException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A worker's reply is held to what the service itself would accept, before anything of it is allocated. */
class ParseProtocolTests {

    /** A million characters of text: with the breaks between blocks and some headroom, 4 million in a reply. */
    private static final ParseLimits LIMITS = new ParseLimits(1_000_000, 10, 3, 50, 100, 256, 20);

    private static byte[] reply(ParsedDocument document) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ParseProtocol.writeParsed(new DataOutputStream(bytes), document);
        return bytes.toByteArray();
    }

    private static ParsedDocument document(int pages, String pageText, List<String> headingPath) {
        List<ParsedDocument.ParsedPage> all = new ArrayList<>();
        for (int i = 1; i <= pages; i++) {
            all.add(new ParsedDocument.ParsedPage(i, pageText,
                    List.of(new ParsedDocument.TextBlock(0, pageText.length(), headingPath, false))));
        }
        return new ParsedDocument("application/pdf", "A title", true, all);
    }

    private static ParseProtocol.Reply read(byte[] reply) throws IOException {
        return ParseProtocol.readReply(new DataInputStream(new ByteArrayInputStream(reply)), LIMITS);
    }

    private static byte[] container(List<ContainerMember> members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (ContainerMember member : members) {
            ParseProtocol.writeMemberReading(out, member.name());
            ParseProtocol.writeMember(out, member);
        }
        ParseProtocol.writeContainerEnd(out, "application/zip", new Refusal(RejectedDocumentException.Reason.MALFORMED,
                "The archive could not be read to its end."));
        return bytes.toByteArray();
    }

    private static ContainerMember.Read member(String name, ParsedDocument document) {
        return new ContainerMember.Read(name, new FileFacts(42, "a".repeat(64)), document);
    }

    @Test
    void howEachPageWasReadComesThroughAndOcrProgressIsPassedOver() throws IOException {
        ParsedDocument.TextBlock block = new ParsedDocument.TextBlock(0, 5, List.of(), false);
        ParsedDocument document = new ParsedDocument("application/pdf", "A scan", true, List.of(
                new ParsedDocument.ParsedPage(1, "Typed", List.of(block)),
                new ParsedDocument.ParsedPage(2, "Found", List.of(block), new ParsedDocument.PageOcr(true, 87.5f)),
                new ParsedDocument.ParsedPage(3, "", List.of(), ParsedDocument.PageOcr.failed())));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        ParseProtocol.writeOcrPage(out, 2);
        ParseProtocol.writeOcrPage(out, 3);
        ParseProtocol.writeParsed(out, document);
        List<String> progress = new ArrayList<>();

        ParseProtocol.Reply reply = new ParseProtocol.Answer(LIMITS).read(
                new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), () -> progress.add("message"));

        assertThat(reply).isEqualTo(new Parsed(document));
        assertThat(progress).hasSize(3); // each page told starts the watchdog's time again
        assertThat(((Parsed) reply).document().ocrFailedPages()).containsExactly(3);
    }

    @Test
    void aPageReadByOcrWithAConfidenceOutOfRangeIsAProtocolError() throws IOException {
        ParsedDocument.TextBlock block = new ParsedDocument.TextBlock(0, 5, List.of(), false);
        byte[] valid = reply(new ParsedDocument("application/pdf", "A scan", true, List.of(
                new ParsedDocument.ParsedPage(1, "Found", List.of(block), new ParsedDocument.PageOcr(true, 50f)))));
        byte[] forged = valid.clone();
        // the float 50.0 (0x42480000) after the page's source byte, made 5000.0 (0x459C4000)
        for (int i = 0; i + 3 < forged.length; i++) {
            if (forged[i] == 0x42 && forged[i + 1] == 0x48 && forged[i + 2] == 0 && forged[i + 3] == 0) {
                forged[i] = 0x45;
                forged[i + 1] = (byte) 0x9C;
                forged[i + 2] = 0x40;
                break;
            }
        }

        assertThat(read(valid)).isInstanceOf(Parsed.class);
        assertThatThrownBy(() -> read(forged)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void aContainersMembersComeThroughInOrderWithItsEnd() throws IOException {
        List<ContainerMember> members = List.of(member("reports/q3.pdf", document(2, "Pages of a report.", List.of())),
                new ContainerMember.Refused("photo.png", new Refusal(RejectedDocumentException.Reason.UNSUPPORTED_TYPE,
                        "Files of type image/png cannot be read.")));

        ParseProtocol.Reply reply = read(container(members));

        assertThat(reply).isEqualTo(new ParseProtocol.Unpacked("application/zip", members,
                new Refusal(RejectedDocumentException.Reason.MALFORMED, "The archive could not be read to its end."), null));
    }

    @Test
    void aMemberNameThatIsAPathOutOfItsContainerIsAProtocolError() throws IOException {
        ParsedDocument document = document(1, "Text.", List.of());

        assertThatThrownBy(() -> read(container(List.of(member("/etc/passwd", document)))))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> read(container(List.of(member("a//b.txt", document)))))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void moreMembersThanAContainerMayHoldIsAProtocolError() throws IOException {
        List<ContainerMember> many = new ArrayList<>();
        for (int i = 0; i <= LIMITS.maxEmbeddedCount(); i++) {
            many.add(member("file-" + i + ".txt", document(1, "Text.", List.of())));
        }

        assertThatThrownBy(() -> read(container(many))).isInstanceOf(ProtocolException.class);
    }

    @Test
    void aContainersMembersShareOneDocumentsTextBudget() throws IOException {
        List<ContainerMember> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            members.add(member("part-" + i + ".txt", document(1, "w".repeat(900_000), List.of())));
        }

        assertThatThrownBy(() -> read(container(members))).isInstanceOf(ProtocolException.class);
    }

    @Test
    void aDocumentWithinTheLimitsComesThroughWhole() throws IOException {
        ParsedDocument document = document(3, "Some text of a page.", List.of("Chapter", "Section"));

        assertThat(read(reply(document))).isEqualTo(new Parsed(document));
    }

    @Test
    void moreTextThanTheServiceAcceptsIsAProtocolError() throws IOException {
        byte[] tooLong = reply(document(1, "x".repeat(4_100_000), List.of()));

        assertThatThrownBy(() -> read(tooLong)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void moreTextInAllThanTheServiceAcceptsIsAProtocolErrorEvenInSmallPieces() throws IOException {
        byte[] manySmall = reply(document(10, "y".repeat(450_000), List.of()));

        assertThatThrownBy(() -> read(manySmall)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void morePagesThanTheLimitIsAProtocolError() throws IOException {
        byte[] manyPages = reply(document(11, "z", List.of()));

        assertThatThrownBy(() -> read(manyPages)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void aHugeDeclaredLengthIsRefusedBeforeItIsRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x47574B31);
        out.writeByte(3);
        out.writeInt(400 << 20); // a content type of 400 MB, and nothing after it

        assertThatThrownBy(() -> read(bytes.toByteArray())).isInstanceOf(ProtocolException.class);
    }
}
