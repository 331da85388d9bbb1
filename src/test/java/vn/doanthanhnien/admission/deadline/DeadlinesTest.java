package vn.doanthanhnien.admission.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.doanthanhnien.admission.candidacy.CandidacyEvent;
import vn.doanthanhnien.admission.candidacy.CandidacyRepository;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.candidacy.TimelineAction;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/**
 * The law's deadlines with the engine's clock moved (ClockUtil): background verification per subject, the decision
 * and ceremony due dates with their reminders and escalations, the extension, and withdrawal from Tasklist. The
 * twelve-month renewal is a path of the model, in PartyAdmissionProcessTest. The clock starts on a Monday in January 2026, before Tết.
 */
@PipelineTest
class DeadlinesTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired CandidacyService candidacies;
  @Autowired TestRestTemplate rest;
  @Autowired CandidacyRepository candidacyRepository;

  @BeforeEach
  void aMondayInJanuary2026() {
    at(LocalDate.of(2026, 1, 12));
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void eachSubjectOfThePersonalHistoryIsVerifiedInParallelWithItsOwnDueDate() {
    String member = members.eligible();
    ProcessInstance instance = pipeline.advanceTo(member, "checkDossier");
    Map<String, Object> dossier = pipeline.valid("checkDossier");
    dossier.put("spouseListed", true);
    pipeline.complete(instance, "checkDossier", dossier);

    List<Task> verifications = pipeline.tasks(instance);
    String about = " — Nguyễn Văn Thử " + member + " (Chi đoàn Vụ Tổng hợp)";
    assertThat(verifications).extracting(Task::getName).containsExactlyInAnyOrder("Thẩm tra lý lịch: Cha đẻ" + about,
        "Thẩm tra lý lịch: Mẹ đẻ" + about, "Thẩm tra lý lịch: Người xin vào Đảng" + about,
        "Thẩm tra lý lịch: Vợ hoặc chồng" + about);
    // Dossier dated a week before the clock's Mon 2026-01-12: Mon 2026-01-05. 30 working days after it: Tue 6–Fri 9
    // (4), Sat 10 worked in exchange for Fri 2/1 (5), the weeks of 12/1, 19/1, 26/1, 2/2 (25), Mon 9–Fri 13/2 (30),
    // the Friday before Tết → 2026-02-13 17:00 +07.
    assertThat(dossier.get("dossierDate")).isEqualTo("2026-01-05");
    Date due = Date.from(Instant.parse("2026-02-13T10:00:00Z"));
    assertThat(verifications).allSatisfy(task -> {
      assertThat(task.getDueDate()).isEqualTo(due);
      assertThat(task.getName()).endsWith(": " + tasks.getVariableLocal(task.getId(), "backgroundSubjectLabel") + about);
    });
    assertThat(tasks.createTaskQuery().taskCandidateGroup("party-committee.DU-KTNN")
        .processInstanceId(instance.getId()).count()).isEqualTo(4);

    String ofConcern = (String) tasks.getVariableLocal(verifications.get(1).getId(), "backgroundSubjectLabel");
    pipeline.submit(verifications.get(0), pipeline.valid("verifyBackground"));
    Map<String, Object> concern = pipeline.valid("verifyBackground");
    concern.put("backgroundClear", false);
    pipeline.submit(verifications.get(1), concern);

    assertThat(instance).isEnded().hasPassed("rejectedAtBackgroundCheck").hasNotPassed("collectOpinions");
    assertThat(candidacies.get(Long.valueOf(instance.getBusinessKey())).getRejectionReason())
        .contains("Thẩm tra lý lịch (" + ofConcern + ")");
  }

  @Test
  void theDecisionIsDueSixtyWorkingDaysAfterTheCellsResolutionWithAReminderThenAnEscalation() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "recordAdmissionDecision");
    assertThat(pipeline.valid("recordPartyCellVote").get("meetingDate")).isEqualTo("2026-01-09");
    // 60 working days after the cell's resolution on Fri 2026-01-09: Sat 10/1 worked in exchange (1), the weeks of
    // 12/1, 19/1, 26/1, 2/2, 9/2 (26), Tết Mon 16–Fri 20/2 off (26), the weeks of 23/2, 2/3, 9/3, 16/3, 23/3, 30/3
    // (56), Mon 6/4 (57), Tue 7/4, Wed 8/4, Thu 9/4 (60) → 2026-04-09 17:00 +07.
    Date due = Date.from(Instant.parse("2026-04-09T10:00:00Z"));
    Task decision = pipeline.task(instance);
    assertThat(decision.getDueDate()).isEqualTo(due);
    assertThat(decision.getPriority()).as("Camunda's default priority before any reminder").isEqualTo(50);

    // Mon 2026-04-06, the 57th working day: three working days before the due date, inside the five-day reminder.
    at(LocalDate.of(2026, 4, 6));
    assertThat(runDeadlineWatch(instance)).isEqualTo(new Notices(1, 0));
    assertThat(runDeadlineWatch(instance)).isEqualTo(new Notices(0, 0));
    Task reminded = tasks.createTaskQuery().taskId(decision.getId()).singleResult();
    assertThat(reminded.getFollowUpDate()).as("followed up from the reminder, Mon 6/4 10:00 +07")
        .isEqualTo(Date.from(Instant.parse("2026-04-06T03:00:00Z")));
    assertThat(reminded.getPriority()).as("raised by the reminder").isEqualTo(75);
    assertThat(tasks.getTaskComments(decision.getId())).extracting(c -> c.getFullMessage())
        .anySatisfy(m -> assertThat(m).startsWith("Nhắc hạn").contains(instance.getBusinessKey()));
    assertThat(timeline(instance)).contains(TimelineAction.REMINDED).doesNotContain(TimelineAction.OVERDUE);

    at(LocalDate.of(2026, 4, 10));
    assertThat(runDeadlineWatch(instance)).isEqualTo(new Notices(0, 1));
    assertThat(timeline(instance)).contains(TimelineAction.OVERDUE);
    // The superior committee has no unit above with a role: administrators follow it up.
    assertThat(tasks.createTaskQuery().taskCandidateGroup("camunda-admin")
        .taskVariableValueEquals("candidacyId", instance.getBusinessKey()).count()).isEqualTo(1);
    Map<String, Object> candidacy = rest.withBasicAuth("superior", "demo")
        .getForObject("/api/candidacies/{id}", Map.class, instance.getBusinessKey());
    assertThat(candidacy).containsEntry("overdue", true).containsEntry("dueDate", "2026-04-09T10:00:00Z");
    Map<String, Object> report = rest.withBasicAuth("admin", "demo").getForObject(
        "/api/reports/annual?year={year}&unit=KTNN-01", Map.class, ClockUtil.getCurrentTime().getYear() + 1900);
    assertThat(report.get("overdue")).as("overdue in the report, as the engine's due dates tell")
        .isEqualTo((int) overdueInTheEngine("KTNN-01")).isNotEqualTo(0);
  }

  @Test
  void theSuperiorCommitteeExtendsTheDecisionDeadlineOnceByThirtyWorkingDays() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "recordAdmissionDecision");
    assertThat(pipeline.valid("recordPartyCellVote").get("meetingDate")).isEqualTo("2026-01-09");
    String url = "/api/candidacies/" + instance.getBusinessKey() + "/extend-decision-deadline";
    Map<String, String> body = Map.of("reason", "Chờ ý kiến thẩm định của Ban Tổ chức");

    assertThat(rest.withBasicAuth("secretary", "demo").postForEntity(url, body, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> extended = rest.withBasicAuth("superior", "demo").postForEntity(url, body, String.class);
    assertThat(extended.getStatusCode()).as(extended.getBody()).isEqualTo(HttpStatus.OK);
    // 90 working days after Fri 2026-01-09: the 60th is Thu 9/4 (see above), Fri 10/4 (61), the weeks of 13/4 and
    // 20/4 (71), Mon 27/4 off for Giỗ Tổ (Sun 26/4), Tue 28, Wed 29 (73), Thu 30/4 and Fri 1/5 off, the weeks of 4/5,
    // 11/5, 18/5 (88), Mon 25/5 (89), Tue 26/5 (90) → 2026-05-26 17:00 +07.
    Instant extendedDue = Instant.parse("2026-05-26T10:00:00Z");
    assertThat(pipeline.task(instance).getDueDate()).isEqualTo(Date.from(extendedDue));
    assertThat(candidacies.get(Long.valueOf(instance.getBusinessKey())).getDueAt()).isEqualTo(extendedDue);
    ResponseEntity<String> again = rest.withBasicAuth("superior", "demo").postForEntity(url, body, String.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody()).contains("đã được gia hạn một lần");
    assertThat(timeline(instance)).containsOnlyOnce(TimelineAction.DEADLINE_EXTENDED);
  }

  @Test
  void thePartyCommitteeVoteIsDueSixtyWorkingDaysAfterTheCellsResolutionAndEscalatedToTheSuperiorCommittee() {
    String member = members.eligible();
    ProcessInstance instance = pipeline.advanceTo(member, "recordPartyCommitteeVote");
    assertThat(pipeline.valid("recordPartyCellVote").get("meetingDate")).isEqualTo("2026-01-09");
    Task vote = pipeline.task(instance);
    // The same 60 working days after Fri 2026-01-09 as the decision's (counted above) → 2026-04-09 17:00 +07.
    assertThat(vote.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-04-09T10:00:00Z")));

    at(Instant.parse("2026-04-09T09:59:00Z"));
    assertThat(runDeadlineWatch(instance).escalations()).as("16:59 on the due day").isZero();
    at(Instant.parse("2026-04-09T10:01:00Z"));
    assertThat(runDeadlineWatch(instance).escalations()).as("17:01 on the due day").isEqualTo(1);

    List<Task> followUps = pipeline.as("superior", () -> tasks.createTaskQuery()
        .taskCandidateGroup("superior-committee.DUK").taskVariableValueEquals("candidacyId", instance.getBusinessKey())
        .listPage(0, 10));
    assertThat(followUps).singleElement().satisfies(task -> {
      assertThat(task.getName()).isEqualTo("Đôn đốc hồ sơ số " + instance.getBusinessKey() + " quá hạn: "
          + vote.getName());
      assertThat(task.getDescription()).isEqualTo("Quá hạn: việc \"" + vote.getName() + "\" của hồ sơ số "
          + instance.getBusinessKey() + " (party-committee.DU-KTNN) đã quá hạn 17:00 ngày 09/04/2026. Đề nghị đơn vị "
          + "cấp trên đôn đốc party-committee.DU-KTNN hoàn thành.");
    });
    assertThat(pipeline.as("partycommittee", () -> tasks.createTaskQuery()
        .taskId(followUps.get(0).getId()).count())).as("not in the late committee's own list").isZero();
    assertThat(timeline(instance)).containsOnlyOnce(TimelineAction.OVERDUE);
  }

  @Test
  void theReminderComesFiveWorkingDaysBeforeTheDueDateCountedAcrossTet() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "recordAdmissionCeremony");
    // Due Fri 2026-02-27 17:00 +07 (see the ceremony below). Five working days before it: Thu 26, Wed 25, Tue 24,
    // Mon 23/2, then back over Tết (Mon 16–Fri 20/2) and its weekends to Fri 13/2; Thu 12/2 is the sixth.
    assertThat(pipeline.task(instance).getDueDate()).isEqualTo(Date.from(Instant.parse("2026-02-27T10:00:00Z")));

    at(Instant.parse("2026-02-12T03:00:00Z"));
    assertThat(runDeadlineWatch(instance)).as("Thu 12/2, six working days before").isEqualTo(new Notices(0, 0));
    at(Instant.parse("2026-02-13T03:00:00Z"));
    assertThat(runDeadlineWatch(instance)).as("Fri 13/2, five working days before").isEqualTo(new Notices(1, 0));
    at(Instant.parse("2026-02-17T03:00:00Z"));
    assertThat(runDeadlineWatch(instance)).as("during Tết, already reminded").isEqualTo(new Notices(0, 0));

    assertThat(tasks.getTaskComments(pipeline.task(instance).getId())).extracting(c -> c.getFullMessage())
        .containsExactly("Nhắc hạn: việc \"" + pipeline.task(instance).getName() + "\" của hồ sơ số "
            + instance.getBusinessKey() + " phải hoàn thành trước 17:00 ngày 27/02/2026.");
  }

  @Test
  void anExtendedDecisionIsRemindedAndEscalatedAgainFromItsNewDueDate() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "recordAdmissionDecision");
    Task decision = pipeline.task(instance);
    at(Instant.parse("2026-04-06T03:00:00Z"));
    assertThat(runDeadlineWatch(instance)).as("reminded of the first due date, Thu 9/4").isEqualTo(new Notices(1, 0));

    ResponseEntity<String> extended = rest.withBasicAuth("superior", "demo").postForEntity("/api/candidacies/"
        + instance.getBusinessKey() + "/extend-decision-deadline", Map.of("reason", "Chờ kết luận thẩm định"),
        String.class);
    assertThat(extended.getStatusCode()).as(extended.getBody()).isEqualTo(HttpStatus.OK);

    // The new due date is Tue 2026-05-26 17:00 +07 (counted above); five working days before it: Mon 25, Fri 22,
    // Thu 21, Wed 20, Tue 19/5.
    at(Instant.parse("2026-04-10T03:00:00Z"));
    assertThat(runDeadlineWatch(instance)).as("the day after the first due date").isEqualTo(new Notices(0, 0));
    at(Instant.parse("2026-05-18T03:00:00Z"));
    assertThat(runDeadlineWatch(instance)).as("Mon 18/5, six working days before").isEqualTo(new Notices(0, 0));
    at(Instant.parse("2026-05-19T03:00:00Z"));
    assertThat(runDeadlineWatch(instance)).as("Tue 19/5, five working days before").isEqualTo(new Notices(1, 0));
    at(Instant.parse("2026-05-26T10:01:00Z"));
    assertThat(runDeadlineWatch(instance)).as("17:01 on the new due day").isEqualTo(new Notices(0, 1));

    assertThat(tasks.getTaskComments(decision.getId())).as("newest first").extracting(c -> c.getFullMessage())
        .containsExactly(
            "Nhắc hạn: việc \"" + decision.getName() + "\" của hồ sơ số " + instance.getBusinessKey()
                + " phải hoàn thành trước 17:00 ngày 26/05/2026.",
            "Nhắc hạn: việc \"" + decision.getName() + "\" của hồ sơ số " + instance.getBusinessKey()
                + " phải hoàn thành trước 17:00 ngày 09/04/2026.");
    assertThat(timeline(instance)).containsSubsequence(TimelineAction.REMINDED, TimelineAction.DEADLINE_EXTENDED,
        TimelineAction.REMINDED, TimelineAction.OVERDUE);
  }

  @Test
  void anOverdueCeremonyIsEscalatedToThePartyCommitteeAndShownInItsTasklist() {
    String member = members.eligible();
    ProcessInstance instance = pipeline.advanceTo(member, "recordAdmissionCeremony");
    assertThat(pipeline.valid("recordAdmissionDecision").get("decisionDate")).isEqualTo("2026-01-11");
    // 30 working days after the decision on Sun 2026-01-11: the weeks of 12/1, 19/1, 26/1, 2/2, 9/2 (25), Tết Mon
    // 16–Fri 20/2 off, Mon 23–Fri 27/2 (30) → 2026-02-27 17:00 +07.
    assertThat(pipeline.task(instance).getDueDate()).isEqualTo(Date.from(Instant.parse("2026-02-27T10:00:00Z")));

    at(LocalDate.of(2026, 2, 28));
    assertThat(runDeadlineWatch(instance).escalations()).isEqualTo(1);

    List<Task> followUps = pipeline.as("partycommittee", () -> tasks.createTaskQuery()
        .taskCandidateGroup("party-committee.DU-KTNN").taskVariableValueEquals("candidacyId", instance.getBusinessKey())
        .listPage(0, 10));
    assertThat(followUps).singleElement().satisfies(task -> assertThat(task.getName())
        .isEqualTo("Đôn đốc hồ sơ số " + instance.getBusinessKey() + " quá hạn: Ghi lễ kết nạp đảng viên — Nguyễn Văn Thử "
            + member + " (Chi đoàn Vụ Tổng hợp)"));

    pipeline.completeValid(instance, "recordAdmissionCeremony");
    management.executeJob(management.createJobQuery().processDefinitionKey("deadline-watch").singleResult().getId());

    assertThat(tasks.createTaskQuery().taskId(followUps.get(0).getId()).count()).as("follow-up closed").isZero();
    assertThat(history.createHistoricTaskInstanceQuery().taskId(followUps.get(0).getId()).singleResult()
        .getDeleteReason()).isEqualTo("completed");
  }

  @Test
  void aYouthUnionOfficerWithdrawsFromTasklistAndEveryOpenTaskIsCancelled() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "verifyBackground");
    assertThat(pipeline.tasks(instance)).hasSize(3);
    String withdrawal = repository.createProcessDefinitionQuery().processDefinitionKey("candidacy-withdrawal")
        .latestVersion().singleResult().getId();
    Map<String, Object> form = Map.of("candidacyId", instance.getBusinessKey(),
        "withdrawalReason", "Đoàn viên chuyển công tác");

    assertThatThrownBy(() -> pipeline.as("secretary2", () -> forms.submitStartForm(withdrawal, form)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Không thể rút hồ sơ");
    assertThat(pipeline.tasks(instance)).hasSize(3);

    pipeline.as("secretary", () -> forms.submitStartForm(withdrawal, form));

    assertThat(instance).isEnded().hasPassed("candidacyWithdrawn");
    assertThat(pipeline.tasks(instance)).isEmpty();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("verifyBackground").taskDeleteReasonLike("%").count()).isEqualTo(3);
    assertThat(timeline(instance)).last().isEqualTo(TimelineAction.WITHDRAWN);
  }

  /** Reminders and escalations sent for one candidacy. */
  private record Notices(int reminders, int escalations) {
  }

  /** Runs the hourly deadline check now; returns what it sent for this candidacy (other tests' ones are due too). */
  private Notices runDeadlineWatch(ProcessInstance instance) {
    Job watch = management.createJobQuery().processDefinitionKey("deadline-watch").singleResult();
    Notices before = sentSoFar(instance);
    management.executeJob(watch.getId());
    Notices after = sentSoFar(instance);
    return new Notices(after.reminders() - before.reminders(), after.escalations() - before.escalations());
  }

  @Autowired DeadlineNoticeRepository notices;

  private Notices sentSoFar(ProcessInstance instance) {
    List<DeadlineNotice> all = notices.findByCandidacyIdOrderBySentAt(Long.valueOf(instance.getBusinessKey()));
    return new Notices((int) all.stream().filter(n -> n.getKind() == DeadlineNotice.Kind.REMINDER).count(),
        (int) all.stream().filter(n -> n.getKind() == DeadlineNotice.Kind.ESCALATION).count());
  }

  /** Open candidacies of the branch with an open task past its due date, counted from the engine's tasks. */
  private long overdueInTheEngine(String branch) {
    return candidacyRepository.findAll().stream().filter(c -> c.isOpen() && c.getBranchCode().equals(branch))
        .filter(c -> tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(c.getId()))
            .dueBefore(ClockUtil.getCurrentTime()).count() > 0)
        .count();
  }

  private List<TimelineAction> timeline(ProcessInstance instance) {
    return candidacies.timeline(Long.valueOf(instance.getBusinessKey())).stream().map(CandidacyEvent::getAction)
        .toList();
  }

  private static void at(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(day.atTime(10, 0), ZONE).toInstant()));
  }

  private static void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }
}
