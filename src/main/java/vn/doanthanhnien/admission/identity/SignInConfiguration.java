package vn.doanthanhnien.admission.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
public class SignInConfiguration {

  @Bean
  FilterRegistrationBean<SignIn> signIn(IdentityService identity) {
    FilterRegistrationBean<SignIn> registration = new FilterRegistrationBean<>(new SignIn(identity));
    registration.setName("party-admission-sign-in");
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    // Before the engine REST gate, which needs to know who calls.
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }
}
