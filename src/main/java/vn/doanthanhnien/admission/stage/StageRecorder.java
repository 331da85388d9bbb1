package vn.doanthanhnien.admission.stage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.candidacy.Candidacy;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.InputCheck;
import vn.doanthanhnien.admission.common.InvalidInputException;
import vn.doanthanhnien.admission.member.AwarenessCertificates;
import vn.doanthanhnien.admission.common.RuleTables;
import vn.doanthanhnien.admission.form.DeclaredField;
import vn.doanthanhnien.admission.form.FormSubmission;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess.Task;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess.Var;
import vn.doanthanhnien.admission.process.UnitMeetingProcess;
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
  public static final String PASSED = PartyAdmissionProcess.PASSED;
  /** The output column of a stage's rule table: what is wrong with the submission, one row per problem. */
  static final String PROBLEM = "problem";

  private final BusinessClock clock;
  private final VoteThresholds thresholds;
  private final AwarenessCertificates certificates;
  private final CandidacyService candidacies;
  private final RuleTables rules;

  public StageRecorder(BusinessClock clock, VoteThresholds thresholds, AwarenessCertificates certificates,
      CandidacyService candidacies, RuleTables rules) {
    this.rules = rules;
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
    for (DeclaredField field : form.fields()) {
      Object value = values.get(field.key());
      if (field.flagged(DeclaredField.PARTY_ONLY)) {
        partyDetails.put(field.key(), value);
      } else {
        details.put(field.key(), value);
        variables.put(variableName(form, field.key()), variableValue(value));
        summary.add(field.label() + ": " + display(field, value));
      }
    }
    boolean passed = true;
    if (form.isVote()) {
      VoteOutcome outcome = thresholds.evaluate(form.taskKey(), (Integer) values.get(form.votesFor().orElseThrow()),
          (Integer) values.get(form.memberCount().orElseThrow()));
      passed = outcome.passed();
      variables.put(variableName(form, PASSED), passed);
      details.put(PASSED, passed);
      summary.add("Kết quả: " + outcome.description());
    }
    if (submitted.get(UnitMeetingProcess.Var.MEETING_ID) instanceof Long meetingId) {
      details.put(UnitMeetingProcess.Var.MEETING_ID, meetingId);
      summary.add("Ghi nhận chung tại cuộc họp số " + meetingId);
    }
    recordMilestone(form.taskKey(), candidacyId, memberCode, values, passed);
    String title = form.title();
    String subject = BackgroundSubjects.label(submitted.get(BackgroundSubjects.SUBJECT));
    if (subject != null) {
      title += " (" + subject + ")";
      details.put(BackgroundSubjects.SUBJECT, submitted.get(BackgroundSubjects.SUBJECT));
      if (Boolean.FALSE.equals(values.get(PartyAdmissionProcess.BACKGROUND_CLEAR.field()))) {
        variables.put(BackgroundSubjects.CONCERN, true);
      }
    }
    candidacies.recordStage(candidacyId, form.taskKey(), actor, title + " — " + String.join("; ", summary),
        details, partyDetails);
    return variables;
  }

  /**
   * What the stage's completion would refuse in this submission, with nothing stored: the same checks as
   * {@link #complete}, for a meeting that completes several candidacies' tasks at once and must refuse all of them or
   * none before it completes any.
   *
   * @param submitted the process's variables with the form's fields, as a completion would see them
   */
  public List<String> problems(StageForm form, Long candidacyId, Map<String, Object> submitted) {
    try {
      check(form, candidacies.get(candidacyId), submitted);
      return List.of();
    } catch (InvalidInputException e) {
      return e.getReasons();
    }
  }

  /** What a stage changes beyond its own record: the member's certificate, the dates the yearly report counts. */
  private void recordMilestone(String taskKey, Long candidacyId, String memberCode, Map<String, Object> values,
      boolean passed) {
    switch (taskKey) {
      case Task.AWARENESS_CERTIFICATE ->
          certificates.renew(memberCode, (LocalDate) values.get(PartyAdmissionProcess.CERTIFICATE_DATE.field()));
      case Task.YOUTH_COMMITTEE_RESOLUTION -> {
        if (passed) {
          candidacies.markIntroduced(candidacyId,
              (LocalDate) values.get(PartyAdmissionProcess.INTRODUCTION_DATE.field()));
        }
      }
      case Task.ADMISSION_DECISION -> {
        if (Boolean.TRUE.equals(values.get(PartyAdmissionProcess.ADMISSION_APPROVED.field()))) {
          candidacies.markAdmissionApproved(candidacyId,
              (LocalDate) values.get(PartyAdmissionProcess.DECISION_DATE.field()));
        }
      }
      default -> {
      }
    }
  }

  /** The name under which a later form reads a stage's value: {@code recordBranchVote_votesFor}. */
  public static String variableName(StageForm form, String field) {
    return PartyAdmissionProcess.result(form.taskKey(), field);
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
    Map<String, Object> values = FormSubmission.check(form.form(), submitted, in, today);
    if (form.checks() != null) {
      Map<String, Object> context = new HashMap<>(submitted);
      values.forEach((key, value) -> context.put(key, value));
      rules.evaluate(form.checks(), context).collectEntries(PROBLEM).forEach(p -> in.fail(String.valueOf(p)));
    }
    checkAgainstEarlierStages(form, values, in);
    in.throwIfInvalid("Không thể ghi nhận " + form.title());
    return values;
  }

  /** The certificate's validity is the awareness-certificate table's, which the nomination reads too. */
  private void checkAgainstEarlierStages(StageForm form, Map<String, Object> values, InputCheck in) {
    if (form.taskKey().equals(Task.AWARENESS_CERTIFICATE)
        && values.get(PartyAdmissionProcess.CERTIFICATE_DATE.field()) instanceof LocalDate issued && !certificates.isValid(issued)) {
      in.fail("Giấy chứng nhận cấp ngày " + issued + " đã hết thời hạn hiệu lực: cần học lại lớp bồi dưỡng "
          + "nhận thức về Đảng.");
    }
  }

  private static String display(DeclaredField field, Object value) {
    if (value instanceof Boolean b) {
      return field.choices().stream().filter(c -> c.value().isBoolean() && c.value().asBoolean() == b).findFirst()
          .map(DeclaredField.Choice::label).orElse(b ? "có" : "không");
    }
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    return String.valueOf(value);
  }

  /** A date as its ISO text and a checklist as one line: the plain types the process carries. */
  private static Object variableValue(Object value) {
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    return value;
  }
}
