package vn.doanthanhnien.admission.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
public class SignInConfiguration {

  @Bean
  LoginThrottle loginThrottle() {
    return new LoginThrottle();
  }

  @Bean
  FilterRegistrationBean<SignIn> signIn(IdentityService identity, LoginThrottle throttle) {
    FilterRegistrationBean<SignIn> registration = new FilterRegistrationBean<>(new SignIn(identity, throttle));
    registration.setName("party-admission-sign-in");
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    // Before the engine REST gate, which needs to know who calls.
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
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
