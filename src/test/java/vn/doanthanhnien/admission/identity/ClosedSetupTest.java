package vn.doanthanhnien.admission.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.doanthanhnien.admission.support.BrowserSession;
import vn.doanthanhnien.admission.support.PipelineTest;

/**
 * Camunda's first-run set-up ("create the first administrator") is closed whether or not an administrator exists:
 * the first one comes from configuration. Camunda itself refuses it only while some administrator exists.
 */
@PipelineTest
class ClosedSetupTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  @Test
  void anAnonymousSetupCallIsAnswered404AndCreatesNobody() throws Exception {
    BrowserSession stranger = new BrowserSession(port);
    // With the webapps' CSRF token, as a browser that opened Admin would have it.
    stranger.send(stranger.get("/camunda/app/admin/default/"));

    HttpResponse<String> setup = stranger.send(stranger.request("/camunda/api/admin/setup/default/user/create")
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", stranger.csrfCookie().getValue())
        .POST(BodyPublishers.ofString("{\"profile\":{\"id\":\"intruder\",\"firstName\":\"A\",\"lastName\":\"B\","
            + "\"email\":\"a@b.vn\"},\"credentials\":{\"password\":\"Intruder-1\"}}")).build());

    assertThat(setup.statusCode()).isEqualTo(404);
    assertThat(setup.body()).contains("camunda.bpm.admin-user").contains("quản trị");
    assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
  }
}
