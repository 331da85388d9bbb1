package vn.doanthanhnien.admission.document;

import java.util.Arrays;
import java.util.Optional;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess.Task;

/**
 * The document each stage produces, by its form in Hướng dẫn 12-HD/BTCTW. Its text is the template
 * {@code documents/<fileCode>.txt}.
 *
 * @param fileCode the code in URLs and file names, without the letter Đ
 * @param outcomeField the field of the stage's record that says whether it passed
 */
public enum DocumentForm {
  BRANCH_RESOLUTION("4_1-KND", "4_1-KNĐ", Task.BRANCH_VOTE, PartyAdmissionProcess.PASSED,
      "Nghị quyết của chi đoàn đề nghị giới thiệu đoàn viên ưu tú vào Đảng"),
  YOUTH_COMMITTEE_RESOLUTION("4-KND", "4-KNĐ", Task.YOUTH_COMMITTEE_RESOLUTION, PartyAdmissionProcess.PASSED,
      "Nghị quyết giới thiệu đoàn viên ưu tú vào Đảng"),
  PARTY_CELL_RESOLUTION("6-KND", "6-KNĐ", Task.PARTY_CELL_VOTE, PartyAdmissionProcess.PASSED,
      "Nghị quyết của chi bộ đề nghị kết nạp đảng viên"),
  PARTY_COMMITTEE_RESOLUTION("8-KND", "8-KNĐ", Task.PARTY_COMMITTEE_VOTE, PartyAdmissionProcess.PASSED,
      "Nghị quyết của Đảng ủy cơ sở đề nghị kết nạp đảng viên"),
  ADMISSION_DECISION("9-KND", "9-KNĐ", Task.ADMISSION_DECISION, PartyAdmissionProcess.ADMISSION_APPROVED.field(),
      "Quyết định kết nạp đảng viên");

  private final String fileCode;
  private final String code;
  private final String stage;
  private final String outcomeField;
  private final String name;

  DocumentForm(String fileCode, String code, String stage, String outcomeField, String name) {
    this.fileCode = fileCode;
    this.code = code;
    this.stage = stage;
    this.outcomeField = outcomeField;
    this.name = name;
  }

  public String fileCode() {
    return fileCode;
  }

  /** The form's code as printed: 4_1-KNĐ. */
  public String code() {
    return code;
  }

  /** The task key of the stage whose completion produces the document. */
  public String stage() {
    return stage;
  }

  String outcomeField() {
    return outcomeField;
  }

  /** "Nghị quyết giới thiệu đoàn viên ưu tú vào Đảng (mẫu 4-KNĐ)". */
  public String title() {
    return name + " (mẫu " + code + ")";
  }

  /** Where the candidacy's document is downloaded, relative to the server's root. */
  public String url(Object candidacyId, DocumentFormat format) {
    return "/api/candidacies/" + candidacyId + "/documents/" + fileCode + "." + format.extension();
  }

  public static Optional<DocumentForm> ofFileCode(String fileCode) {
    return Arrays.stream(values()).filter(f -> f.fileCode.equals(fileCode)).findFirst();
  }

  public static Optional<DocumentForm> ofStage(String taskKey) {
    return Arrays.stream(values()).filter(f -> f.stage.equals(taskKey)).findFirst();
  }
}
