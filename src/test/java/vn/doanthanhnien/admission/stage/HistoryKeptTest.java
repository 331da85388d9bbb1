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

/** The engine history keeps what is read (variables, the model's decisions), not the detail rows (HistoryKept). */
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
}
