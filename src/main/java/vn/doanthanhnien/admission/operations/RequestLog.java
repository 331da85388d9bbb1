package vn.doanthanhnien.admission.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.doanthanhnien.admission.identity.SignIn;

/**
 * One INFO line per request to {@code /api}, {@code /engine-rest} and the webapps' {@code /camunda/api}: who, method,
 * path, status and time in milliseconds. Never a body, never a value of the query string (which may carry personal
 * data), only its parameter names. The user is the one {@link SignIn} accepted, or the webapps' session user; "-" when
 * nobody signed in. The same fields go as key-value pairs to structured (JSON) logs. Silence it with
 * {@code logging.level.vn.doanthanhnien.admission.operations.RequestLog: WARN}.
 */
public class RequestLog extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
  private static final String ENGINE = "default";

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return true;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long start = System.nanoTime();
    boolean failed = true;
    try {
      chain.doFilter(request, response);
      failed = false;
    } finally {
      long millis = (System.nanoTime() - start) / 1_000_000;
      // An exception that leaves every filter becomes a 500 in the container, after this line is written.
      int status = failed && response.getStatus() < 400 ? 500 : response.getStatus();
      String path = path(request);
      String user = user(request);
      LOG.atInfo()
          .addKeyValue("user", user)
          .addKeyValue("http.request.method", request.getMethod())
          .addKeyValue("url.path", path)
          .addKeyValue("http.response.status_code", status)
          .addKeyValue("event.duration_ms", millis)
          .log("{} {} {} {} {} ms", user, request.getMethod(), path, status, millis);
    }
  }

  /** The path, and of the query string the parameter names only. */
  static String path(HttpServletRequest request) {
    String path = request.getRequestURI();
    if (request.getQueryString() == null) {
      return path;
    }
    // From the query string itself: the request's parameters would also name the fields of a form body.
    String names = Arrays.stream(request.getQueryString().split("&"))
        .map(pair -> pair.split("=", 2)[0])
        .filter(name -> !name.isEmpty())
        .map(RequestLog::decoded)
        .distinct().sorted().collect(Collectors.joining("&"));
    return names.isEmpty() ? path : path + "?" + names;
  }

  /** A parameter name as sent, decoded when it can be; no line breaks or other control characters in the log. */
  private static String decoded(String name) {
    String shown;
    try {
      shown = URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      shown = name;
    }
    return shown.replaceAll("\\p{Cntrl}", "?");
  }

  private static String user(HttpServletRequest request) {
    Object signedIn = request.getAttribute(SignIn.USER_ATTRIBUTE);
    if (signedIn != null) {
      return signedIn.toString();
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      try {
        Authentication authentication = AuthenticationUtil.getAuthsFromSession(session)
            .getAuthenticationForProcessEngine(ENGINE);
        if (authentication != null) {
          return authentication.getName();
        }
      } catch (IllegalStateException e) {
        // The session was invalidated by this request (a logout).
      }
    }
    return "-";
  }
}
