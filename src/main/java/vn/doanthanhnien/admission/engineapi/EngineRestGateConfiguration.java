package vn.doanthanhnien.admission.engineapi;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import vn.doanthanhnien.admission.common.EngineAsSystem;
import vn.doanthanhnien.admission.form.DeployedForms;

@Configuration
public class EngineRestGateConfiguration {

  /** After the sign-in filter, which tells who calls /engine-rest; the webapps' user is read from the session. */
  @Bean
  FilterRegistrationBean<EngineRestGate> engineRestGate(IdentityService identity, TaskService tasks,
      RuntimeService runtime, DeployedForms forms, EngineAsSystem system, MeterRegistry meters) {
    FilterRegistrationBean<EngineRestGate> registration = new FilterRegistrationBean<>(
        new EngineRestGate(identity, tasks, runtime, forms, system, meters));
    registration.setName("party-admission-engine-rest-gate");
    registration.addUrlPatterns(EngineCall.ENGINE_REST + "/*", EngineCall.WEBAPP_ENGINE_API + "/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }
}
