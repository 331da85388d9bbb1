package vn.doanthanhnien.admission.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;

/**
 * A browser against the test server, request by request: it keeps its cookies (the webapps' session once signed in
 * to Tasklist, the XSRF-TOKEN cookie) and follows no redirect.
 */
public class BrowserSession {

  private final int port;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

  public BrowserSession(int port) {
    this.port = port;
  }

  /** Signs in through the webapps' login form, as Tasklist does; every demo password is {@code demo}. */
  public void signInToTasklist(String user) throws IOException, InterruptedException {
    send(get("/camunda/app/tasklist/default/"));
    HttpResponse<String> login = send(request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfCookie().getValue())
        .POST(BodyPublishers.ofString("username=" + user + "&password=demo")).build());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // Signing in starts a new session; Tasklist's next request gets that session's token, as here.
    HttpResponse<String> signedIn = send(get("/camunda/api/admin/auth/user/default"));
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
  }

  /** The webapps' CSRF cookie of the current session (the last one set). */
  public HttpCookie csrfCookie() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .reduce((first, last) -> last).orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  public HttpRequest get(String path) {
    return request(path).GET().build();
  }

  public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return send(request, BodyHandlers.ofString());
  }

  public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> body) throws IOException, InterruptedException {
    return client.send(request, body);
  }
}
