package vn.doanthanhnien.admission.identity;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
public class SignInConfiguration {

  /**
   * Actuator (but its two probes, {@link SignIn#OPEN_PATHS}), the OpenAPI document of /api and its UI: signed-in
   * administrators only.
   */
  static final String[] OPERATIONS = {"/actuator/*", "/api-docs/*", "/swagger-ui/*", "/swagger-ui.html"};

  @Bean
  LoginThrottle loginThrottle(MeterRegistry meters) {
    return new LoginThrottle(meters);
  }

  @Bean
  FilterRegistrationBean<SignIn> signIn(IdentityService identity, LoginThrottle throttle) {
    FilterRegistrationBean<SignIn> registration = new FilterRegistrationBean<>(new SignIn(identity, throttle));
    registration.setName("party-admission-sign-in");
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.addUrlPatterns(OPERATIONS);
    // Before the engine REST gate, which needs to know who calls.
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<AdministratorsOnly> administratorsOnly(IdentityService identity) {
    FilterRegistrationBean<AdministratorsOnly> registration =
        new FilterRegistrationBean<>(new AdministratorsOnly(identity));
    registration.setName("party-admission-administrators-only");
    registration.addUrlPatterns(OPERATIONS);
    // Right after the sign-in, which sets the user and their groups.
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 9);
    return registration;
  }

  @Bean
  FilterRegistrationBean<WebappLoginThrottle> webappLoginThrottle(LoginThrottle throttle,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    FilterRegistrationBean<WebappLoginThrottle> registration =
        new FilterRegistrationBean<>(new WebappLoginThrottle(throttle));
    registration.setName("party-admission-webapp-login-throttle");
    registration.addUrlPatterns(webapps + "/api/admin/auth/user/*");
    // Before Camunda's filters, so that the form is read here first, whatever they read.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }
}
