package vn.doanthanhnien.admission.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Providers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Container;
import org.apache.catalina.Wrapper;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import vn.doanthanhnien.admission.support.BrowserSession;
import vn.doanthanhnien.admission.support.NodeClient;
import vn.doanthanhnien.admission.support.PipelineTest;

/**
 * Camunda's REST API and the webapps' copy of it write and read JSON with one shared Jackson mapper, configured as
 * Camunda's own, rather than a new one per request.
 */
@PipelineTest
class SharedObjectMapperTest {

  @LocalServerPort int port;
  @Autowired ServletWebServerApplicationContext context;
  @Autowired FilterService filters;

  @Test
  void everyJerseyApplicationResolvesTheOneSharedMapperForJsonAndHal() throws Exception {
    String filterId = filters.createFilterQuery().filterName("Việc của đơn vị tôi").singleResult().getId();
    // Both kinds of application serve a request first, so that their servlets are initialized.
    NodeClient.Answer rest = new NodeClient("http://localhost:" + port).postRaw("secretary",
        "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
        "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}");
    BrowserSession tasklist = new BrowserSession(port);
    tasklist.signInToTasklist("secretary");
    HttpResponse<String> webapp = tasklist.send(tasklist.get("/camunda/api/engine/engine/default/filter/"
        + filterId + "/count"));
    assertThat(rest.status()).as(rest.body()).isEqualTo(200);
    assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(200);

    List<ServletContainer> jersey = jerseyServlets();
    assertThat(jersey).as("the engine API and the webapps' APIs").hasSizeGreaterThanOrEqualTo(2);
    ObjectMapper shared = new SharedObjectMapper().getContext(Object.class);
    for (ServletContainer servlet : jersey) {
      Providers providers = servlet.getApplicationHandler().getInjectionManager().getInstance(Providers.class);
      for (MediaType type : List.of(MediaType.APPLICATION_JSON_TYPE, Hal.APPLICATION_HAL_JSON_TYPE)) {
        ObjectMapper first = providers.getContextResolver(ObjectMapper.class, type).getContext(Object.class);
        ObjectMapper second = providers.getContextResolver(ObjectMapper.class, type).getContext(Object.class);
        assertThat(first).as(servlet.getServletName() + " " + type).isSameAs(shared).isSameAs(second);
      }
    }
  }

  @Test
  void theSharedMapperIsConfiguredAsCamundasOwn() {
    ObjectMapper shared = new SharedObjectMapper().getContext(Object.class);

    assertThat(shared.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
    assertThat(shared.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();
    assertThat(shared.getDateFormat()).isInstanceOf(java.text.SimpleDateFormat.class);
    assertThat(((java.text.SimpleDateFormat) shared.getDateFormat()).toPattern())
        .isEqualTo("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  }

  /** Every initialized Jersey servlet of the embedded Tomcat's context. */
  private List<ServletContainer> jerseyServlets() {
    List<ServletContainer> found = new ArrayList<>();
    var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
    for (Container web : tomcat.getHost().findChildren()) {
      for (Container child : web.findChildren()) {
        if (child instanceof Wrapper wrapper
            && wrapper.getServlet() instanceof ServletContainer servlet && servlet.getApplicationHandler() != null) {
          found.add(servlet);
        }
      }
    }
    return found;
  }
}
