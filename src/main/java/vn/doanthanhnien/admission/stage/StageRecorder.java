package vn.doanthanhnien.admission.stage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.candidacy.Candidacy;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.InputCheck;
import vn.doanthanhnien.admission.member.AwarenessCertificates;
import vn.doanthanhnien.admission.probation.ProbationProcess;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess.Var;
import vn.doanthanhnien.admission.verification.BackgroundSubjects;
import vn.doanthanhnien.admission.voting.VoteThresholds;
import vn.doanthanhnien.admission.voting.VoteThresholds.VoteOutcome;

/**
 * Completes one stage: checks the submitted form on the server (REST callers bypass the form's own checks), decides
 * the vote, writes the timeline, and returns the process variables that carry the stage's result onward.
 */
@Service
public class StageRecorder {

  /** Whether a vote passed: a process variable ({@code recordBranchVote_passed}) and a field of the stage's record. */
  public static final String PASSED = "passed";

  private final BusinessClock clock;
  private final VoteThresholds thresholds;
  private final AwarenessCertificates certificates;
  private final CandidacyService candidacies;

  public StageRecorder(BusinessClock clock, VoteThresholds thresholds, AwarenessCertificates certificates,
      CandidacyService candidacies) {
    this.clock = clock;
    this.thresholds = thresholds;
    this.certificates = certificates;
    this.candidacies = candidacies;
  }

  /**
   * @return the variables that carry the stage's result onward, to set on the process instance
   * @param submitted the process's variables after the form was submitted (the form's fields among them)
   * @throws vn.doanthanhnien.admission.common.InvalidInputException with every problem found; nothing is stored then
   */
  @Transactional
  public Map<String, Object> complete(StageForm form, Long candidacyId, Map<String, Object> submitted, String actor) {
    Candidacy candidacy = candidacies.get(candidacyId);
    String memberCode = candidacy.getMemberCode();
    Map<String, Object> values = check(form, candidacy, submitted);
    Map<String, Object> variables = new LinkedHashMap<>();
    Map<String, Object> details = new LinkedHashMap<>();
    Map<String, Object> partyDetails = new LinkedHashMap<>();
    List<String> summary = new ArrayList<>();
    for (FormField field : form.fields()) {
      Object value = values.get(field.key());
      if (field.partyOnly()) {
        partyDetails.put(field.key(), value);
      } else {
        details.put(field.key(), value);
        variables.put(variableName(form, field.key()), value instanceof LocalDate d ? d.toString() : value);
        summary.add(field.label() + ": " + display(value));
      }
    }
    boolean passed = true;
    if (form.isVote()) {
      VoteOutcome outcome = thresholds.evaluate(form.taskKey(), (Integer) values.get(form.votesFor()),
          (Integer) values.get(form.memberCount()));
      passed = outcome.passed();
      variables.put(variableName(form, PASSED), passed);
      details.put(PASSED, passed);
      summary.add("Kết quả: " + outcome.description());
    }
    recordMilestone(form.taskKey(), candidacyId, memberCode, values, passed);
    String title = form.title();
    String subject = BackgroundSubjects.label(submitted.get(BackgroundSubjects.SUBJECT));
    if (subject != null) {
      title += " (" + subject + ")";
      details.put(BackgroundSubjects.SUBJECT, submitted.get(BackgroundSubjects.SUBJECT));
      if (Boolean.FALSE.equals(values.get("backgroundClear"))) {
        variables.put(BackgroundSubjects.CONCERN, true);
      }
    }
    candidacies.recordStage(candidacyId, form.taskKey(), actor, title + " — " + String.join("; ", summary),
        details, partyDetails);
    return variables;
  }

  /** What a stage changes beyond its own record: the member's certificate, the dates the yearly report counts. */
  private void recordMilestone(String taskKey, Long candidacyId, String memberCode, Map<String, Object> values,
      boolean passed) {
    switch (taskKey) {
      case "recordAwarenessCertificate" -> certificates.renew(memberCode, (LocalDate) values.get("certificateDate"));
      case "recordYouthCommitteeResolution" -> {
        if (passed) {
          candidacies.markIntroduced(candidacyId, (LocalDate) values.get("resolutionDate"));
        }
      }
      case "recordAdmissionDecision" -> {
        if (Boolean.TRUE.equals(values.get("approved"))) {
          candidacies.markAdmissionApproved(candidacyId, (LocalDate) values.get("decisionDate"));
        }
      }
      default -> {
      }
    }
  }

