package vn.doanthanhnien.admission.common;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Camunda's REST API at {@code /engine-rest} (the starter's Jersey configuration, replaced as its documentation
 * describes) with the mappers below, which ask {@link EngineRestConflicts} first and otherwise answer exactly as
 * Camunda's own handlers would. Tasklist does not call {@code /engine-rest} but the webapps' copy of the same API
 * ({@code /camunda/api/engine}), a Jersey application of the webapp starter's, which {@link WebappProviders} gives the
 * same mappers. Where two mappers handle one exception type, Jersey takes the one of lower priority value: these
 * have a lower one than Camunda's (which have the default, {@code USER}). Both kinds of application also get one
 * shared Jackson mapper ({@link SharedObjectMapper}), ahead of Camunda's, which makes a new one for every request.
 */
@Component
@ApplicationPath("/engine-rest")
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  static final List<Class<?>> PROVIDERS = List.of(RestExceptions.class, EngineExceptions.class,
      ConcurrencyFailures.class, SharedObjectMapper.class);

  @Override
  protected void registerAdditionalResources() {
    PROVIDERS.forEach(this::register);
  }

  /**
   * The webapps' Jersey applications are built by Jersey from an {@code Application} class; Jersey adds the servlet
   * context's attributes to their properties, so this one names providers for them to register as well.
   */
  @Component
  static class WebappProviders implements ServletContextInitializer {

    @Override
    public void onStartup(ServletContext servletContext) {
      servletContext.setAttribute(ServerProperties.PROVIDER_CLASSNAMES,
          PROVIDERS.stream().map(Class::getName).collect(Collectors.joining(",")));
    }
  }

  /** Created by Jersey, in either application: finds the Spring bean through the servlet context. */
  abstract static class ConflictAware<E extends Throwable> implements ExceptionMapper<E> {

    @Context
    private ServletContext servletContext;
    @Context
    private UriInfo request;

    @Override
    public Response toResponse(E error) {
      EngineRestConflicts conflicts = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
          .getBean(EngineRestConflicts.class);
      return conflicts.answer(error, request).orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(error));
    }
  }

  /** Before Camunda's {@link RestExceptionHandler}: submit-form and complete wrap the engine's exception. */
  @Priority(Priorities.USER - 100)
  public static class RestExceptions extends ConflictAware<RestException> {
  }

  /** Before Camunda's {@link ProcessEngineExceptionHandler}: claim lets the engine's exception through. */
  @Priority(Priorities.USER - 100)
  public static class EngineExceptions extends ConflictAware<ProcessEngineException> {
  }

  /**
   * A version clash on the application's own rows (JPA's {@code @Version}) or a lock the database gave up waiting
   * for, which Camunda's catch-all handler would answer 500.
   */
  @Priority(Priorities.USER - 100)
  public static class ConcurrencyFailures extends ConflictAware<ConcurrencyFailureException> {
  }
}
