package vn.doanthanhnien.admission.common;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API at {@code /engine-rest} (the starter's Jersey configuration, replaced as its documentation
 * describes), with {@link EngineRestConflicts} answering conflicts. Camunda's handlers of {@link RestException} and
 * {@link ProcessEngineException} are left out and replaced by ones that ask {@link EngineRestConflicts} first and
 * otherwise answer exactly as Camunda's would: two mappers of one exception type would leave the choice to Jersey.
 */
@Component
@ApplicationPath("/engine-rest")
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  private static final Set<Class<?>> REPLACED = Set.of(RestExceptionHandler.class,
      ProcessEngineExceptionHandler.class);

  private final EngineRestConflicts conflicts;

  public EngineRestConfiguration(EngineRestConflicts conflicts) {
    this.conflicts = conflicts;
  }

  /** As Camunda's, less the two replaced handlers. */
  @Override
  protected void registerCamundaRestResources() {
    registerClasses(CamundaRestResources.getResourceClasses());
    registerClasses(CamundaRestResources.getConfigurationClasses().stream().filter(c -> !REPLACED.contains(c))
        .collect(Collectors.toSet()));
    register(JacksonFeature.class);
  }

  @Override
  protected void registerAdditionalResources() {
    register(new RestExceptions(conflicts));
    register(new EngineExceptions(conflicts));
    register(new ConcurrencyFailures(conflicts));
  }

  /** Asks {@link EngineRestConflicts} first, then answers as Camunda does. */
  abstract static class ConflictAware<E extends Throwable> implements ExceptionMapper<E> {

    private final EngineRestConflicts conflicts;
    @Context
    private UriInfo request;

    ConflictAware(EngineRestConflicts conflicts) {
      this.conflicts = conflicts;
    }

    @Override
    public Response toResponse(E error) {
      return conflicts.answer(error, request).orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(error));
    }
  }

  /** In place of Camunda's {@link RestExceptionHandler}: submit-form and complete wrap the engine's exception. */
  static class RestExceptions extends ConflictAware<RestException> {

    RestExceptions(EngineRestConflicts conflicts) {
      super(conflicts);
    }
  }

  /** In place of Camunda's {@link ProcessEngineExceptionHandler}: claim lets the engine's exception through. */
  static class EngineExceptions extends ConflictAware<ProcessEngineException> {

    EngineExceptions(EngineRestConflicts conflicts) {
      super(conflicts);
    }
  }

  /**
   * A version clash on the application's own rows (JPA's {@code @Version}) or a lock the database gave up waiting
   * for, which Camunda's catch-all handler would answer 500.
   */
  static class ConcurrencyFailures extends ConflictAware<ConcurrencyFailureException> {

    ConcurrencyFailures(EngineRestConflicts conflicts) {
      super(conflicts);
    }
  }
}
