package vn.doanthanhnien.admission.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.doanthanhnien.admission.support.PipelineTest;

/**
 * Officers opening the webapps at the same moment each get a page whose scripts carry the nonce of their own
 * response's Content-Security-Policy, so the browser runs them.
 */
@PipelineTest
class WebappPageNonceTest {

  private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([^']+)'");
  private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

  @LocalServerPort int port;

  @Test
  void pagesLoadedAtTheSameTimeEachCarryTheirOwnResponsesNonce() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<String> pages = List.of("/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
        "/camunda/app/admin/default/", "/camunda/app/welcome/default/");
    List<Callable<String>> loads = new ArrayList<>();
    for (int i = 0; i < 240; i++) {
      String page = pages.get(i % pages.size());
      loads.add(() -> mismatch(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + page))
          .GET().build(), BodyHandlers.ofString())));
    }

    List<String> mismatches = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (Future<String> load : pool.invokeAll(loads)) {
        if (load.get() != null) {
          mismatches.add(load.get());
        }
      }
    } finally {
      pool.shutdown();
    }

    assertThat(mismatches).as("pages whose scripts carry another response's nonce").isEmpty();
  }

  /** Null when every script nonce of the page is its header's, else what differs. */
  private static String mismatch(HttpResponse<String> page) {
    assertThat(page.statusCode()).isEqualTo(200);
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    Matcher header = HEADER_NONCE.matcher(policy);
    assertThat(header.find()).as("a nonce in %s", policy).isTrue();
    Set<String> inPage = PAGE_NONCE.matcher(page.body()).results().map(m -> m.group(1)).collect(Collectors.toSet());
    assertThat(inPage).as("script nonces of %s", page.uri()).isNotEmpty();
    return inPage.equals(Set.of(header.group(1))) ? null : page.uri() + ": header " + header.group(1) + ", page " + inPage;
  }
}
