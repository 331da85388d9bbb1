package vn.doanthanhnien.admission.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/**
 * Many requests that create or take the same thing, released together by a barrier: whatever the interleaving,
 * exactly one succeeds and every other one is refused with a Vietnamese message (409, or the rule's 400 when it saw
 * the winner's row), never 500 and never a database constraint's name.
 */
@PipelineTest
class ConcurrentInsertsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger CODES = new AtomicInteger();
  private static final String CONCURRENT_CHANGE = "Dữ liệu vừa được người khác thay đổi cùng lúc nên thao tác của "
      + "bạn chưa được ghi nhận. Vui lòng tải lại rồi thử lại.";

  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void tenNominationsOfOneMemberAtOnceOpenOneCandidacy() throws Exception {
    for (int round = 0; round < 3; round++) {
      String member = members.eligible();
      String body = JSON.writeValueAsString(Map.of("variables", Map.of(
          "memberCode", Map.of("value", member), "nominationReason", Map.of("value", "Gương mẫu"))));

      List<Answer> answers = atOnce(10, i -> post("secretary",
          "/engine-rest/process-definition/key/party-admission/submit-form", body));

      assertOneSucceeded(answers, 200, answer -> {
        if (answer.status() == 400) {
          assertThat(answer.message()).contains("Đoàn viên đã có hồ sơ đề nghị kết nạp đang xử lý");
        } else {
          assertThat(answer.status()).isEqualTo(409);
          assertThat(answer.message()).isEqualTo(CONCURRENT_CHANGE);
        }
      });
      assertThat(jdbc.queryForObject("select count(*) from candidacy where member_code = ?", Long.class, member))
          .isOne();
    }
  }

  @Test
  void twentyClaimsOfOneTaskAtOnceByTwentyOfficersLeaveItWithOne() throws Exception {
    List<String> officers = officersOfKtnn01(20);
    for (int round = 0; round < 3; round++) {
      Task task = pipeline.task(pipeline.nominate(members.eligible()));

      List<Answer> answers = atOnce(20, i -> post(officers.get(i), "/engine-rest/task/" + task.getId() + "/claim",
          "{\"userId\":\"" + officers.get(i) + "\"}"));

      String winner = tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
      assertOneSucceeded(answers, 204, answer -> {
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.message()).isIn(CONCURRENT_CHANGE, "Việc «" + task.getName() + "» đã được "
            + winner + " nhận trước. Vui lòng tải lại danh sách việc.");
      });
      assertThat(answers.get(officers.indexOf(winner)).status()).isEqualTo(204);
    }
  }

  @Test
  void claimsOfOneTaskAtOnceByOneOfficerNeverAnswer500() throws Exception {
    Task task = pipeline.task(pipeline.nominate(members.eligible()));

    // Claiming a task one holds already succeeds; claims that met in the database (each granting the task to the
    // same user) lost a race.
    List<Answer> answers = atOnce(10, i -> post("secretary", "/engine-rest/task/" + task.getId() + "/claim",
        "{\"userId\":\"secretary\"}"));

    assertThat(answers).extracting(Answer::status).as("%s", answers).contains(204).allMatch(s -> s == 204 || s == 409);
    answers.stream().filter(a -> a.status() == 409).forEach(a -> assertThat(a.message()).isIn(CONCURRENT_CHANGE,
        "Việc «" + task.getName() + "» đã được secretary nhận trước. Vui lòng tải lại danh sách việc."));
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("secretary");
  }

  @Test
  void tenRegistrationsOfOneMemberCodeAtOnceStoreItOnce() throws Exception {
    for (int round = 0; round < 3; round++) {
      String code = "RACE-" + CODES.incrementAndGet() + "-" + System.nanoTime() % 100_000;
      Map<String, Object> member = new LinkedHashMap<>();
      member.put("code", code);
      member.put("fullName", "Lê Thị Đồng Thời");
      member.put("birthDate", "2001-05-12");
      member.put("gender", "FEMALE");
      member.put("branchCode", "KTNN-01");
      member.put("youthUnionJoinDate", "2017-03-26");
      member.put("education", "UNIVERSITY");
      member.put("lastRating", "EXCELLENT");
      member.put("lastRatingYear", pipeline.today().getYear() - 1);
      String body = JSON.writeValueAsString(member);

      List<Answer> answers = atOnce(10, i -> post("secretary", "/api/members", body));

      assertOneSucceeded(answers, 201, answer -> {
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.message()).isIn("Đã có đoàn viên mang mã " + code + ".", CONCURRENT_CHANGE);
      });
      assertThat(jdbc.queryForObject("select count(*) from member where code = ?", Long.class, code)).isOne();
    }
  }

  @Test
  void theFirstQuotaOfAUnitWrittenTwiceAtOnceKeepsOneOfTheTwo() throws Exception {
    // Years 2040-2049 are used by no other test; each round writes a quota that did not exist yet.
    for (int year = 2040; year < 2046; year++) {
      String path = "/api/quotas/" + year + "/KTNN";

      List<Answer> answers = atOnce(2, i -> put("admin", path, "{\"introduced\":" + (10 + i) + "}"));

      assertThat(answers).extracting(Answer::status).as("%s", answers).allMatch(s -> s == 200 || s == 409)
          .contains(200);
      answers.stream().filter(a -> a.status() == 409)
          .forEach(a -> assertThat(a.message()).isEqualTo(CONCURRENT_CHANGE));
      Integer stored = jdbc.queryForObject("select introduced from quota where quota_year = ? and unit_code = 'KTNN'",
          Integer.class, year);
      assertThat(stored).isIn(10, 11);
    }
  }

  /** Branch secretaries of KTNN-01 besides the demo user, created once for the shared database. */
  private List<String> officersOfKtnn01(int count) {
    List<String> officers = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String id = "claimer-" + i;
      if (identity.createUserQuery().userId(id).count() == 0) {
        User user = identity.newUser(id);
        user.setFirstName("Cán bộ " + i);
        user.setLastName("Thử");
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(id, "branch-secretary.KTNN-01");
      }
      officers.add(id);
    }
    return officers;
  }

  record Answer(int status, String body) {

    String message() {
      try {
        Object message = JSON.readValue(body, Map.class).get("message");
        return message == null ? null : message.toString();
      } catch (Exception e) {
        throw new AssertionError("Not a JSON answer: " + body, e);
      }
    }
  }

  interface Request {
    Answer send(int index) throws Exception;
  }

  private static void assertOneSucceeded(List<Answer> answers, int success, java.util.function.Consumer<Answer> loser) {
    assertThat(answers).extracting(Answer::status).as("%s", answers).containsOnlyOnce(success)
        .doesNotContain(500);
    answers.stream().filter(a -> a.status() != success).forEach(a -> {
      assertThat(a.body()).as("no internal name").doesNotContainIgnoringCase("constraint")
          .doesNotContainIgnoringCase("PRIMARY KEY").doesNotContainIgnoringCase("Exception:");
      loser.accept(a);
    });
  }

  /** Sends {@code count} requests, each from its own thread, released together by a barrier. */
  private static List<Answer> atOnce(int count, Request request) throws Exception {
    CyclicBarrier start = new CyclicBarrier(count);
    ExecutorService officers = Executors.newFixedThreadPool(count);
    try {
      List<Future<Answer>> pending = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        pending.add(officers.submit(() -> {
          start.await();
          return request.send(index);
        }));
      }
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> answer : pending) {
        answers.add(answer.get());
      }
      return answers;
    } finally {
      officers.shutdownNow();
    }
  }

  private Answer post(String user, String path, String json) throws Exception {
    return send(user, path, "POST", json);
  }

  private Answer put(String user, String path, String json) throws Exception {
    return send(user, path, "PUT", json);
  }

  private Answer send(String user, String path, String method, String json) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(method, BodyPublishers.ofString(json)).build();
    HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }
}
