package vn.doanthanhnien.admission.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.doanthanhnien.admission.candidacy.Candidacy;
import vn.doanthanhnien.admission.candidacy.CandidacyEvent;
import vn.doanthanhnien.admission.candidacy.CandidacyRepository;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.candidacy.CandidacyStatus;
import vn.doanthanhnien.admission.candidacy.TimelineAction;
import vn.doanthanhnien.admission.member.MemberRepository;
import vn.doanthanhnien.admission.support.FlowNodeCoverage;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/**
 * One test per path of processes/party-admission.bpmn. Together they pass every flow node of the model, which
 * {@link #everyFlowNodeOfTheModelWasPassed} checks after the class; the coverage report with the sequence flows
 * too is in target/process-test-coverage/.
 */
@PipelineTest
@TestInstance(Lifecycle.PER_CLASS)
class PartyAdmissionProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;
  @Autowired CandidacyService candidacies;
  @Autowired MemberRepository memberRepository;
  @Autowired CandidacyRepository candidacyRepository;

  @Autowired RepositoryService repository;
  @Autowired ManagementService management;

  private FlowNodeCoverage coverage;

  @BeforeAll
  void rememberEarlierInstances() {
    coverage = new FlowNodeCoverage(history, repository, PartyAdmissionProcess.KEY);
  }

  @BeforeEach
  void bindAssertions() {
    BpmnAwareTests.init(engine);
  }

  @AfterAll
  void everyFlowNodeOfTheModelWasPassed() {
    assertThat(coverage.flowNodes()).hasSizeGreaterThan(40);
    assertThat(coverage.passed()).containsAll(coverage.flowNodes());
  }

  @Test
  void admittedThroughEveryStageIncludingTheAwarenessClass() {
    String member = members.eligible();

    ProcessInstance instance = pipeline.nominate(member);

    assertThat(instance).isWaitingAt("recordBranchVote");
    // The candidacy found by its member, not through the instance: the instance carries that candidacy's id.
    Long candidacyId = candidacyRepository.findByOpenMemberCode(member).orElseThrow().getId();
    assertThat(instance).hasBusinessKey(candidacyId.toString());
    assertThat(task()).hasCandidateGroup("branch-secretary.KTNN-01");
    pipeline.completeValid(instance, "recordBranchVote");
    assertThat(task()).hasDefinitionKey("recordYouthCommitteeResolution").hasCandidateGroup("youth-committee.KTNN");
    pipeline.completeValid(instance, "recordYouthCommitteeResolution");
    assertThat(instance).hasPassed("checkAwarenessCertificate");
    assertThat(task()).hasDefinitionKey("recordAwarenessCertificate").hasCandidateGroup("party-cell.CB-KTNN-01");
    pipeline.completeValid(instance, "recordAwarenessCertificate");
    for (String step : List.of("assignIntroducer", "checkDossier")) {
      assertThat(task()).hasDefinitionKey(step).hasCandidateGroup("party-cell.CB-KTNN-01");
      pipeline.completeValid(instance, step);
    }
    List<Task> verifications = pipeline.tasks(instance);
    assertThat(verifications).extracting(Task::getTaskDefinitionKey).containsExactly("verifyBackground",
        "verifyBackground", "verifyBackground");
    verifications.forEach(verification -> assertThat(verification).hasCandidateGroup("party-committee.DU-KTNN"));
    pipeline.completeValid(instance, "verifyBackground");
    for (String step : List.of("collectOpinions", "recordPartyCellVote")) {
      assertThat(task()).hasDefinitionKey(step).hasCandidateGroup("party-cell.CB-KTNN-01");
      pipeline.completeValid(instance, step);
    }
    assertThat(task()).hasDefinitionKey("recordPartyCommitteeVote").hasCandidateGroup("party-committee.DU-KTNN");
    pipeline.completeValid(instance, "recordPartyCommitteeVote");
    assertThat(task()).hasDefinitionKey("recordAdmissionDecision").hasCandidateGroup("superior-committee.DUK");
    pipeline.completeValid(instance, "recordAdmissionDecision");
    assertThat(task()).hasDefinitionKey("recordAdmissionCeremony").hasCandidateGroup("party-cell.CB-KTNN-01");
    pipeline.completeValid(instance, "recordAdmissionCeremony");

    assertThat(instance).isEnded().hasPassed("startProbation", "memberAdmitted");
    Candidacy candidacy = candidacyOf(instance);
    assertThat(candidacy.getStatus()).isEqualTo(CandidacyStatus.ADMITTED);
    assertThat(candidacy.getStage()).isEqualTo("recordAdmissionCeremony");
    assertThat(candidacies.timeline(candidacy.getId())).extracting(e -> e.getStage() + "/" + e.getActor())
        .containsExactly("nominationSubmitted/secretary", "recordBranchVote/secretary",
            "recordYouthCommitteeResolution/youthcommittee", "recordAwarenessCertificate/partycell",
            "assignIntroducer/partycell", "checkDossier/partycell", "verifyBackground/partycommittee",
            "verifyBackground/partycommittee", "verifyBackground/partycommittee", "collectOpinions/partycell", "recordPartyCellVote/partycell", "recordPartyCommitteeVote/partycommittee",
            "recordAdmissionDecision/superior", "recordAdmissionCeremony/partycell",
            // closed by the asynchronous step that starts the probation, on nobody's behalf
            "recordAdmissionCeremony/null");
    assertThat(memberRepository.findById(member).orElseThrow().getAwarenessCertificateDate())
        .isEqualTo(pipeline.daysAgo(7));
  }

  @Test
  void aValidAwarenessCertificateSkipsTheClass() {
    String member = members.register(d -> d.certificate(members.today().minusMonths(60)));

    ProcessInstance instance = pipeline.advanceTo(member, "assignIntroducer");

    assertThat(instance).hasPassed("checkAwarenessCertificate").hasNotPassed("recordAwarenessCertificate");
  }

  @Test
  void anExpiredAwarenessCertificateRequiresTheClassAgain() {
    String member = members.register(d -> d.certificate(members.today().minusMonths(61)));

    ProcessInstance instance = pipeline.advanceTo(member, "recordAwarenessCertificate");

    assertThat(instance).isWaitingAt("recordAwarenessCertificate");
  }

  @Test
  void aFailingCertificateCheckBecomesAnIncidentAndResumesOnceMended() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "recordYouthCommitteeResolution");
    String broken = repository.createDeployment().name("broken certificate rule")
        .addString("awarenessCertificateValidity.dmn", BROKEN_CERTIFICATE_RULE).deploy().getId();
    try {
      pipeline.submit(instance, "recordYouthCommitteeResolution", pipeline.valid("recordYouthCommitteeResolution"));
      String job = management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId();
      // Three tries, as the model's retry cycle R3/PT5M allows; a test need not wait the five minutes between them.
      for (int attempt = 1; attempt <= 3; attempt++) {
        assertThatThrownBy(() -> management.executeJob(job)).hasMessageContaining("UNIQUE");
      }
      Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(incident.getActivityId()).isEqualTo("checkAwarenessCertificate");
      assertThat(incident.getIncidentMessage()).isNotBlank();
      assertThat(instance).isWaitingAt("checkAwarenessCertificate");
    } finally {
      repository.deleteDeployment(broken, true);
    }

    Job failed = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    management.setJobRetries(failed.getId(), 1);
    management.executeJob(failed.getId());

    assertThat(instance).isWaitingAt("recordAwarenessCertificate");
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  /** Two rules that both match any input under the UNIQUE hit policy: evaluation fails. */
  private static final String BROKEN_CERTIFICATE_RULE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
          id="brokenDefinitions" name="broken" namespace="http://camunda.org/schema/1.0/dmn">
        <decision id="awarenessCertificateValidity" name="broken" camunda:historyTimeToLive="1">
          <decisionTable id="brokenTable" hitPolicy="UNIQUE">
            <input id="age"><inputExpression id="ageExpression" typeRef="integer"><text>certificateAgeMonths</text>
            </inputExpression></input>
            <output id="valid" name="valid" typeRef="boolean"/>
            <rule id="one"><inputEntry id="oneIn"><text>-</text></inputEntry><outputEntry id="oneOut"><text>true</text>
            </outputEntry></rule>
            <rule id="two"><inputEntry id="twoIn"><text>-</text></inputEntry><outputEntry id="twoOut"><text>false</text>
            </outputEntry></rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  @Test
  void branchVotePassesWithMoreThanHalfOfAllMembers() {
    ProcessInstance instance = pipeline.nominate(members.eligible());

    pipeline.complete(instance, "recordBranchVote", vote("recordBranchVote", "branchMemberCount", 25, 13));

    assertThat(instance).isWaitingAt("recordYouthCommitteeResolution");
  }

  @Test
  void rejectedAtBranchVoteWithExactlyHalf() {
    ProcessInstance instance = pipeline.nominate(members.eligible());

    pipeline.complete(instance, "recordBranchVote", vote("recordBranchVote", "branchMemberCount", 24, 12));

    assertRejectedAt(instance, "rejectedAtBranchVote", "recordBranchVote", "12/24 phiếu tán thành");
  }

  @Test
  void rejectedAtYouthCommitteeWithExactlyHalf() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "recordYouthCommitteeResolution");

    pipeline.complete(instance, "recordYouthCommitteeResolution",
        vote("recordYouthCommitteeResolution", "committeeMemberCount", 10, 5));

    assertRejectedAt(instance, "rejectedAtYouthCommittee", "recordYouthCommitteeResolution", "5/10 phiếu tán thành");
  }

  @Test
  void youthCommitteePassesWithMoreThanHalf() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "recordYouthCommitteeResolution");

    pipeline.complete(instance, "recordYouthCommitteeResolution",
        vote("recordYouthCommitteeResolution", "committeeMemberCount", 9, 5));

    assertThat(instance).hasPassed("youthCommitteeVotePassedGateway").isWaitingAt("recordAwarenessCertificate");
  }

  @Test
  void partyCellVotePassesWithExactlyTwoThirds() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "recordPartyCellVote");

    pipeline.complete(instance, "recordPartyCellVote", vote("recordPartyCellVote", "officialMemberCount", 9, 6));

    assertThat(instance).isWaitingAt("recordPartyCommitteeVote");
  }

  @Test
  void rejectedAtPartyCellVoteOneVoteShortOfTwoThirds() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "recordPartyCellVote");

    pipeline.complete(instance, "recordPartyCellVote", vote("recordPartyCellVote", "officialMemberCount", 9, 5));

    assertRejectedAt(instance, "rejectedAtPartyCellVote", "recordPartyCellVote", "5/9 phiếu tán thành");
  }

  @Test
  void partyCommitteeVotePassesWithExactlyTwoThirds() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "recordPartyCommitteeVote");

    pipeline.complete(instance, "recordPartyCommitteeVote",
        vote("recordPartyCommitteeVote", "committeeMemberCount", 15, 10));

    assertThat(instance).isWaitingAt("recordAdmissionDecision");
  }

  @Test
  void rejectedAtPartyCommitteeVoteOneVoteShortOfTwoThirds() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "recordPartyCommitteeVote");

    pipeline.complete(instance, "recordPartyCommitteeVote",
        vote("recordPartyCommitteeVote", "committeeMemberCount", 15, 9));

    assertRejectedAt(instance, "rejectedAtPartyCommitteeVote", "recordPartyCommitteeVote", "9/15 phiếu tán thành");
  }

  @Test
  void rejectedWhenTheBackgroundOfOneSubjectIsOfConcern() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "verifyBackground");
    List<Task> verifications = pipeline.tasks(instance);
    String ofConcern = (String) tasks.getVariableLocal(verifications.get(1).getId(), "backgroundSubjectLabel");

    pipeline.submit(verifications.get(0), pipeline.valid("verifyBackground"));
    pipeline.submit(verifications.get(1), Map.of("backgroundClear", false,
        "verificationNotes", "Lý lịch khai chưa trung thực về quá trình công tác."));

    assertThat(ofConcern).isIn("Cha đẻ", "Mẹ đẻ", "Người xin vào Đảng");
    assertRejectedAt(instance, "rejectedAtBackgroundCheck", "verifyBackground", "Có vấn đề");
    // The end event's name, then the failed stage's summary: its subject and conclusion, never the Party-only notes.
    assertThat(candidacyOf(instance).getRejectionReason()).isEqualTo("Lý lịch không đạt yêu cầu (Thẩm tra lý lịch ("
        + ofConcern + ") — Kết luận thẩm tra: Có vấn đề)");
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskId(verifications.get(2).getId()).singleResult().getDeleteReason())
        .as("the third subject's verification is cancelled").isNotEqualTo("completed");
  }

  /**
   * The twelve-month rule: the timer on each stage between the dossier and the cell's vote sends the candidacy back to
   * renew the Youth Union resolution, the introducer and the opinions; a background verification it interrupted is
   * done again, a finished one is kept, and the dossier is not checked twice.
   */
  @ParameterizedTest(name = "timer {1} at {0}, resumes at {2}")
  @CsvSource({
      "verifyBackground, verificationPastTwelveMonths, verifyBackground",
      "collectOpinions, opinionsPastTwelveMonths, collectOpinions",
      "recordPartyCellVote, cellVotePastTwelveMonths, collectOpinions"})
  void withoutTheCellsVoteTwelveMonthsAfterTheDossierTheDocumentsAreRenewed(String waitingAt, String timer,
      String resumesAt) {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), waitingAt);
    LocalDate dossierDate = LocalDate.parse(pipeline.valid("checkDossier").get("dossierDate").toString());
    Job renewal = management.createJobQuery().processInstanceId(instance.getId()).activityId(timer).singleResult();
    assertThat(renewal.getDuedate()).isEqualTo(midnightInVietnam(dossierDate.plusMonths(12)));

    try {
      ClockUtil.setCurrentTime(Date.from(renewal.getDuedate().toInstant().plus(Duration.ofHours(10))));
      management.executeJob(renewal.getId());

      assertThat(instance).hasPassed(timer, "dossierExpired").isWaitingAt("recordYouthCommitteeResolution");
      assertThat(candidacies.timeline(candidacyOf(instance).getId())).extracting(CandidacyEvent::getAction)
          .containsOnlyOnce(TimelineAction.RENEWAL_STARTED);
      pipeline.completeValid(instance, "recordYouthCommitteeResolution");
      pipeline.completeValid(instance, "assignIntroducer");

      assertThat(instance).hasPassed("renewalGateway").isWaitingAt(resumesAt);
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
          .activityId("checkDossier").count()).as("the dossier is checked once").isEqualTo(1);
      Job next = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
      assertThat(next.getDuedate()).isEqualTo(midnightInVietnam(pipeline.today().plusMonths(12)));
      for (Task current = pipeline.task(instance); !current.getTaskDefinitionKey().equals("recordPartyCommitteeVote");
          current = pipeline.task(instance)) {
        pipeline.completeValid(instance, current.getTaskDefinitionKey());
      }
      assertThat(candidacyOf(instance).getIntroducedOn()).as("introduced by the first resolution")
          .isEqualTo(dossierDate);
    } finally {
      ClockUtil.reset();
    }
  }

  private static Date midnightInVietnam(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());
  }

  @Test
  void notAdmittedWhenTheDecisionIsNotApproved() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "recordAdmissionDecision");

    pipeline.complete(instance, "recordAdmissionDecision",
        Map.of("approved", false, "decisionNumber", "124-QĐ/ĐUK", "decisionDate", pipeline.daysAgo(1)));

    assertRejectedAt(instance, "admissionNotApproved", "recordAdmissionDecision", "124-QĐ/ĐUK");
  }

  @Test
  void withdrawnAtAnyStageCancelsTheOpenTask() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "collectOpinions");
    Long id = candidacyOf(instance).getId();

    pipeline.as("secretary", () -> {
      candidacies.withdraw(id, "Đoàn viên chuyển công tác sang đơn vị khác");
      return null;
    });

    assertThat(instance).isEnded().hasPassed("candidacyWithdrawn");
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId("collectOpinions").singleResult().isCanceled()).isTrue();
    Candidacy candidacy = candidacies.get(id);
    assertThat(candidacy.getStatus()).isEqualTo(CandidacyStatus.WITHDRAWN);
    assertThat(candidacy.getStage()).isEqualTo("collectOpinions");
    assertThat(candidacy.getRejectionReason()).contains("chuyển công tác");
    assertThat(candidacies.timeline(id)).last().satisfies(e -> {
      assertThat(e.getAction()).isEqualTo(TimelineAction.WITHDRAWN);
      assertThat(e.getActor()).isEqualTo("secretary");
    });
  }

  @Test
  void aMemberWithAnOpenCandidacyCanBeNominatedAgainOnlyAfterItEnds() {
    String member = members.eligible();
    ProcessInstance first = pipeline.nominate(member);

    assertThatThrownBy(() -> pipeline.nominate(member)).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("đã có hồ sơ đề nghị kết nạp đang xử lý (hồ sơ số " + candidacyOf(first).getId());

    pipeline.complete(first, "recordBranchVote", vote("recordBranchVote", "branchMemberCount", 24, 12));
    assertThat(candidacyOf(first).getStatus()).isEqualTo(CandidacyStatus.REJECTED);
    ProcessInstance second = pipeline.nominate(member);
    Candidacy again = candidacyRepository.findByOpenMemberCode(member).orElseThrow();
    assertThat(again.getId()).isNotEqualTo(candidacyOf(first).getId());
    assertThat(again.getStatus()).isEqualTo(CandidacyStatus.IN_PROGRESS);
    assertThat(second).isWaitingAt("recordBranchVote").hasBusinessKey(again.getId().toString());
  }

  private Map<String, Object> vote(String taskKey, String countField, int count, int votesFor) {
    Map<String, Object> values = pipeline.valid(taskKey);
    values.put(countField, count);
    values.put("votesFor", votesFor);
    values.put("votesAgainst", 0);
    if (values.containsKey("attendeeCount")) {
      values.put("attendeeCount", count);
    }
    return values;
  }

  private void assertRejectedAt(ProcessInstance instance, String endEvent, String stage, String reasonDetail) {
    assertThat(instance).isEnded().hasPassed(endEvent);
    Candidacy candidacy = candidacyOf(instance);
    assertThat(candidacy.getStatus()).isEqualTo(CandidacyStatus.REJECTED);
    assertThat(candidacy.getStage()).isEqualTo(stage);
    String endName = history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(endEvent).singleResult().getActivityName();
    assertThat(candidacy.getRejectionReason()).startsWith(endName).contains(reasonDetail);
  }

  private Candidacy candidacyOf(ProcessInstance instance) {
    String key = history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getBusinessKey();
    return candidacies.get(Long.valueOf(key));
  }
}
