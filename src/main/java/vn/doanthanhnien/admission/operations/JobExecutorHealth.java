package vn.doanthanhnien.admission.operations;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * {@code jobExecutor} in the readiness probe: a node whose job executor stopped runs no asynchronous step, timer or
 * retry. When job execution is turned off by configuration ({@code camunda.bpm.job-execution.enabled: false}, as in
 * the tests) that is intended, not a failure: UP, saying so. Replaces the Camunda starter's indicator of the same
 * name, which would be DOWN then.
 */
public class JobExecutorHealth extends AbstractHealthIndicator {

  private final ProcessEngineConfigurationImpl engine;
  private final boolean enabled;

  public JobExecutorHealth(ProcessEngineConfigurationImpl engine, boolean enabled) {
    super("Job executor health check failed");
    this.engine = engine;
    this.enabled = enabled;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    if (!enabled) {
      builder.up().withDetail("jobExecution", "disabled by configuration");
      return;
    }
    JobExecutor jobExecutor = engine.getJobExecutor();
    if (jobExecutor != null && jobExecutor.isActive()) {
      builder.up().withDetail("name", jobExecutor.getName());
    } else {
      builder.down().withDetail("jobExecution", "enabled but not running");
    }
  }
}
