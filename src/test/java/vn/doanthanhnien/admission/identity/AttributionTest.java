package vn.doanthanhnien.admission.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import vn.doanthanhnien.admission.candidacy.CandidacyEvent;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/** Every change to a candidacy names who made it and when: in Camunda's user operation log and in the timeline. */
@PipelineTest
class AttributionTest {

  @Autowired TestRestTemplate rest;
  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;
  @Autowired HistoryService history;
  @Autowired CandidacyService candidacies;

  @Test
  void eachStepNamesItsUserInTheOperationLogAndTheTimeline() {
    ProcessInstance instance = pipeline.nominate(members.eligible());
    pipeline.completeValid(instance, "recordBranchVote");
    pipeline.completeValid(instance, "recordYouthCommitteeResolution");
    assertThat(rest.withBasicAuth("secretary", "demo").postForEntity("/api/candidacies/{id}/withdraw",
        Map.of("reason", "Đoàn viên xin rút"), String.class, instance.getBusinessKey()).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    List<UserOperationLogEntry> log = history.createUserOperationLogQuery().processInstanceId(instance.getId())
        .orderByTimestamp().asc().list();
    assertThat(log).allSatisfy(entry -> assertThat(entry.getTimestamp()).isNotNull());
    assertThat(log).extracting(UserOperationLogEntry::getOperationType, UserOperationLogEntry::getUserId)
        .contains(
            tuple(UserOperationLogEntry.OPERATION_TYPE_CLAIM, "secretary"),
            tuple(UserOperationLogEntry.OPERATION_TYPE_COMPLETE, "secretary"),
            tuple(UserOperationLogEntry.OPERATION_TYPE_CLAIM, "youthcommittee"),
            tuple(UserOperationLogEntry.OPERATION_TYPE_COMPLETE, "youthcommittee"),
            tuple(UserOperationLogEntry.OPERATION_TYPE_CORRELATE_MESSAGE, "secretary"));
    assertThat(log).extracting(UserOperationLogEntry::getUserId).doesNotContainNull();

    List<CandidacyEvent> timeline = candidacies.timeline(Long.valueOf(instance.getBusinessKey()));
    assertThat(timeline).extracting(CandidacyEvent::getStage, CandidacyEvent::getActor).containsExactly(
        tuple(PartyAdmissionProcess.NOMINATION, "secretary"),
        tuple("recordBranchVote", "secretary"),
        tuple("recordYouthCommitteeResolution", "youthcommittee"),
        tuple("recordAwarenessCertificate", "secretary"));
    assertThat(timeline).allSatisfy(event -> assertThat(event.getOccurredAt()).isNotNull());
  }
}
