package vn.doanthanhnien.admission.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operations endpoints ({@code /actuator}, the OpenAPI document and its UI) for administrators only, after
 * {@link SignIn} has told who calls. The load balancer's two probes are open to anyone ({@link #OPEN_PATHS}), and
 * show only a status.
 */
public class AdministratorsOnly extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(AdministratorsOnly.class);

  static final String REFUSED = "Chỉ quản trị viên (nhóm camunda-admin) được xem thông tin vận hành của hệ thống.";

  private final IdentityService identity;

  public AdministratorsOnly(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return SignIn.isOpen(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains(Roles.ADMIN_GROUP)) {
      LOG.info("Operations request {} {} by {} refused: not an administrator", request.getMethod(),
          request.getRequestURI(), user == null ? null : user.getUserId());
      SignIn.refuse(response, HttpServletResponse.SC_FORBIDDEN, REFUSED);
      return;
    }
    chain.doFilter(request, response);
  }
}
