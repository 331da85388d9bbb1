package vn.doanthanhnien.admission.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** The readiness probe's job executor check, without an engine: on, stopped, or off by configuration. */
class JobExecutorHealthTest {

  @Test
  void aRunningJobExecutorIsUp() {
    assertThat(health(true, true)).isEqualTo(Status.UP);
  }

  @Test
  void aStoppedJobExecutorIsDownWhenJobExecutionIsEnabled() {
    assertThat(health(true, false)).isEqualTo(Status.DOWN);
  }

  @Test
  void jobExecutionTurnedOffByConfigurationIsNotAFailure() {
    assertThat(health(false, false)).isEqualTo(Status.UP);
  }

  private static Status health(boolean enabled, boolean active) {
    StandaloneInMemProcessEngineConfiguration engine = new StandaloneInMemProcessEngineConfiguration();
    engine.setJobExecutor(new FixedJobExecutor(active));
    return new JobExecutorHealth(engine, enabled).health().getStatus();
  }

  /** A job executor that only says whether it runs. */
  private static final class FixedJobExecutor extends JobExecutor {

    FixedJobExecutor(boolean active) {
      this.isActive = active;
    }

    @Override
    protected void startExecutingJobs() {
    }

    @Override
    protected void stopExecutingJobs() {
    }

    @Override
    public void executeJobs(List<String> jobIds, ProcessEngineImpl processEngine) {
    }
  }
}
