package vn.doanthanhnien.admission.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

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
  @Autowired WorkingDays workingDays;
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
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "checkDossier");
    Map<String, Object> dossier = pipeline.valid("checkDossier");
    dossier.put("spouseListed", true);
    pipeline.complete(instance, "checkDossier", dossier);

    List<Task> verifications = pipeline.tasks(instance);
    assertThat(verifications).extracting(Task::getName).containsExactlyInAnyOrder("Thẩm tra lý lịch: Cha đẻ",
        "Thẩm tra lý lịch: Mẹ đẻ", "Thẩm tra lý lịch: Người xin vào Đảng", "Thẩm tra lý lịch: Vợ hoặc chồng");
    Date due = workingDays.dueAt(dossier.get("dossierDate"), 30);
    assertThat(verifications).allSatisfy(task -> {
      assertThat(task.getDueDate()).isEqualTo(due);
      assertThat(task.getName()).endsWith(": " + tasks.getVariableLocal(task.getId(), "backgroundSubjectLabel"));
    });
    assertThat(tasks.createTaskQuery().taskCandidateGroup("party-committee.DU-KTNN")
        .processInstanceId(instance.getId()).count()).isEqualTo(4);

    pipeline.submit(verifications.get(0), pipeline.valid("verifyBackground"));
    Map<String, Object> concern = pipeline.valid("verifyBackground");
    concern.put("backgroundClear", false);
    pipeline.submit(verifications.get(1), concern);

    assertThat(instance).isEnded().hasPassed("rejectedAtBackgroundCheck").hasNotPassed("collectOpinions");
    assertThat(candidacies.get(Long.valueOf(instance.getBusinessKey())).getRejectionReason())
        .contains("Thẩm tra lý lịch (" + verifications.get(1).getName().substring("Thẩm tra lý lịch: ".length()) + ")");
  }

  @Test
  void theDecisionIsDueSixtyWorkingDaysAfterTheCellsResolutionWithAReminderThenAnEscalation() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "recordAdmissionDecision");
    Object cellResolution = pipeline.valid("recordPartyCellVote").get("meetingDate");
    Date due = workingDays.dueAt(cellResolution, 60);
    Task decision = pipeline.task(instance);
    assertThat(decision.getDueDate()).isEqualTo(due);

    at(workingDays.plus(LocalDate.parse(cellResolution.toString()), 57));
    assertThat(runDeadlineWatch(instance)).isEqualTo(new Notices(1, 0));
    assertThat(runDeadlineWatch(instance)).isEqualTo(new Notices(0, 0));
    Task reminded = tasks.createTaskQuery().taskId(decision.getId()).singleResult();
    assertThat(reminded.getFollowUpDate()).isNotNull();
    assertThat(tasks.getTaskComments(decision.getId())).extracting(c -> c.getFullMessage())
        .anySatisfy(m -> assertThat(m).startsWith("Nhắc hạn").contains(instance.getBusinessKey()));
    assertThat(timeline(instance)).contains(TimelineAction.REMINDED).doesNotContain(TimelineAction.OVERDUE);

    at(LocalDate.ofInstant(due.toInstant(), ZONE).plusDays(1));
    assertThat(runDeadlineWatch(instance)).isEqualTo(new Notices(0, 1));
    assertThat(timeline(instance)).contains(TimelineAction.OVERDUE);
    // The superior committee has no unit above with a role: administrators follow it up.
    assertThat(tasks.createTaskQuery().taskCandidateGroup("camunda-admin")
        .taskVariableValueEquals("candidacyId", instance.getBusinessKey()).count()).isEqualTo(1);
    Map<String, Object> candidacy = rest.withBasicAuth("superior", "demo")
        .getForObject("/api/candidacies/{id}", Map.class, instance.getBusinessKey());
    assertThat(candidacy).containsEntry("overdue", true).containsEntry("dueDate", due.toInstant().toString());
    Map<String, Object> report = rest.withBasicAuth("admin", "demo").getForObject(
        "/api/reports/annual?year={year}&unit=KTNN-01", Map.class, ClockUtil.getCurrentTime().getYear() + 1900);
    assertThat(report.get("overdue")).as("overdue in the report, as the engine's due dates tell")
        .isEqualTo((int) overdueInTheEngine("KTNN-01")).isNotEqualTo(0);
  }

  @Test
  void theSuperiorCommitteeExtendsTheDecisionDeadlineOnceByThirtyWorkingDays() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "recordAdmissionDecision");
    Object cellResolution = pipeline.valid("recordPartyCellVote").get("meetingDate");
    String url = "/api/candidacies/" + instance.getBusinessKey() + "/extend-decision-deadline";
    Map<String, String> body = Map.of("reason", "Chờ ý kiến thẩm định của Ban Tổ chức");

    assertThat(rest.withBasicAuth("secretary", "demo").postForEntity(url, body, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> extended = rest.withBasicAuth("superior", "demo").postForEntity(url, body, String.class);
    assertThat(extended.getStatusCode()).as(extended.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(pipeline.task(instance).getDueDate()).isEqualTo(workingDays.dueAt(cellResolution, 90));
    assertThat(candidacies.get(Long.valueOf(instance.getBusinessKey())).getDueAt())
        .isEqualTo(workingDays.dueAt(cellResolution, 90).toInstant());
    ResponseEntity<String> again = rest.withBasicAuth("superior", "demo").postForEntity(url, body, String.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody()).contains("đã được gia hạn một lần");
    assertThat(timeline(instance)).containsOnlyOnce(TimelineAction.DEADLINE_EXTENDED);
  }

  @Test
  void anOverdueCeremonyIsEscalatedToThePartyCommitteeAndShownInItsTasklist() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "recordAdmissionCeremony");
    Object decisionDate = pipeline.valid("recordAdmissionDecision").get("decisionDate");
    Date due = workingDays.dueAt(decisionDate, 30);
    assertThat(pipeline.task(instance).getDueDate()).isEqualTo(due);

    at(LocalDate.ofInstant(due.toInstant(), ZONE).plusDays(1));
    assertThat(runDeadlineWatch(instance).escalations()).isEqualTo(1);

    List<Task> followUps = pipeline.as("partycommittee", () -> tasks.createTaskQuery()
        .taskCandidateGroup("party-committee.DU-KTNN").taskVariableValueEquals("candidacyId", instance.getBusinessKey())
        .listPage(0, 10));
    assertThat(followUps).singleElement().satisfies(task -> assertThat(task.getName())
        .isEqualTo("Đôn đốc hồ sơ số " + instance.getBusinessKey() + " quá hạn: Ghi lễ kết nạp đảng viên"));

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
}
