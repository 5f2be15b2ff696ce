package dev.groundwork.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.groundwork.ingest.IngestionService.Change;
import dev.groundwork.ingest.MemberOutcome;
import dev.groundwork.ingest.PreparedContainer;
import dev.groundwork.ingest.Refusal;

/**
 * One member of an uploaded archive or mailbox: its own status and outcome, as a file of its own would have them
 * ({@code created}, {@code known} when its bytes were indexed already, {@code rejected} with the problem code and
 * detail), and the document it is.
 *
 * @param name     its name in the container ({@code inner/report.pdf})
 * @param fileName how it is shown and cited ({@code archive.zip/inner/report.pdf})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record UploadMember(String name, String fileName, int status, String outcome, String id, String title,
                    String contentType, Integer pages, Integer chunks, String code, String detail) {

    static UploadMember of(String containerFileName, MemberOutcome member) {
        String fileName = containerFileName + "/" + member.name();
        if (member.refusal() != null) {
            return refused(fileName, member.name(), member.refusal());
        }
        boolean created = member.change() == Change.CREATED || member.change() == Change.REPLACED;
        return new UploadMember(member.name(), fileName, created ? 201 : 200, created ? "created" : "known",
                member.document().id(), member.document().title(), member.document().contentType(),
                member.document().pages(), member.document().chunks(), null, null);
    }

    static UploadMember of(String containerFileName, PreparedContainer.Refused member) {
        return refused(containerFileName + "/" + member.name(), member.name(), member.refusal());
    }

    private static UploadMember refused(String fileName, String name, Refusal refusal) {
        return new UploadMember(name, fileName, UploadStatus.of(refusal.reason()).value(), "rejected", null, null,
                null, null, null, refusal.reason().name(), refusal.detail());
    }
}
