package vn.doanthanhnien.admission.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * The one Spring context every integration test shares: the whole app on a random port, an in-memory H2 database,
 * the demo data of the default profile, the Prometheus endpoint, and process test coverage recorded for the process
 * tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:party-admission;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
    "camunda.bpm.job-execution.enabled=false",
    // Spring Boot's tests turn every metrics export off; /actuator/prometheus is part of the app (PrometheusMetricsTest).
    "management.prometheus.metrics.export.enabled=true"})
@Import({ProcessEngineCoverageConfiguration.class, Pipeline.class, TestMembers.class, CandidacyRecords.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public @interface PipelineTest {
}
