package vn.doanthanhnien.admission.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.doanthanhnien.admission.common.ReplayedBodyRequest;

/**
 * The webapps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}, how Tasklist, Cockpit and
 * Admin sign in) throttled the way {@link SignIn} throttles HTTP Basic: the user id is read from the form before
 * Camunda checks the password, and Camunda's answer (200 signed in, 401 wrong password) is counted. The form is read
 * here and handed on unchanged, since Camunda reads it again.
 */
public class WebappLoginThrottle extends OncePerRequestFilter {

  /** A login form is two short fields; anything larger is not one. */
  static final int MAX_FORM_BYTES = 16 * 1024;

  private final LoginThrottle throttle;

  public WebappLoginThrottle(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // The only other POST here is the logout, which has no user name and checks no password.
    return !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    MediaType type = contentType(request);
    if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
      // Camunda reads the user name from a form only: without one it checks nothing and answers 401.
      chain.doFilter(request, response);
      return;
    }
    byte[] form = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
    if (form.length > MAX_FORM_BYTES) {
      SignIn.refuse(response, HttpStatus.PAYLOAD_TOO_LARGE.value(), "Yêu cầu đăng nhập quá lớn.");
      return;
    }
    String userId = userName(form, type);
    if (userId == null) {
      chain.doFilter(new ReplayedBodyRequest(request, form), response);
      return;
    }
    String address = request.getRemoteAddr();
    Optional<Duration> wait = throttle.refusal(address, userId, "the webapps' login form");
    if (wait.isPresent()) {
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(LoginThrottle.retryAfterSeconds(wait.get())));
      SignIn.refuse(response, HttpStatus.TOO_MANY_REQUESTS.value(), LoginThrottle.message(wait.get()));
      return;
    }
    chain.doFilter(new ReplayedBodyRequest(request, form), response);
    // Only Camunda's own answers count: 401 after a wrong password, 200 once signed in. Anything else (403 for a
    // missing CSRF token or an application the user may not open) neither adds a failure nor clears the count.
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(address, userId, "the webapps' login form");
    } else if (response.getStatus() == HttpServletResponse.SC_OK) {
      throttle.succeeded(address, userId);
    }
  }

  private static MediaType contentType(HttpServletRequest request) {
    try {
      return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String userName(byte[] form, MediaType type) throws IOException {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    HttpInputMessage message = new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return new ByteArrayInputStream(form);
      }

      @Override
      public HttpHeaders getHeaders() {
        return headers;
      }
    };
    String userName = new FormHttpMessageConverter().read(null, message).getFirst("username");
    return userName == null || userName.isEmpty() ? null : userName;
  }
}
