package vn.doanthanhnien.admission.operations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
public class RequestLogConfiguration {

  /** First of all filters, so that the time and status include every refusal of the sign-in and the gates. */
  @Bean
  FilterRegistrationBean<RequestLog> requestLog(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    FilterRegistrationBean<RequestLog> registration = new FilterRegistrationBean<>(new RequestLog());
    registration.setName("party-admission-request-log");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", webapps + "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
