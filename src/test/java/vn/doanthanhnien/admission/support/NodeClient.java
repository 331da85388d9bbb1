package vn.doanthanhnien.admission.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP calls to one node as the demo users (password {@code demo}), the way Tasklist and REST clients make them:
 * {@code /engine-rest} submit-form for the nomination and every task, {@code /api} for members and candidacies.
 */
public final class NodeClient {

  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  public record Answer(int status, String body) {

    public Map<String, Object> json() {
      return read(body, new TypeReference<>() {
      });
    }

    public List<Map<String, Object>> list() {
      return read(body, new TypeReference<>() {
      });
    }

    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final String baseUrl;

  public NodeClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public NodeClient(AppNode node) {
    this(node.baseUrl());
  }

  public Answer get(String user, String path) {
    return send(user, HttpRequest.newBuilder(uri(path)).GET());
  }

  public Answer post(String user, String path, Object body) {
    return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(write(body))));
  }

  public Answer put(String user, String path, Object body) {
    return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .PUT(BodyPublishers.ofString(write(body))));
  }

  public Answer delete(String user, String path) {
    return send(user, HttpRequest.newBuilder(uri(path)).DELETE());
  }

  /** A body sent as it is, for requests that are not JSON built from objects. */
  public Answer postRaw(String user, String path, String body) {
    return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body)));
  }

  /** An eligible member of branch KTNN-01 without an awareness certificate, registered by its branch secretary. */
  public void registerMember(String code) {
    Map<String, Object> member = new LinkedHashMap<>();
    member.put("code", code);
    member.put("fullName", "Nguyễn Văn Cụm " + code);
    member.put("birthDate", today().minusYears(23).toString());
    member.put("gender", "MALE");
    member.put("branchCode", "KTNN-01");
    member.put("youthUnionJoinDate", today().minusYears(7).toString());
    member.put("education", "UNIVERSITY");
    member.put("lastRating", "EXCELLENT");
    member.put("lastRatingYear", today().getYear() - 1);
    expectOk(post("secretary", "/api/members", member), "register " + code);
  }

  /** Nominates the member as the secretary of branch KTNN-01; returns the new process instance (id, businessKey). */
  public Map<String, Object> nominate(String memberCode) {
    return expectOk(post("secretary", "/engine-rest/process-definition/key/party-admission/submit-form",
        form(Map.of("memberCode", memberCode, "nominationReason", "Gương mẫu, nhiệt tình trong công tác Đoàn"))),
        "nominate " + memberCode).json();
  }

  /** The open tasks of a process instance, as the administrator sees them. */
  public List<Map<String, Object>> openTasks(String processInstanceId) {
    return expectOk(get("admin", "/engine-rest/task?processInstanceId=" + processInstanceId + "&maxResults=50"),
        "tasks of " + processInstanceId).list();
  }

  /** Submits the task's form with valid values as the demo user of its role (without claiming it first). */
  public Answer submitValid(Map<String, Object> task) {
    String taskKey = (String) task.get("taskDefinitionKey");
    return post(Pipeline.USER_OF_TASK.get(taskKey), "/engine-rest/task/" + task.get("id") + "/submit-form",
        form(StageInputs.valid(taskKey, today())));
  }

  /** Camunda REST's variables; strings, integers and booleans are typed by their JSON value. */
  public static Map<String, Object> form(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return Map.of("variables", variables);
  }

  public static LocalDate today() {
    return LocalDate.now(VIETNAM);
  }

  public static Answer expectOk(Answer answer, String what) {
    if (!answer.ok()) {
      throw new AssertionError(what + ": HTTP " + answer.status() + " " + answer.body());
    }
    return answer;
  }

  private Answer send(String user, HttpRequest.Builder request) {
    String credentials = user + ":demo";
    request.header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json").timeout(Duration.ofSeconds(60));
    try {
      var response = HTTP.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T read(String body, TypeReference<T> type) {
    try {
      return JSON.readValue(body, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
