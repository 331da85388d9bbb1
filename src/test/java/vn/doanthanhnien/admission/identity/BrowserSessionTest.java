package vn.doanthanhnien.admission.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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

  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

  @Test
  void theTasklistSessionOpensTheApiAndAChangeNeedsTheCsrfToken() throws Exception {
    ProcessInstance instance = pipeline.nominate(members.eligible());
    String candidacy = "/api/candidacies/" + instance.getBusinessKey();
    assertThat(send(get(candidacy)).statusCode()).as("before signing in").isEqualTo(401);

    HttpResponse<String> tasklist = send(get("/camunda/app/tasklist/default/"));
    assertThat(tasklist.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    HttpResponse<String> login = send(request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfToken())
        .POST(BodyPublishers.ofString("username=secretary&password=demo")).build());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // Signing in starts a new session; Tasklist's next request gets that session's token, as here.
    assertThat(send(get("/camunda/api/admin/auth/user/default")).statusCode()).isEqualTo(200);

    assertThat(send(get(candidacy)).statusCode()).isEqualTo(200);
    String withdrawal = "{\"reason\":\"Đoàn viên xin rút\"}";
    HttpResponse<String> forged = send(request(candidacy + "/withdraw").header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(withdrawal)).build());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("CSRF");

    HttpResponse<String> withdrawn = send(request(candidacy + "/withdraw").header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", csrfToken()).POST(BodyPublishers.ofString(withdrawal)).build());
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(withdrawn.body()).contains("\"status\":\"WITHDRAWN\"");
  }

  private String csrfToken() {
    Optional<HttpCookie> token = cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).reduce((first, last) -> last);
    assertThat(token).as("XSRF-TOKEN cookie").isPresent();
    return token.get().getValue();
  }

  private HttpRequest get(String path) {
    return request(path).GET().build();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return browser.send(request, BodyHandlers.ofString());
  }
}
