package vn.doanthanhnien.admission.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One sign-in for {@code /engine-rest} and {@code /api}, against the Camunda users the webapps use: HTTP Basic for REST
 * clients and Camunda Modeler, or the session of a user signed in to Tasklist, Cockpit or Admin. A session request
 * that changes something must carry the webapps' CSRF token. No {@code WWW-Authenticate} challenge is sent, so a
 * browser never caches Basic credentials that other sites could make it send. The user's groups are read on every
 * request: a user moved to another unit sees the new unit's data at once. Wrong passwords are counted per client
 * address and user ({@link LoginThrottle}): a throttled address gets 429 before its password is checked. It covers the
 * operations endpoints too ({@code /actuator}, the OpenAPI document), but for the load balancer's probes
 * ({@link #OPEN_PATHS}); {@link AdministratorsOnly} then keeps them to administrators.
 */
public class SignIn extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(SignIn.class);
  private static final String ENGINE = "default";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  /** The request attribute holding the id of the user signed in here, for the request log. */
  public static final String USER_ATTRIBUTE = SignIn.class.getName() + ".user";
  /** The load balancer's liveness and readiness probes: anonymous, and they show nothing but a status. */
  static final Set<String> OPEN_PATHS = Set.of("/actuator/health/liveness", "/actuator/health/readiness");

  private final IdentityService identity;
  private final LoginThrottle throttle;

  public SignIn(IdentityService identity, LoginThrottle throttle) {
    this.identity = identity;
    this.throttle = throttle;
  }

  private record Credentials(String userId, String password) {
  }

  /** A request no sign-in is asked for, though the filter covers its path. */
  static boolean isOpen(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return OPEN_PATHS.contains(path);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return isOpen(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String userId;
    String basic = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
      Credentials credentials = decodeBasic(basic.substring(6).trim());
      userId = null;
      if (credentials != null) {
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.refusal(address, credentials.userId(), "HTTP Basic");
        if (wait.isPresent()) {
          response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(LoginThrottle.retryAfterSeconds(wait.get())));
          refuse(response, HttpStatus.TOO_MANY_REQUESTS.value(), LoginThrottle.message(wait.get()));
          return;
        }
        if (identity.checkPassword(credentials.userId(), credentials.password())) {
          throttle.succeeded(address, credentials.userId());
          userId = credentials.userId();
        } else {
          throttle.failed(address, credentials.userId(), "HTTP Basic " + request.getRequestURI());
        }
      }
    } else {
      userId = sessionUser(request);
      if (userId != null && !SAFE_METHODS.contains(request.getMethod()) && !csrfTokenMatches(request)) {
        LOG.info("Session request {} {} by {} refused: missing or wrong CSRF token", request.getMethod(),
            request.getRequestURI(), userId);
        refuse(response, HttpServletResponse.SC_FORBIDDEN, "Yêu cầu thiếu mã chống giả mạo (CSRF). Hãy tải lại trang.");
        return;
      }
      if (userId != null) {
        exposeCsrfToken(request, response);
      }
    }
    if (userId == null) {
      refuse(response, HttpServletResponse.SC_UNAUTHORIZED,
          "Cần đăng nhập: gửi tên đăng nhập và mật khẩu (HTTP Basic) hoặc đăng nhập Tasklist trước.");
      return;
    }
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    request.setAttribute(USER_ATTRIBUTE, userId);
    identity.setAuthentication(userId, groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static Credentials decodeBasic(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    return new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  /** The user signed in to the webapps in this session, if they still exist. */
  private String sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication = authentications.getAuthenticationForProcessEngine(ENGINE);
    if (authentication == null || identity.createUserQuery().userId(authentication.getName()).count() == 0) {
      return null;
    }
    return authentication.getName();
  }

  /**
   * Pages of the application outside the webapps (the dashboard) cannot read the webapps' XSRF-TOKEN cookie, whose
   * path is /camunda: every answer to a session request carries the session's token in the same header the webapps
   * use. Only scripts of this origin can read it (no CORS), as with the cookie.
   */
  private static void exposeCsrfToken(HttpServletRequest request, HttpServletResponse response) {
    Object token = request.getSession().getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    if (token != null) {
      response.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, token.toString());
    }
  }

  private static boolean csrfTokenMatches(HttpServletRequest request) {
    Object expected = request.getSession().getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return expected != null && expected.equals(request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME));
  }

  static void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"message\":\"" + message + "\",\"errors\":[]}");
  }
}
