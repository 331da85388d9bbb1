package vn.doanthanhnien.admission.probation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.candidacy.CandidacyStatus;
import vn.doanthanhnien.admission.support.FlowNodeCoverage;
import vn.doanthanhnien.admission.support.NodeClient;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;
import vn.doanthanhnien.admission.process.ProbationProcess;

/**
 * One test per path of processes/probation.bpmn, started by the admission of a candidacy: twelve months from the
 * ceremony (the engine's clock moved), the cell's vote due within 30 working days, then the Party committee's.
 */
@PipelineTest
@TestInstance(Lifecycle.PER_CLASS)
class ProbationProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;
  @Autowired CandidacyService candidacies;
  @Autowired ProbationService probations;
  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  private FlowNodeCoverage coverage;

  @BeforeAll
  void rememberEarlierInstances() {
    coverage = new FlowNodeCoverage(history, repository, ProbationProcess.KEY);
  }

  @AfterAll
  void everyFlowNodeOfTheModelWasPassed() {
    assertThat(coverage.passed()).containsAll(coverage.flowNodes());
  }

  @BeforeEach
  void bindAssertionsAndSetTheClock() {
    BpmnAwareTests.init(engine);
    // Every candidacy is admitted at its ceremony on Wed 2026-04-01, 10:00 Hà Nội time.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-04-01T03:00:00Z")));
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void admissionStartsTwelveMonthsOfProbationVisibleToTheCandidacysUnits() {
    Long id = admitted();
    ProcessInstance probation = probationOf(id);

    assertThat(candidacies.get(id).getStatus()).isEqualTo(CandidacyStatus.ADMITTED);
    assertThat(probation).isWaitingAt("probationPeriodEnded");
    Job timer = management.createJobQuery().processInstanceId(probation.getId()).timers().singleResult();
    // Twelve months after the ceremony of 2026-04-01: midnight of 2027-04-01 in Hà Nội (UTC+7).
    assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2027-03-31T17:00:00Z")));

    Map<String, Object> view = rest.withBasicAuth("partycell", "demo").getForObject("/api/candidacies/{id}/probation",
        Map.class, id);
    // 30 working days after Thu 2027-04-01: Fri 2/4 (1), the week of 5/4 (6), 12–15/4 (10) as Fri 16/4 is Giỗ Tổ,
    // the week of 19/4 (15), 26–29/4 (19) as Fri 30/4 is off, Mon 3/5 off for 1/5 (a Saturday), 4–7/5 (23), the week
    // of 10/5 (28), Mon 17/5 (29), Tue 18/5 (30) → 2027-05-18.
    assertThat(view).containsEntry("status", "IN_PROBATION").containsEntry("ceremonyDate", "2026-04-01")
        .containsEntry("probationEndDate", "2027-04-01").containsEntry("voteDueDate", "2027-05-18");
    assertThat(rest.withBasicAuth("secretary2", "demo").getForEntity("/api/candidacies/{id}/probation", String.class,
        id).getStatusCode()).as("another branch's secretary").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(pipeline.as("partycell", () -> runtime.createProcessInstanceQuery()
        .processInstanceId(probation.getId()).count())).isEqualTo(1);
    assertThat(pipeline.as("secretary2", () -> runtime.createProcessInstanceQuery()
        .processInstanceId(probation.getId()).count())).isZero();
  }

  @Test
  void recognisedAsAFullMemberWhenTheCellAndTheCommitteeVoteWithTwoThirds() {
    Long id = admitted();
    ProcessInstance probation = probationEnded(id);
    Task cellVote = pipeline.task(probation);
    assertThat(pipeline.today()).isEqualTo(LocalDate.of(2027, 4, 1));
    assertThat(cellVote).hasDefinitionKey("recordProbationCellVote").hasCandidateGroup("party-cell.CB-KTNN-01");
    // 30 working days after the twelve months end on Thu 2027-04-01 (counted above): 2027-05-18 17:00 +07.
    assertThat(cellVote.getDueDate()).isEqualTo(Date.from(Instant.parse("2027-05-18T10:00:00Z")));

    pipeline.complete(probation, "recordProbationCellVote", vote("recordProbationCellVote", "officialMemberCount", 9, 6));
    assertThat(pipeline.task(probation)).hasDefinitionKey("recordProbationCommitteeVote")
        .hasCandidateGroup("party-committee.DU-KTNN");
    pipeline.complete(probation, "recordProbationCommitteeVote",
        vote("recordProbationCommitteeVote", "committeeMemberCount", 15, 10));

    assertThat(probation).isEnded().hasPassed("fullMembershipRecognised");
    Probation record = probations.get(id);
    assertThat(record.getStatus()).isEqualTo(ProbationStatus.RECOGNISED);
    assertThat(record.getDecidedAt()).isEqualTo("recordProbationCommitteeVote");
    assertThat(record.getResolutionNumber()).isEqualTo("15-NQ/ĐU");
    assertThat(record.getReason()).isNull();
    assertThat(candidacies.timeline(id)).extracting(e -> e.getStage() + "/" + e.getActor()).endsWith(
        "recordProbationCellVote/partycell", "recordProbationCommitteeVote/partycommittee");
  }

  @Test
  void notRecognisedWhenTheCellVotesOneShortOfTwoThirds() {
    Long id = admitted();
    ProcessInstance probation = probationEnded(id);

    pipeline.complete(probation, "recordProbationCellVote", vote("recordProbationCellVote", "officialMemberCount", 9, 5));

    assertThat(probation).isEnded().hasPassed("notRecognisedByCell").hasNotPassed("recordProbationCommitteeVote");
    Probation record = probations.get(id);
    assertThat(record.getStatus()).isEqualTo(ProbationStatus.NOT_RECOGNISED);
    assertThat(record.getDecidedAt()).isEqualTo("recordProbationCellVote");
    assertThat(record.getDecidedOn()).isEqualTo(pipeline.today());
    assertThat(record.getReason()).startsWith("Chi bộ không đề nghị công nhận").contains("5/9 phiếu tán thành");
  }

  @Test
  void notRecognisedWhenTheCommitteeVotesOneShortOfTwoThirds() {
    Long id = admitted();
    ProcessInstance probation = probationEnded(id);
    pipeline.completeValid(probation, "recordProbationCellVote");

    pipeline.complete(probation, "recordProbationCommitteeVote",
        vote("recordProbationCommitteeVote", "committeeMemberCount", 15, 9));

    assertThat(probation).isEnded().hasPassed("notRecognisedByCommittee");
    Probation record = probations.get(id);
    assertThat(record.getStatus()).isEqualTo(ProbationStatus.NOT_RECOGNISED);
    assertThat(record.getReason()).startsWith("Đảng ủy không công nhận").contains("9/15 phiếu tán thành");
  }

  @Test
  void theCellCannotMeetBeforeTheTwelveMonthsAreOver() {
    Long id = admitted();
    ProcessInstance probation = probationEnded(id);
    Map<String, Object> early = pipeline.valid("recordProbationCellVote");
    early.put("meetingDate", pipeline.daysAgo(1));

    assertThatThrownBy(() -> pipeline.submit(probation, "recordProbationCellVote", early))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("không được trước ngày hết thời kỳ dự bị");

    assertThat(probation).isWaitingAt("recordProbationCellVote");
    assertThat(probations.get(id).getStatus()).isEqualTo(ProbationStatus.IN_PROBATION);
  }

  @Test
  void overHttpTheCellAndTheCommitteeGetTheirDeployedFormsAndTheirVotesRecogniseTheMember() {
    Long id = admitted();
    ProcessInstance probation = probationEnded(id);
    NodeClient http = new NodeClient("http://localhost:" + port);

    String cellTask = pipeline.task(probation).getId();
    Map<String, Object> cellForm = NodeClient.expectOk(http.get("partycell",
        "/engine-rest/task/" + cellTask + "/deployed-form"), "the cell's form").json();
    assertThat(cellForm).containsEntry("id", "recordProbationCellVote");
    assertThat(cellForm.get("components").toString()).contains("Số đảng viên chính thức của chi bộ",
        "Số phiếu tán thành", "Số nghị quyết của chi bộ");
    assertThat(http.post("partycell", "/engine-rest/task/" + cellTask + "/submit-form",
        NodeClient.form(vote("recordProbationCellVote", "officialMemberCount", 9, 6))).status()).isEqualTo(204);

    String committeeTask = pipeline.task(probation).getId();
    Map<String, Object> committeeForm = NodeClient.expectOk(http.get("partycommittee",
        "/engine-rest/task/" + committeeTask + "/deployed-form"), "the committee's form").json();
    assertThat(committeeForm).containsEntry("id", "recordProbationCommitteeVote");
    assertThat(committeeForm.get("components").toString()).contains("Số đảng ủy viên", "Số nghị quyết của Đảng ủy");
    assertThat(http.post("partycommittee", "/engine-rest/task/" + committeeTask + "/submit-form",
        NodeClient.form(vote("recordProbationCommitteeVote", "committeeMemberCount", 15, 10))).status())
        .isEqualTo(204);

    Map<String, Object> view = NodeClient.expectOk(http.get("partycell", "/api/candidacies/" + id + "/probation"),
        "probation").json();
    // The twelve months ended on Thu 2027-04-01; both votes were recorded that morning (see probationEnded).
    assertThat(view).containsEntry("status", "RECOGNISED").containsEntry("probationEndDate", "2027-04-01")
        .containsEntry("decidedOn", "2027-04-01").containsEntry("decidedAt", "recordProbationCommitteeVote")
        .containsEntry("resolutionNumber", "15-NQ/ĐU").containsEntry("reason", null);
  }

  @Test
  void overHttpACellVoteOneShortOfTwoThirdsLeavesTheMemberNotRecognised() {
    Long id = admitted();
    ProcessInstance probation = probationEnded(id);
    NodeClient http = new NodeClient("http://localhost:" + port);
    String cellTask = pipeline.task(probation).getId();

    assertThat(http.post("partycell", "/engine-rest/task/" + cellTask + "/submit-form",
        NodeClient.form(vote("recordProbationCellVote", "officialMemberCount", 9, 5))).status()).isEqualTo(204);

    Map<String, Object> view = NodeClient.expectOk(http.get("partycell", "/api/candidacies/" + id + "/probation"),
        "probation").json();
    assertThat(view).containsEntry("status", "NOT_RECOGNISED").containsEntry("decidedOn", "2027-04-01")
        .containsEntry("decidedAt", "recordProbationCellVote");
    assertThat((String) view.get("reason")).startsWith("Chi bộ không đề nghị công nhận").contains("5/9 phiếu tán thành");
    assertThat(http.get("secretary2", "/api/candidacies/" + id + "/probation").status())
        .as("another branch's secretary").isEqualTo(403);
  }

  /** A candidacy of branch KTNN-01 through every stage to its admission ceremony today. */
  private Long admitted() {
    ProcessInstance admission = pipeline.advanceTo(members.eligible(), "recordAdmissionCeremony");
    pipeline.completeValid(admission, "recordAdmissionCeremony");
    return Long.valueOf(admission.getBusinessKey());
  }

  private ProcessInstance probationOf(Long candidacyId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ProbationProcess.KEY)
        .processInstanceBusinessKey(String.valueOf(candidacyId)).singleResult();
  }

  /** Moves the clock to the morning the twelve months are over and lets the timer fire. */
  private ProcessInstance probationEnded(Long candidacyId) {
    ProcessInstance probation = probationOf(candidacyId);
    Job timer = management.createJobQuery().processInstanceId(probation.getId()).timers().singleResult();
    ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plus(Duration.ofHours(9))));
    management.executeJob(timer.getId());
    return probation;
  }

  private Map<String, Object> vote(String taskKey, String countField, int count, int votesFor) {
    Map<String, Object> values = pipeline.valid(taskKey);
    values.put(countField, count);
    values.put("votesFor", votesFor);
    values.put("votesAgainst", count - votesFor);
    return values;
  }
}
