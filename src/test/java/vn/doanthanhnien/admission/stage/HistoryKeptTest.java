package vn.doanthanhnien.admission.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/**
 * The engine history keeps what is read (variables, the model's decisions), not the detail rows (HistoryKept) nor the
 * form fields of a submission (TransientFormFields).
 */
@PipelineTest
class HistoryKeptTest {

  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;
  @Autowired HistoryService history;

  @Test
  void variablesAndTheModelsDecisionsAreKeptDetailRowsAndTheApplicationsOwnEvaluationsAreNot() {
    // given: two votes decided by the application (voteThreshold), the model's certificate check, the certificate
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "assignIntroducer");

    // then
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(instance.getId()).list())
        .extracting(HistoricDecisionInstance::getDecisionDefinitionKey, HistoricDecisionInstance::getActivityId)
        .containsExactly(tuple("awarenessCertificateValidity", "checkAwarenessCertificate"));
    assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("recordBranchVote_votesFor").list()).extracting(HistoricVariableInstance::getValue)
        .containsExactly(20);
  }

  @Test
  void theFormsFieldsAreNotStoredOnlyTheStagesResult() {
    // when: the branch vote (votesFor, branchMemberCount, meetingDate, ...) and the youth committee's vote have been submitted
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "assignIntroducer");

    // then: the fields lived only during their submission (TransientFormFields); what carries them onward is kept
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableNameIn("votesFor", "branchMemberCount", "meetingDate").includeDeleted().count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableNameLike("recordYouthCommitteeResolution%").count()).isPositive();
  }
}