  /** The name under which a later form reads a stage's value: {@code recordBranchVote_votesFor}. */
  public static String variableName(StageForm form, String field) {
    return form.taskKey() + "_" + field;
  }

  private Map<String, Object> check(StageForm form, Candidacy candidacy, Map<String, Object> submitted) {
    LocalDate today = clock.today();
    InputCheck in = new InputCheck(clock.zone());
    // A REST caller may send any variable with a form; the ids that tie the instance to its candidacy must not move.
    in.require(String.valueOf(candidacy.getId()).equals(submitted.get(Var.CANDIDACY_ID))
            && candidacy.getMemberCode().equals(submitted.get(Var.MEMBER_CODE)),
        "Không được thay đổi số hồ sơ (candidacyId) hoặc mã đoàn viên (memberCode) của hồ sơ.");
    // The task groups come from these variables: a submission that changed them would hand the next stage elsewhere.
    candidacy.getUnits().ifPresent(units -> in.require(
        units.branchCode().equals(submitted.get(Var.BRANCH_CODE))
            && units.youthUnitCode().equals(submitted.get(Var.YOUTH_UNIT_CODE))
            && units.partyCellCode().equals(submitted.get(Var.PARTY_CELL_CODE))
            && units.partyCommitteeCode().equals(submitted.get(Var.PARTY_COMMITTEE_CODE))
            && units.superiorCommitteeCode().equals(submitted.get(Var.SUPERIOR_COMMITTEE_CODE)),
        "Không được thay đổi các đơn vị phụ trách hồ sơ (branchCode, youthUnitCode, partyCellCode, "
            + "partyCommitteeCode, superiorCommitteeCode)."));
    Map<String, Object> values = new LinkedHashMap<>();
    for (FormField f : form.fields()) {
      Object raw = submitted.get(f.key());
      Object value = switch (f.kind()) {
        case TEXT, LONG_TEXT -> in.text(f.label(), raw, f.required(), f.kind().limit);
        case COUNT, MEMBER_COUNT, MONTHS_TOGETHER -> in.count(f.label(), raw, f.required(), f.kind().limit);
        case PAST_DATE -> in.pastDate(f.label(), raw, f.required(), today);
        case FLAG -> in.flag(f.label(), raw, f.required());
      };
      values.put(f.key(), value);
    }
    form.checks().stream().map(c -> c.violation(values)).filter(Objects::nonNull).forEach(in::fail);
    checkAgainstEarlierStages(form, values, submitted, in);
    in.throwIfInvalid("Không thể ghi nhận " + form.title());
    return values;
  }

  private void checkAgainstEarlierStages(StageForm form, Map<String, Object> values, Map<String, Object> earlier,
      InputCheck in) {
    switch (form.taskKey()) {
      case "recordAwarenessCertificate" -> {
        if (values.get("certificateDate") instanceof LocalDate issued && !certificates.isValid(issued)) {
          in.fail("Giấy chứng nhận cấp ngày " + issued + " đã hết thời hạn hiệu lực: cần học lại lớp bồi dưỡng "
              + "nhận thức về Đảng.");
        }
      }
      case "recordAdmissionDecision" -> {
        Object cellMet = earlier.get("recordPartyCellVote_meetingDate");
        if (values.get("decisionDate") instanceof LocalDate decided && cellMet != null
            && decided.isBefore(LocalDate.parse(cellMet.toString()))) {
          in.fail("Ngày quyết định kết nạp (" + decided + ") không được trước ngày chi bộ họp biểu quyết đề nghị kết "
              + "nạp (" + cellMet + ").");
        }
      }
      case "recordAdmissionCeremony" -> {
        Object decided = earlier.get("recordAdmissionDecision_decisionDate");
        if (values.get("ceremonyDate") instanceof LocalDate held && decided != null
            && held.isBefore(LocalDate.parse(decided.toString()))) {
          in.fail("Ngày tổ chức lễ kết nạp (" + held + ") không được trước ngày quyết định kết nạp (" + decided + ").");
        }
      }
      case "recordProbationCellVote" -> {
        Object ended = earlier.get(ProbationProcess.Var.PROBATION_END_DATE);
        if (values.get("meetingDate") instanceof LocalDate met && ended != null
            && met.isBefore(LocalDate.parse(ended.toString()))) {
          in.fail("Ngày họp chi bộ (" + met + ") không được trước ngày hết thời kỳ dự bị (" + ended + ").");
        }
      }
      default -> {
      }
    }
  }

  private static String display(Object value) {
    if (value instanceof Boolean b) {
      return b ? "có" : "không";
    }
    return String.valueOf(value);
  }
}
