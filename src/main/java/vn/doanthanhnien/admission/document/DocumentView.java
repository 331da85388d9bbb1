package vn.doanthanhnien.admission.document;

import java.time.Instant;

/**
 * A document of a candidacy in {@code /api}.
 *
 * @param form the code in URLs ({@code 4_1-KND}); {@code code} is the form's printed code ({@code 4_1-KNĐ})
 * @param stage the task key of the stage that produced it; {@code taskId} the task, null if no longer known
 * @param recordedAt when the stage was recorded
 * @param passed whether the vote passed, or the admission was approved (the document states it either way)
 */
public record DocumentView(String form, String code, String title, String stage, String taskId, Instant recordedAt,
    boolean passed, String docx, String pdf) {

  public static DocumentView of(Long candidacyId, StageDocuments.Available document) {
    DocumentForm form = document.form();
    return new DocumentView(form.fileCode(), form.code(), form.title(), form.stage(), document.taskId(),
        document.record().getOccurredAt(), document.passed(), form.url(candidacyId, DocumentFormat.DOCX),
        form.url(candidacyId, DocumentFormat.PDF));
  }
}
