package dev.groundwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.embed.EncoderUnavailableException;
import dev.groundwork.index.IndexUnavailableException;
import dev.groundwork.index.StorageFullException;
import dev.groundwork.ingest.DocumentInArchiveException;
import dev.groundwork.ingest.DocumentInSourceException;
import dev.groundwork.ingest.DocumentNotFoundException;
import dev.groundwork.ingest.ParserUnavailableException;
import dev.groundwork.ingest.PreparedContainer;
import dev.groundwork.ingest.Refusal;
import dev.groundwork.ingest.RejectedContainerException;
import dev.groundwork.ingest.RejectedDocumentException;
import dev.groundwork.ingest.RejectedDocumentException.Reason;
import dev.groundwork.retrieve.InvalidQueryException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.multipart.MultipartException;

/**
 * The one mapping from failures to problem details, which JSON replies, the stream's {@code error} event and each file
 * of an upload share.
 */
class ApiProblemsTests {

    private static void assertProblem(ProblemDetail problem, int status, String code) {
        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getProperties()).containsEntry("code", code);
        assertThat(problem.getType().toString()).endsWith("/" + code.toLowerCase().replace('_', '-'));
    }

    @Test
    void aRefusedDocumentKeepsItsReasonAndTheStatusOfThatReason() {
        ProblemDetail problem = ApiProblems.of(new RejectedDocumentException(Reason.NO_TEXT, "No text in it."));

        assertProblem(problem, 422, "NO_TEXT");
        assertThat(problem.getDetail()).isEqualTo("No text in it.");
        assertProblem(ApiProblems.of(new RejectedDocumentException(Reason.UNSUPPORTED_TYPE, "x")), 415, "UNSUPPORTED_TYPE");
        assertProblem(ApiProblems.of(new RejectedDocumentException(Reason.TOO_LARGE, "x")), 413, "TOO_LARGE");
    }

    @Test
    void theClientsMistakesKeepTheirCodeAndDetail() {
        ProblemDetail query = ApiProblems.of(new InvalidQueryException("QUERY_TOO_LONG", "Too long."));
        ProblemDetail request = ApiProblems.of(new InvalidRequestException(HttpStatus.SERVICE_UNAVAILABLE, "TOO_BUSY",
                "Try again."));

        assertProblem(query, 400, "QUERY_TOO_LONG");
        assertThat(query.getDetail()).isEqualTo("Too long.");
        assertProblem(request, 503, "TOO_BUSY");
        assertProblem(ApiProblems.of(new DocumentNotFoundException("abc")), 404, "NOT_FOUND");
    }

    @Test
    void aDocumentInASourceFolderNamesItsPaths() {
        ProblemDetail problem = ApiProblems.of(new DocumentInSourceException("abc", List.of("//notes/a.md")));

        assertProblem(problem, 409, "DOCUMENT_IN_SOURCE");
        assertThat(problem.getProperties()).containsEntry("paths", List.of("//notes/a.md"));
    }

    @Test
    void aDocumentInAnArchiveNamesItsMemberPaths() {
        ProblemDetail problem = ApiProblems.of(new DocumentInArchiveException("abc", List.of("uploads/f00/a.zip//b.pdf")));

        assertProblem(problem, 409, "DOCUMENT_IN_ARCHIVE");
        assertThat(problem.getProperties()).containsEntry("paths", List.of("uploads/f00/a.zip//b.pdf"));
    }

    @Test
    void anArchiveWithNothingReadableListsEachMemberWithItsOwnStatusAndCode() {
        ProblemDetail problem = ApiProblems.of(new RejectedContainerException("photos.zip", "application/zip", List.of(
                new PreparedContainer.Refused("a.png", new Refusal(Reason.UNSUPPORTED_TYPE, "Images cannot be read.")),
                new PreparedContainer.Refused("scan.pdf", new Refusal(Reason.NO_TEXT, "No text in it."))), null));

        assertProblem(problem, 422, "NO_READABLE_MEMBERS");
        assertThat(problem.getDetail()).isNotBlank();
        @SuppressWarnings("unchecked")
        List<UploadMember> members = (List<UploadMember>) problem.getProperties().get("members");
        assertThat(members).extracting(UploadMember::fileName, UploadMember::status, UploadMember::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("photos.zip/a.png", 415, "UNSUPPORTED_TYPE"),
                        org.assertj.core.groups.Tuple.tuple("photos.zip/scan.pdf", 422, "NO_TEXT"));
        assertThat(UploadItem.refused("photos.zip", problem).members()).isEqualTo(members);
    }

    @Test
    void aFullDiskSaysSoAndAFailureOfTheServiceTellsNothingOfItsInside() {
        assertProblem(ApiProblems.of(new StorageFullException("The disk holding the index is full.", null)), 507,
                "INSUFFICIENT_STORAGE");
        for (var failure : List.of(new IndexUnavailableException("disk /var/x failed", null),
                new ParserUnavailableException("worker /var/x died", null),
                new EncoderUnavailableException("model /var/x missing", null))) {
            ProblemDetail problem = ApiProblems.of(failure);
            assertThat(problem.getStatus()).isEqualTo(503);
            assertThat(problem.getDetail()).doesNotContain("/var/x");
        }
        assertProblem(ApiProblems.of(new IndexUnavailableException("x", null)), 503, "INDEX_UNAVAILABLE");
        assertProblem(ApiProblems.of(new ParserUnavailableException("x", null)), 503, "PARSER_UNAVAILABLE");
        assertProblem(ApiProblems.of(new EncoderUnavailableException("x", null)), 503, "ENCODER_UNAVAILABLE");
    }

    @Test
    void anUnreadableMultipartBodyIsTheClients() {
        assertProblem(ApiProblems.of(new MultipartException("boundary missing")), 400, "MALFORMED_REQUEST");
    }

    @Test
    void anythingElseIsAnInternalErrorThatTellsNothing() {
        ProblemDetail problem = ApiProblems.of(new IllegalStateException("secret detail"));

        assertProblem(problem, 500, "INTERNAL_ERROR");
        assertThat(problem.getDetail()).doesNotContain("secret");
    }

    @Test
    void anUploadItemCarriesTheProblemOfItsFile() {
        UploadItem rejected = UploadItem.refused("photo.png",
                ApiProblems.of(new RejectedDocumentException(Reason.UNSUPPORTED_TYPE, "Images cannot be read.")));
        UploadItem failed = UploadItem.refused("big.pdf",
                ApiProblems.of(new StorageFullException("The disk is full.", null)));

        assertThat(rejected).extracting(UploadItem::status, UploadItem::outcome, UploadItem::code, UploadItem::detail)
                .containsExactly(415, "rejected", "UNSUPPORTED_TYPE", "Images cannot be read.");
        assertThat(failed).extracting(UploadItem::status, UploadItem::outcome, UploadItem::code)
                .containsExactly(507, "failed", "INSUFFICIENT_STORAGE");
    }
}
