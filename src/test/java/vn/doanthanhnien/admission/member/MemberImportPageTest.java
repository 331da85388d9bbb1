package vn.doanthanhnien.admission.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/**
 * What {@code /members/import.html} does in a browser signed in to Tasklist, request by request: it reads the
 * session's CSRF token from the {@code X-XSRF-TOKEN} header of {@code /api/me} (Camunda's {@code XSRF-TOKEN} cookie
 * is limited to {@code /camunda}, out of the page's reach) and sends the file with it; without the token the upload
 * is refused.
 */
@PipelineTest
class MemberImportPageTest {

  private static final String BOUNDARY = "----importPageTest";

  @LocalServerPort int port;
  @Autowired MemberRepository members;
  @Autowired TestMembers testMembers;

  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

  @Test
  void thePageUploadsAFileWithTheTasklistSessionAndItsCsrfToken() throws Exception {
    HttpResponse<String> page = send(get("/members/import.html"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("text/html"));
    assertThat(page.body()).contains("Nhập danh sách đoàn viên", "/api/me", "/api/members/import",
        "X-XSRF-TOKEN", "/camunda/app/tasklist/");
    assertThat(send(get("/api/me")).statusCode()).as("before signing in").isEqualTo(401);

    signInToTasklist("secretary");
    HttpResponse<String> me = send(get("/api/me"));
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"id\":\"secretary\"");
    HttpCookie cookie = csrfCookie();
    assertThat(cookie.getPath()).as("why the page reads the token from /api/me's header").isEqualTo("/camunda");
    assertThat(me.headers().firstValue("X-XSRF-TOKEN")).hasValue(cookie.getValue());

    String code = "PAGE-" + System.nanoTime() % 1_000_000;
    byte[] file = ("\uFEFFcode;fullName;birthDate;gender;branchCode;youthUnionJoinDate;education;lastRating;"
        + "lastRatingYear\n" + code + ";Đinh Thị Thanh Tâm;2002-08-19;FEMALE;KTNN-01;2017-03-26;UNIVERSITY;GOOD;"
        + (testMembers.today().getYear() - 1) + "\n").getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> forged = send(upload(file).build());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("CSRF");
    assertThat(members.existsById(code)).isFalse();

    HttpResponse<String> imported = send(upload(file).header("X-XSRF-TOKEN", cookie.getValue()).build());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    assertThat(imported.body()).contains("\"imported\":1");
    HttpResponse<String> member = send(get("/api/members/" + code));
    assertThat(member.statusCode()).isEqualTo(200);
    assertThat(member.body()).contains("Đinh Thị Thanh Tâm");
  }

  private void signInToTasklist(String user) throws Exception {
    send(get("/camunda/app/tasklist/default/"));
    HttpResponse<String> login = send(request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfCookie().getValue())
        .POST(BodyPublishers.ofString("username=" + user + "&password=demo")).build());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // Signing in starts a new session; Tasklist's next request gets that session's token, as here.
    assertThat(send(get("/camunda/api/admin/auth/user/default")).statusCode()).isEqualTo(200);
  }

  private HttpRequest.Builder upload(byte[] content) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"danh-sach.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return request("/api/members/import").header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(BodyPublishers.ofByteArray(body.toByteArray()));
  }

  private HttpCookie csrfCookie() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .reduce((first, last) -> last).orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
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
