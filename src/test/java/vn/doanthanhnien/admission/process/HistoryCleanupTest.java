package vn.doanthanhnien.admission.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.doanthanhnien.admission.support.PipelineTest;

/**
 * The history of a finished instance goes once its {@code historyTimeToLive} has passed: the engine's history cleanup
 * runs in a nightly window (without one it never runs on its own), and the removal time is set when an instance ends.
 */
@PipelineTest
class HistoryCleanupTest {

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  private String deployment;

  @AfterEach
  void resetClockAndModel() {
    ClockUtil.reset();
    if (deployment != null) {
      repository.deleteDeployment(deployment, true);
    }
  }

  @Test
  void theCleanupRunsEveryNightInHanoiTimeAndIsScheduled() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00+0700");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0700");
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(history.findHistoryCleanupJobs()).as("the cleanup job, created at start-up for the window")
        .isNotEmpty();
  }

  @Test
  void aFinishedInstanceIsRemovedOnceItsTimeToLiveHasPassed() {
    deployment = repository.createDeployment().addModelInstance("history-cleanup-probe.bpmn",
        Bpmn.createExecutableProcess("history-cleanup-probe").camundaHistoryTimeToLive(1)
            .startEvent().endEvent().done()).deploy().getId();
    String id = runtime.startProcessInstanceByKey("history-cleanup-probe").getId();
    HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(ended.getRemovalTime()).as("removal time set when it ended")
        .isEqualTo(Date.from(ended.getEndTime().toInstant().plus(Duration.ofDays(1))));

    ClockUtil.setCurrentTime(Date.from(ended.getRemovalTime().toInstant().plus(Duration.ofMinutes(1))));
    Job cleanup = history.cleanUpHistoryAsync(true);
    management.executeJob(cleanup.getId());

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).count()).isZero();
  }
}
