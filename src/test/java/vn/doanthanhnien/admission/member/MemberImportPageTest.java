package vn.doanthanhnien.admission.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.doanthanhnien.admission.support.BrowserSession;
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

  private BrowserSession browser;

  @BeforeEach
  void openBrowser() {
    browser = new BrowserSession(port);
  }

  @Test
  void thePageAndWhatItLoadsCarrySecurityHeadersThatForbidFramingByOtherSites() throws Exception {
    for (String path : new String[] {"/members/import.html", "/members/import.js", "/members/import.css"}) {
      HttpResponse<String> answer = browser.send(browser.get(path));

      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
          .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'self'").doesNotContain("unsafe-eval"));
      assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).contains("SAMEORIGIN");
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
    }
    // The policy allows no inline script: the page's script is its own file.
    assertThat(browser.send(browser.get("/members/import.html")).body()).doesNotContain("<script>")
        .contains("<script src=\"import.js\"></script>");
  }

  @Test
  void thePageUploadsAFileWithTheTasklistSessionAndItsCsrfToken() throws Exception {
    HttpResponse<String> page = browser.send(browser.get("/members/import.html"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("text/html"));
    assertThat(page.body()).contains("Nhập danh sách đoàn viên", "/camunda/app/tasklist/", "import.js");
    assertThat(browser.send(browser.get("/members/import.js")).body()).contains("/api/me", "/api/members/import",
        "X-XSRF-TOKEN");
    assertThat(browser.send(browser.get("/api/me")).statusCode()).as("before signing in").isEqualTo(401);

    browser.signInToTasklist("secretary");
    HttpResponse<String> me = browser.send(browser.get("/api/me"));
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"id\":\"secretary\"");
    HttpCookie cookie = browser.csrfCookie();
    assertThat(cookie.getPath()).as("why the page reads the token from /api/me's header").isEqualTo("/camunda");
    assertThat(me.headers().firstValue("X-XSRF-TOKEN")).hasValue(cookie.getValue());

    String code = "PAGE-" + System.nanoTime() % 1_000_000;
    byte[] file = ("\uFEFFcode;fullName;birthDate;gender;branchCode;youthUnionJoinDate;education;lastRating;"
        + "lastRatingYear\n" + code + ";Đinh Thị Thanh Tâm;2002-08-19;FEMALE;KTNN-01;2017-03-26;UNIVERSITY;GOOD;"
        + (testMembers.today().getYear() - 1) + "\n").getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> forged = browser.send(upload(file).build());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("CSRF");
    assertThat(members.existsById(code)).isFalse();

    HttpResponse<String> imported = browser.send(upload(file).header("X-XSRF-TOKEN", cookie.getValue()).build());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    assertThat(imported.body()).contains("\"imported\":1");
    HttpResponse<String> member = browser.send(browser.get("/api/members/" + code));
    assertThat(member.statusCode()).isEqualTo(200);
    assertThat(member.body()).contains("Đinh Thị Thanh Tâm");
  }

  private HttpRequest.Builder upload(byte[] content) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"danh-sach.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return browser.request("/api/members/import").header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(BodyPublishers.ofByteArray(body.toByteArray()));
  }
}
