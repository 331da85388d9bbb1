package vn.doanthanhnien.admission.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.doanthanhnien.admission.support.BrowserSession;
import vn.doanthanhnien.admission.support.PipelineTest;

/**
 * The dashboard and the quota page: served from the application itself (no CDN) with the webapps' kind of security
 * headers, linked from Camunda's Welcome page, and working with a Tasklist session: reading the figures, then saving
 * a quota with the CSRF token that {@code /api} hands to the session, and refused without it.
 */
@PipelineTest
class DashboardPagesTest {

  /** What a page loads: its scripts and style sheets. */
  private static final Pattern LOADED = Pattern.compile("(?:<script[^>]*\\ssrc|<link[^>]*\\shref)=\"([^\"]+)\"");
  private static final Pattern MODULE_IMPORT = Pattern.compile("from '\\./([^']+)'");

  @LocalServerPort int port;

  private BrowserSession browser;

  @BeforeEach
  void openBrowser() {
    browser = new BrowserSession(port);
  }

  @Test
  void bothPagesAndEverythingTheyLoadComeFromTheApplicationWithSecurityHeaders() throws Exception {
    HttpResponse<String> bare = browser.send(browser.get("/dashboard"));
    assertThat(bare.statusCode()).isEqualTo(302);
    assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard/"));

    // What each page loads and what each of its modules imports, listed here so that an empty match fails.
    List<String> report = List.of("dashboard.css", "/webjars/echarts/5.3.1/dist/echarts.min.js", "dashboard.js");
    Map<String, List<String>> loads = Map.of("/dashboard/", report, "/dashboard/index.html", report,
        "/dashboard/quotas.html", List.of("dashboard.css", "quotas.js"));
    Map<String, List<String>> imports = Map.of("/dashboard/dashboard.js", List.of("api.js"),
        "/dashboard/quotas.js", List.of("api.js"));
    for (String page : List.of("/dashboard/", "/dashboard/index.html", "/dashboard/quotas.html")) {
      HttpResponse<String> html = browser.send(browser.get(page));
      assertThat(html.statusCode()).as(page).isEqualTo(200);
      assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
      assertThat(html.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'self'"));
      assertThat(html.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(html.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
      assertThat(html.body()).contains("<html lang=\"vi\">").doesNotContain("http://", "https://");
      assertThat(references(html.body())).as("loaded by %s", page).containsExactlyElementsOf(loads.get(page));
      for (String resource : references(html.body())) {
        String path = resource.startsWith("/") ? resource : "/dashboard/" + resource;
        HttpResponse<String> loaded = browser.send(browser.get(path));
        assertThat(loaded.statusCode()).as("%s loaded by %s", path, page).isEqualTo(200);
        if (path.endsWith(".js") && path.startsWith("/dashboard/")) {
          assertThat(loaded.body()).as(path).doesNotContain("http://", "https://");
          assertThat(matches(MODULE_IMPORT, loaded.body())).as("imported by %s", path)
              .containsExactlyElementsOf(imports.get(path));
          for (String module : matches(MODULE_IMPORT, loaded.body())) {
            assertThat(browser.send(browser.get("/dashboard/" + module)).statusCode())
                .as("%s imported by %s", module, path)
                .isEqualTo(200);
          }
        }
      }
    }
    assertThat(browser.send(browser.get("/dashboard/")).body()).contains("Báo cáo kết nạp đoàn viên ưu tú vào Đảng",
        "/webjars/echarts/5.3.1/dist/echarts.min.js", "Tải báo cáo Excel (.xlsx)");
    assertThat(browser.send(browser.get("/dashboard/quotas.html")).body())
        .contains("Chỉ tiêu giới thiệu đoàn viên ưu tú vào Đảng");
  }

  @Test
  void camundasWelcomePageLinksBothPages() throws Exception {
    HttpResponse<String> config = browser.send(browser.get("/camunda/app/welcome/scripts/config.js"));

    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body()).contains("href: '/dashboard/'", "href: '/dashboard/quotas.html'",
        "Báo cáo kết nạp đoàn viên ưu tú");
  }

  @Test
  void withATasklistSessionThePagesReadTheFiguresAndSaveAQuotaOnlyWithTheCsrfToken() throws Exception {
    assertThat(browser.send(browser.get("/api/me")).statusCode()).as("before signing in").isEqualTo(401);
    browser.signInToTasklist("admin");

    HttpResponse<String> me = browser.send(browser.get("/api/me"));
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"administrator\":true");
    HttpCookie cookie = browser.csrfCookie();
    assertThat(cookie.getPath()).as("why the pages, under /dashboard/, cannot read the cookie").isEqualTo("/camunda");
    assertThat(me.headers().firstValue("X-XSRF-TOKEN")).as("the token handed to the session's pages")
        .contains(cookie.getValue());

    String quota = "{\"introduced\":25}";
    HttpResponse<String> forged = browser.send(browser.request("/api/quotas/2032/KTNN")
        .header("Content-Type", "application/json")
        .PUT(BodyPublishers.ofString(quota)).build());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("CSRF");
    assertThat(browser.send(browser.get("/api/quotas/2032")).body()).as("nothing stored").isEqualTo("[]");

    HttpResponse<String> saved = browser.send(browser.request("/api/quotas/2032/KTNN")
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", me.headers().firstValue("X-XSRF-TOKEN").orElseThrow())
        .PUT(BodyPublishers.ofString(quota)).build());
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(browser.send(browser.get("/api/quotas/2032")).body())
        .isEqualTo("[{\"year\":2032,\"unitCode\":\"KTNN\",\"introduced\":25}]");
    assertThat(browser.send(browser.get("/api/reports/annual?year=2032&unit=KTNN")).body()).contains("\"quota\":25");
    assertThat(browser.send(browser.get("/api/reports/annual.xlsx?year=2032&unit=KTNN")).statusCode()).isEqualTo(200);
    assertThat(browser.send(browser.get("/api/reports/stalls?year=2032&unit=KTNN")).body())
        .as("the stall section's figures").contains("\"unitCode\":\"KTNN\"").contains("\"stages\":[");
  }

  @Test
  void theStagesComeInPipelineOrderWithTheirTasklistNames() throws Exception {
    browser.signInToTasklist("secretary");

    HttpResponse<String> stages = browser.send(browser.get("/api/reports/stages"));

    assertThat(stages.statusCode()).isEqualTo(200);
    assertThat(stages.body()).startsWith("[{\"key\":\"recordBranchVote\",\"name\":\"Ghi kết quả biểu quyết của chi đoàn\"}")
        .contains("{\"key\":\"verifyBackground\",\"name\":\"Thẩm tra lý lịch\"}")
        .endsWith("{\"key\":\"recordAdmissionCeremony\",\"name\":\"Ghi lễ kết nạp đảng viên\"}]");
  }

  private static List<String> references(String html) {
    return matches(LOADED, html).stream().filter(reference -> !reference.startsWith("data:")).toList();
  }

  private static List<String> matches(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
