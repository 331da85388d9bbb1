package vn.doanthanhnien.admission.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first administrator comes from configuration ({@code camunda.bpm.admin-user}), in every profile. Camunda
 * Admin's first-run set-up ({@code /camunda/api/admin/setup/**}) lets the first visitor create an administrator
 * while none exists; it is closed here whether one exists or not, and the start fails without one
 * ({@link AdministratorCheck}).
 */
@Configuration
public class FirstAdministrator {

  private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

  static final String SETUP_CLOSED = "Không có chức năng tạo quản trị viên đầu tiên qua trang web: quản trị viên đầu "
      + "tiên được tạo từ cấu hình (camunda.bpm.admin-user) khi ứng dụng khởi động.";

  @Bean
  AdministratorCheck administratorCheck(IdentityService identity) {
    return new AdministratorCheck(identity);
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> closedSetup(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws IOException {
        LOG.warn("Camunda's first-run set-up refused: {} {} from {}", request.getMethod(), request.getRequestURI(),
            request.getRemoteAddr());
        SignIn.refuse(response, HttpServletResponse.SC_NOT_FOUND, SETUP_CLOSED);
      }
    });
    registration.setName("party-admission-closed-setup");
    registration.addUrlPatterns(webapps + "/api/admin/setup/*");
    // Before Camunda's own filters: nothing of the set-up is reached, not even its CSRF check.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }
}
