package vn.doanthanhnien.admission.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.doanthanhnien.admission.common.ApiErrors.ErrorBody;

/**
 * Spring's error page is for the container's error dispatch. Asked for directly it had no error to show and
 * answered 500; a direct request is now "not found". Errors keep reaching it through the error dispatch, which
 * this filter does not see (it is mapped to direct requests only).
 */
@Configuration
public class ErrorPageConfiguration {

  static final String NOT_FOUND = "Không tìm thấy trang hoặc tài nguyên này.";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> directErrorPage(@Value("${server.error.path:/error}") String path,
      ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getWriter(), new ErrorBody(NOT_FOUND, List.of()));
      }
    });
    registration.setName("party-admission-direct-error-page");
    registration.addUrlPatterns(path, path + "/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }
}
