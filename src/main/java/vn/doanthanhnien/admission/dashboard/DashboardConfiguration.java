package vn.doanthanhnien.admission.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The officers' dashboard and the quota page, static files under {@code static/dashboard/} that call {@code /api} with
 * the Tasklist session. They answer at {@code /dashboard/}. They and the member import page ({@code static/members/})
 * carry the headers the webapps' pages carry: scripts from this origin only, no framing by other sites (CSP
 * {@code frame-ancestors}, and {@code X-Frame-Options} for browsers that know only that), no content-type sniffing.
 */
@Configuration
public class DashboardConfiguration implements WebMvcConfigurer {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; connect-src 'self'; "
      // ECharts positions its tooltips with inline styles.
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
      + "form-action 'self'; frame-ancestors 'self'";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/dashboard", "/dashboard/");
    registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> dashboardHeaders() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Referrer-Policy", "same-origin");
        chain.doFilter(request, response);
      }
    });
    registration.setName("party-admission-page-headers");
    registration.addUrlPatterns("/dashboard/*", "/dashboard", "/members/*");
    return registration;
  }
}
