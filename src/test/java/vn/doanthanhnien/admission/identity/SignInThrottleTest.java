package vn.doanthanhnien.admission.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.doanthanhnien.admission.support.BrowserSession;
import vn.doanthanhnien.admission.support.PipelineTest;

/**
 * Sign-in failures are counted per client address and user, not per user: a stranger's wrong passwords never keep
 * the user out, and the engine locks nobody. Every request here comes from 127.0.0.1; another address's counts are
 * in {@code LoginThrottleTest}. The users tried many times are made for the test, so that no other test finds a
 * demo user throttled.
 */
@PipelineTest
class SignInThrottleTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PASSWORD = "Throttle-1";

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  private String user;

  @AfterEach
  void deleteUser() {
    if (user != null) {
      identity.deleteUser(user);
    }
  }

  @Test
  void oneWrongPasswordForAdminFromAnyoneDoesNotKeepAdminOut() throws Exception {
    assertThat(get("/api/me", "admin", "wrong").statusCode()).isEqualTo(401);

    HttpResponse<String> right = get("/api/me", "admin", "demo");

    assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
  }

  @Test
  void repeatedFailuresFromOneAddressAreAnswered429EvenWithTheRightPassword() throws Exception {
    user = newUser("throttle-basic");
    for (int i = 1; i <= LoginThrottle.FREE_FAILURES; i++) {
      assertThat(get("/engine-rest/task?maxResults=1", user, "wrong-" + i).statusCode()).as("failure %d", i)
          .isEqualTo(401);
    }

    HttpResponse<String> throttled = get("/api/me", user, PASSWORD);

    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(
        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
    assertThat(throttled.body()).contains("Đăng nhập sai quá nhiều lần");
  }

  @Test
  void theWebappsLoginFormIsThrottledToo() throws Exception {
    user = newUser("throttle-webapp");
    BrowserSession browser = new BrowserSession(port);
    browser.send(browser.get("/camunda/app/tasklist/default/"));
    for (int i = 1; i <= LoginThrottle.FREE_FAILURES; i++) {
      assertThat(login(browser, "wrong-" + i).statusCode()).as("failure %d", i).isEqualTo(401);
    }

    HttpResponse<String> throttled = login(browser, PASSWORD);

    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    assertThat(throttled.body()).contains("Đăng nhập sai quá nhiều lần");
  }

  @Test
  void theWebappsLoginFormStillSignsInAndAFailureBeforeDoesNotStopIt() throws Exception {
    user = newUser("throttle-webapp-ok");
    BrowserSession browser = new BrowserSession(port);
    browser.send(browser.get("/camunda/app/tasklist/default/"));
    assertThat(login(browser, "wrong").statusCode()).isEqualTo(401);

    HttpResponse<String> signedIn = login(browser, PASSWORD);

    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    assertThat(signedIn.body()).contains("\"userId\":\"" + user + "\"");
  }

  @Test
  void theEngineLocksNobodyHoweverOftenThePasswordIsWrong() {
    // Straight to the engine, past the throttle: Camunda's own counting would lock the user for good after ten.
    user = newUser("throttle-engine");
    for (int i = 0; i < 12; i++) {
      assertThat(identity.checkPassword(user, "wrong")).isFalse();
    }

    assertThat(identity.checkPassword(user, PASSWORD)).isTrue();
  }

  private String newUser(String id) {
    User created = identity.newUser(id);
    created.setPassword(PASSWORD);
    created.setFirstName("Thử");
    created.setLastName("Người dùng");
    identity.saveUser(created);
    return id;
  }

  /** The login form's request; Welcome, which needs no grant, since the test's user has none. */
  private HttpResponse<String> login(BrowserSession browser, String password) throws Exception {
    return browser.send(browser.request("/camunda/api/admin/auth/user/default/login/welcome")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", browser.csrfCookie().getValue())
        .POST(BodyPublishers.ofString("username=" + user + "&password=" + password)).build());
  }

  private HttpResponse<String> get(String path, String userId, String password)
      throws IOException, InterruptedException {
    return HTTP.send(basic(path, userId, password).GET().build(), BodyHandlers.ofString());
  }

  private HttpRequest.Builder basic(String path, String userId, String password) {
    String credentials = userId + ":" + password;
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization",
            "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }
}
