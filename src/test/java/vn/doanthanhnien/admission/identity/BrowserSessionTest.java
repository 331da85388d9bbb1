package vn.doanthanhnien.admission.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.doanthanhnien.admission.support.BrowserSession;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/**
 * A user signed in to Tasklist reaches {@code /api} with the same session; a change through that session needs the
 * webapps' CSRF token, and the webapps keep their security headers.
 */
@PipelineTest
class BrowserSessionTest {

  @LocalServerPort int port;
  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;

  @Test
  void theTasklistSessionOpensTheApiAndAChangeNeedsTheCsrfToken() throws Exception {
    BrowserSession browser = new BrowserSession(port);
    ProcessInstance instance = pipeline.nominate(members.eligible());
    String candidacy = "/api/candidacies/" + instance.getBusinessKey();
    assertThat(browser.send(browser.get(candidacy)).statusCode()).as("before signing in").isEqualTo(401);

    HttpResponse<String> tasklist = browser.send(browser.get("/camunda/app/tasklist/default/"));
    assertThat(tasklist.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    browser.signInToTasklist("secretary");

    assertThat(browser.send(browser.get(candidacy)).statusCode()).isEqualTo(200);
    String withdrawal = "{\"reason\":\"Đoàn viên xin rút\"}";
    HttpResponse<String> forged = browser.send(browser.request(candidacy + "/withdraw")
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(withdrawal)).build());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("CSRF");

    HttpResponse<String> withdrawn = browser.send(browser.request(candidacy + "/withdraw")
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", browser.csrfCookie().getValue())
        .POST(BodyPublishers.ofString(withdrawal)).build());
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(withdrawn.body()).contains("\"status\":\"WITHDRAWN\"");
  }
}
