package vn.doanthanhnien.admission.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Each webapp page with the script nonce of its own response. Camunda 7.24's header filter makes a nonce for every
 * request to the webapps, puts it in the {@code Content-Security-Policy} header, and passes it to the page template
 * through a <em>servlet context</em> attribute ({@code org.camunda.bpm.csp.nonce}), which every other request
 * overwrites in between: a page loaded while anyone else's request arrives can carry another request's nonce, and the
 * browser then refuses every script of it (Tasklist stays a blank page until reloaded). With many officers opening
 * Tasklist in the same minutes that is not rare; the CI's browser checks hit it when a page overlapped their own
 * polling.
 *
 * <p>This filter runs before Camunda's on the webapps' pages and hands Camunda's filters a view of the servlet context
 * that keeps that one attribute per request; everything else reads and writes the real context.
 */
@Configuration
public class WebappPageNonce {

  /** The attribute Camunda's {@code ContentSecurityPolicyProvider} and {@code ProcessEnginesFilter} share. */
  static final String ATTRIBUTE = "org.camunda.bpm.csp.nonce";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> ownNoncePerRequest(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        chain.doFilter(new OwnNonce(request), response);
      }
    });
    registration.setName("party-admission-webapp-page-nonce");
    // The pages only: Camunda's filter also sets the attribute for every API call, which then goes to the shared
    // context, where no page reads it any more.
    registration.addUrlPatterns(webapps + "/app/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /** A request whose servlet context holds the nonce attribute for this request alone. */
  static final class OwnNonce extends HttpServletRequestWrapper {

    private final ServletContext context;
    private volatile Object nonce;

    OwnNonce(HttpServletRequest request) {
      super(request);
      ServletContext shared = request.getServletContext();
      context = (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
          new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
            if (args != null && ATTRIBUTE.equals(args[0]) && method.getName().endsWith("Attribute")) {
              return nonceAttribute(method.getName(), args);
            }
            try {
              return method.invoke(shared, args);
            } catch (InvocationTargetException e) {
              throw e.getTargetException();
            }
          });
    }

    /** {@code getAttribute}, {@code setAttribute} or {@code removeAttribute} of the nonce. */
    private Object nonceAttribute(String method, Object[] args) {
      switch (method) {
        case "getAttribute" -> {
          return nonce;
        }
        case "setAttribute" -> nonce = args[1];
        default -> nonce = null;
      }
      return null;
    }

    @Override
    public ServletContext getServletContext() {
      return context;
    }
  }
}
