package vn.doanthanhnien.admission.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;

/**
 * One Jackson {@code ObjectMapper} for every request of Camunda's REST API and of the webapps' copy of it, configured
 * as Camunda's {@link JacksonConfigurator} configures its own. That one answers every lookup with a new mapper, so
 * Jackson built its deserializer for each request's body and its serializers for each answer anew: about a sixth of
 * the server's time for a Tasklist list (docs/performance.md, change 14). A mapper is safe to share once configured;
 * Jackson copies the configured date format for each use, as {@code SimpleDateFormat} is not thread-safe. Made on
 * the first request, after the webapps' start-up has set Camunda's date format. Ahead of Camunda's resolver by its
 * priority ({@link EngineRestConfiguration} registers it in both kinds of Jersey application).
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
@Priority(Priorities.USER - 100)
public class SharedObjectMapper implements ContextResolver<ObjectMapper> {

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return Holder.MAPPER;
  }

  private static final class Holder {
    static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
  }
}
