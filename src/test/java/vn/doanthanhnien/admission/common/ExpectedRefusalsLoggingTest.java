package vn.doanthanhnien.admission.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/** The log of a refusal users meet every day is one INFO line; a real failure stays an ERROR with its stack trace. */
@PipelineTest
@ExtendWith(OutputCaptureExtension.class)
class ExpectedRefusalsLoggingTest {

  @Autowired TestRestTemplate rest;
  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;
  @Autowired ProcessEngineConfigurationImpl engine;

  @Test
  void aRefusedFormSubmissionIsLoggedAsOneInfoLineWithoutAStackTrace(CapturedOutput output) {
    ProcessInstance instance = pipeline.nominate(members.eligible());
    Task task = pipeline.task(instance);
    Map<String, Object> variables = new LinkedHashMap<>();
    pipeline.valid("recordBranchVote").forEach((name, value) -> variables.put(name, Map.of("value", value)));
    variables.put("votesFor", Map.of("value", 30));
    int before = output.getAll().length();

    ResponseEntity<String> refused = rest.withBasicAuth("secretary", "demo").exchange(
        "/engine-rest/task/{id}/submit-form", HttpMethod.POST, new HttpEntity<>(Map.of("variables", variables)),
        String.class, task.getId());

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    String logged = output.getAll().substring(before);
    assertThat(logged).contains("INFO", "Submission of task recordBranchVote refused: 1 problem(s)")
        .doesNotContain("ERROR", "WARN", "ENGINE-16004", "\tat ");
  }

  @Test
  void anUnexpectedExceptionInTheEngineIsStillAnErrorWithItsStackTrace(CapturedOutput output) {
    int before = output.getAll().length();

    assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(commandContext -> {
      throw new IllegalStateException("a defect");
    })).isInstanceOf(IllegalStateException.class);

    String logged = output.getAll().substring(before);
    assertThat(logged).contains("ERROR", "ENGINE-16004 Exception while closing command context: a defect",
        "java.lang.IllegalStateException: a defect", "\tat ");
  }
}
