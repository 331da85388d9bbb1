package vn.doanthanhnien.admission.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/** Bad input is refused with a Vietnamese message, the task stays open and nothing of the submission is stored. */
@PipelineTest
class InvalidInputTest {

  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;
  @Autowired RuntimeService runtime;
  @Autowired CandidacyService candidacies;

  @Test
  void aNegativeCountIsRefused() {
    assertRefused("recordBranchVote", v -> v.put("votesAgainst", -1), "Số phiếu không tán thành không được nhỏ hơn 0");
  }

  @Test
  void votesAboveTheAttendeesAreRefused() {
    assertRefused("recordBranchVote", v -> v.put("votesFor", 21),
        "Tổng số phiếu tán thành và không tán thành (23) không được lớn hơn số đoàn viên dự họp (22)");
  }

  @Test
  void attendeesAboveTheMembersAreRefused() {
    assertRefused("recordBranchVote", v -> v.put("attendeeCount", 26),
        "Số đoàn viên dự họp (26) không được lớn hơn số đoàn viên của chi đoàn (25)");
  }

  @Test
  void votesAboveTheCellsOfficialMembersAreRefused() {
    assertRefused("recordPartyCellVote", v -> v.put("votesFor", 13), "không được lớn hơn số đảng viên chính thức (12)");
  }

  @Test
  void aMissingRequiredFieldIsRefused() {
    assertRefused("recordYouthCommitteeResolution", v -> v.remove("resolutionNumber"),
        "Số nghị quyết giới thiệu là bắt buộc.");
  }

  @Test
  void aResolutionNumberTheDocumentsCannotPrintIsRefused() {
    assertRefused("recordYouthCommitteeResolution", v -> v.put("resolutionNumber", "15-NQ/ĐTN 決議"),
        "Số nghị quyết giới thiệu có ký tự không in được trên văn bản: 決 (U+6C7A), 議 (U+8B70)");
  }

  @Test
  void aMeetingDateInTheFutureIsRefused() {
    String tomorrow = pipeline.today().plusDays(1).toString();
    assertRefused("recordBranchVote", v -> v.put("meetingDate", tomorrow), "không được sau ngày hôm nay");
  }

  @Test
  void anImpossibleDateIsRefusedNotRolledOver() {
    assertRefused("recordBranchVote", v -> v.put("meetingDate", "2025-02-30"), "không phải là ngày hợp lệ");
  }

  @Test
  void anIntroducerWhoWorkedWithTheCandidateLessThanTwelveMonthsIsRefused() {
    assertRefused("assignIntroducer", v -> v.put("monthsWorkedTogether", 11),
        "Số tháng cùng công tác, học tập phải từ 12 trở lên");
  }

  @Test
  void anIncompleteDossierIsRefused() {
    assertRefused("checkDossier", v -> v.put("personalHistoryReceived", false),
        "Cần đánh dấu «Đã nhận lý lịch của người xin vào Đảng (mẫu 2-KNĐ)».");
  }

  @Test
  void anExpiredAwarenessCertificateIsRefused() {
    String longAgo = pipeline.today().minusMonths(61).toString();
    assertRefused("recordAwarenessCertificate", v -> v.put("certificateDate", longAgo), "đã hết thời hạn hiệu lực");
  }

  @Test
  void aCeremonyBeforeTheDecisionIsRefused() {
    String beforeDecision = pipeline.daysAgo(2);
    assertRefused("recordAdmissionCeremony", v -> v.put("ceremonyDate", beforeDecision),
        "không được trước ngày quyết định kết nạp");
  }

  @Test
  void anAdmissionDecisionBeforeTheCellsResolutionIsRefused() {
    String beforeCellVote = pipeline.daysAgo(4);
    assertRefused("recordAdmissionDecision", v -> v.put("decisionDate", beforeCellVote),
        "Ngày quyết định kết nạp (" + beforeCellVote + ") không được trước ngày chi bộ họp biểu quyết đề nghị kết nạp ("
            + pipeline.daysAgo(3) + ")");
  }

  @Test
  void aChoiceOutsideTheFormsValuesIsRefusedNamingThem() {
    assertRefused("verifyBackground", v -> v.put("backgroundClear", "maybe"),
        "Kết luận thẩm tra phải là một trong các giá trị: Rõ ràng, Có vấn đề.");
  }

  @Test
  void aSubmissionCannotMoveTheInstanceToAnotherCandidacyOrMember() {
    assertRefused("recordBranchVote", v -> v.put("memberCode", "KTNN01-002"), "Không được thay đổi số hồ sơ");
    assertRefused("recordBranchVote", v -> v.put("candidacyId", "1"), "Không được thay đổi số hồ sơ");
  }

  @Test
  void aSubmissionCannotHandTheNextStageToAnotherUnit() {
    assertRefused("recordBranchVote", v -> v.put("youthUnitCode", "HVBC"), "Không được thay đổi các đơn vị");
    assertRefused("recordYouthCommitteeResolution", v -> v.put("partyCellCode", "CB-HVBC-01"),
        "Không được thay đổi các đơn vị");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertRefused("recordBranchVote", v -> {
      v.put("branchMemberCount", 0);
      v.remove("meetingDate");
      v.put("votesFor", 1.5);
    }, "Số đoàn viên của chi đoàn phải từ 1 trở lên", "Ngày họp chi đoàn là bắt buộc", "phải là số nguyên: 1.5");
  }

  @Test
  void formsSendingFlagsAsTextAreAccepted() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "recordAdmissionDecision");
    Map<String, Object> values = pipeline.valid("recordAdmissionDecision");
    values.put("approved", "true");

    pipeline.complete(instance, "recordAdmissionDecision", values);

    assertThat(runtime.getVariable(instance.getId(), "recordAdmissionDecision_approved")).isEqualTo(true);
    assertThat(pipeline.task(instance).getTaskDefinitionKey()).isEqualTo("recordAdmissionCeremony");
  }

  private void assertRefused(String taskKey, Consumer<Map<String, Object>> spoil, String... messages) {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), taskKey);
    Long candidacyId = Long.valueOf(instance.getBusinessKey());
    int timelineBefore = candidacies.timeline(candidacyId).size();
    Map<String, Object> values = pipeline.valid(taskKey);
    spoil.accept(values);

    assertThatThrownBy(() -> pipeline.complete(instance, taskKey, values))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageStartingWith("Không thể ghi nhận")
        .hasMessageContainingAll(messages);

    assertThat(pipeline.task(instance).getTaskDefinitionKey()).isEqualTo(taskKey);
    assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys(taskKey + "_passed", "votesFor",
        "meetingDate", "backgroundClear", "certificateDate", "ceremonyDate", "monthsWorkedTogether");
    assertThat(candidacies.timeline(candidacyId)).hasSize(timelineBefore);
  }
}
