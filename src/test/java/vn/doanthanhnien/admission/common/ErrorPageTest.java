package vn.doanthanhnien.admission.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.doanthanhnien.admission.support.PipelineTest;

/** Spring's error page answers errors, not visitors: {@code /error} asked for directly is not found. */
@PipelineTest
class ErrorPageTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @Test
  void theErrorPageAskedForDirectlyIsNotFoundWithAVietnameseMessage() throws Exception {
    for (String method : new String[] {"GET", "POST"}) {
      HttpResponse<String> error = send(request("/error").method(method, HttpRequest.BodyPublishers.noBody()));

      assertThat(error.statusCode()).as(method).isEqualTo(404);
      assertThat(error.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/json"));
      assertThat(error.body()).as(method).contains("\"message\":\"Không tìm thấy trang hoặc tài nguyên này.\"");
    }
  }

  @Test
  void realErrorsKeepTheirStatus() throws Exception {
    assertThat(send(request("/no-such-page").GET()).statusCode()).isEqualTo(404);
    HttpResponse<String> wrongMethod = send(request("/api/me").DELETE().header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8))));
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json");
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), BodyHandlers.ofString());
  }
}
