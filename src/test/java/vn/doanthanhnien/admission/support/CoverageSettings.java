package vn.doanthanhnien.admission.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The process test class walks every path of the pipeline, so it must cover every flow node and sequence flow of the
 * model (report: target/process-test-coverage/). Other test classes exercise the API, not the paths.
 */
@TestConfiguration
public class CoverageSettings {

  /** Primary: the coverage library also registers a default instance of this bean. */
  @Bean
  @Primary
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.builder()
        .addInclusionPatternForTestClasses("*.PartyAdmissionProcessTest")
        .assertClassCoverageAtLeast(1.0)
        .build();
  }
}
