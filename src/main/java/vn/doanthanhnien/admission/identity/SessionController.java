package vn.doanthanhnien.admission.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/session}: who is signed in and, for a Tasklist session, the webapps' CSRF token that a change must
 * carry in {@code X-XSRF-TOKEN}. Pages of the application outside {@code /camunda} need it from here: Camunda's
 * {@code XSRF-TOKEN} cookie has the path {@code /camunda}, so their scripts cannot read it. Another site cannot read
 * this answer (no CORS on {@code /api}), which is what keeps the token secret from it.
 */
@RestController
public class SessionController {

  private final CurrentUser user;

  public SessionController(CurrentUser user) {
    this.user = user;
  }

  public record SessionView(String userId, String csrfToken) {
  }

  @GetMapping("/api/session")
  public ResponseEntity<SessionView> current(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(new SessionView(user.id(), token == null ? null : token.toString()));
  }
}
