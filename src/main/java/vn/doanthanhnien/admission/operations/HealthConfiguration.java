package vn.doanthanhnien.admission.operations;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class HealthConfiguration {

  /** Named as the Camunda starter's, which it replaces: the health contributor {@code jobExecutor}. */
  @Bean
  JobExecutorHealth jobExecutorHealthIndicator(ProcessEngineConfigurationImpl engine,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
    return new JobExecutorHealth(engine, enabled);
  }
}
