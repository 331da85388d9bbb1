package vn.doanthanhnien.admission.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;

/**
 * The external contract of docs/domain.md over HTTP on a random port, with HTTP Basic as the demo users: nomination and every
 * task through {@code /engine-rest}'s submit-form, the candidacy through {@code /api}.
 */
@PipelineTest
class RestContractTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {
      };

  @Autowired TestRestTemplate rest;
  @Autowired Pipeline pipeline;

  @Test
  void aCandidacyIsAdmittedThroughTheRestContractByEachRolesDemoUser() {
    String member = registerMember("R-HAPPY-" + System.nanoTime() % 1_000_000);

    String processInstanceId = nominate(member).getBody().get("id").toString();

    for (Map<String, Object> task = currentTask(processInstanceId); task != null;
        task = currentTask(processInstanceId)) {
      String taskKey = (String) task.get("taskDefinitionKey");
      String user = Pipeline.USER_OF_TASK.get(taskKey);
      int open = openTasks(processInstanceId).size();
      assertThat(tasksVisibleTo(user, processInstanceId)).as("%s sees %s", user, taskKey).hasSize(open);
      assertThat(tasksVisibleTo(otherRoleThan(user), processInstanceId)).as("others do not see %s", taskKey).isEmpty();
      String taskId = (String) task.get("id");
      assertThat(as(user).postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", user), Void.class, taskId)
          .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      ResponseEntity<String> submitted = as(user).postForEntity("/engine-rest/task/{id}/submit-form",
          typed(pipeline.valid(taskKey)), String.class, taskId);
      assertThat(submitted.getStatusCode()).as("submit %s: %s", taskKey, submitted.getBody())
          .isEqualTo(HttpStatus.NO_CONTENT);
      runAutomaticSteps(processInstanceId);
    }

    String candidacyId = businessKeyOf(processInstanceId);
    Map<String, Object> candidacy = as("secretary").exchange("/api/candidacies/{id}", HttpMethod.GET, null, OBJECT,
        candidacyId).getBody();
    assertThat(candidacy).containsEntry("status", "ADMITTED").containsEntry("stage", "recordAdmissionCeremony")
        .containsEntry("memberCode", member);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> timeline = (List<Map<String, Object>>) candidacy.get("timeline");
    assertThat(timeline).extracting(e -> e.get("stage") + "/" + e.get("actor")).contains(
        "nominationSubmitted/secretary", "recordYouthCommitteeResolution/youthcommittee",
        "verifyBackground/partycommittee", "recordAdmissionDecision/superior", "recordAdmissionCeremony/partycell");
    assertThat(timeline).last().extracting(e -> e.get("action")).isEqualTo("ADMITTED");
  }

  @Test
  void requestsWithoutValidCredentialsAreRejected() {
    assertThat(rest.getForEntity("/api/units", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // An unknown user: a wrong password for a real one would lock that user for a few seconds (Camunda login delay).
    assertThat(rest.withBasicAuth("nobody", "demo").getForEntity("/api/candidacies/1", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void anIneligibleNominationIsRefusedWith400AndAVietnameseReason() {
    String member = registerMember("R-OLD-" + System.nanoTime() % 1_000_000, Map.of("lastRating", "COMPLETED"));

    ResponseEntity<Map<String, Object>> response = nominate(member);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("message").toString())
        .contains("Không thể đề cử đoàn viên", "không được xếp loại hoàn thành xuất sắc");
  }

  @Test
  void anInvalidTaskSubmissionGets400AndTheTaskStaysOpen() {
    String processInstanceId = nominate(registerMember("R-BAD-" + System.nanoTime() % 1_000_000)).getBody()
        .get("id").toString();
    String taskId = (String) currentTask(processInstanceId).get("id");
    Map<String, Object> values = pipeline.valid("recordBranchVote");
    values.put("votesFor", 30);

    ResponseEntity<Map<String, Object>> response = as("secretary").exchange("/engine-rest/task/{id}/submit-form",
        HttpMethod.POST, new HttpEntity<>(typed(values)), OBJECT, taskId);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("message").toString()).contains("Không thể ghi nhận Ghi kết quả biểu quyết của chi đoàn",
        "không được lớn hơn số đoàn viên dự họp (22)");
    assertThat(currentTask(processInstanceId)).containsEntry("id", taskId);
  }

  @Test
  void membersAreRegisteredWithEveryProblemReportedInVietnamese() {
    Map<String, Object> bad = memberBody("R-INVALID");
    bad.put("birthDate", "2001-02-30");
    bad.put("branchCode", "KHONG-CO");
    bad.put("education", "KINDERGARTEN");
    bad.remove("fullName");

    ResponseEntity<Map<String, Object>> refused = as("admin").exchange("/api/members", HttpMethod.POST,
        new HttpEntity<>(bad), OBJECT);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("errors").toString()).contains("Ngày sinh", "Không có chi đoàn mang mã KHONG-CO",
        "Trình độ học vấn", "Họ và tên");
    assertThat(as("admin").getForEntity("/api/members/R-INVALID", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    String code = registerMember("R-NEW-" + System.nanoTime() % 1_000_000);
    assertThat(as("admin").exchange("/api/members", HttpMethod.POST, new HttpEntity<>(memberBody(code)), OBJECT)
        .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(as("secretary").exchange("/api/members/{code}", HttpMethod.GET, null, OBJECT, code).getBody())
        .containsEntry("fullName", "Trần Thị Kiểm Thử").containsEntry("branchCode", "KTNN-01")
        .containsEntry("education", "UNIVERSITY").containsEntry("birthDate", "2001-05-12");
  }

  @Test
  void aCandidacyIsWithdrawnOnceWithItsReason() {
    String processInstanceId = nominate(registerMember("R-WD-" + System.nanoTime() % 1_000_000)).getBody()
        .get("id").toString();
    String candidacyId = businessKeyOf(processInstanceId);

    assertThat(as("secretary").exchange("/api/candidacies/{id}/withdraw", HttpMethod.POST,
        new HttpEntity<>(Map.of()), OBJECT, candidacyId).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    Map<String, Object> withdrawn = as("secretary").exchange("/api/candidacies/{id}/withdraw", HttpMethod.POST,
        new HttpEntity<>(Map.of("reason", "Đoàn viên xin rút")), OBJECT, candidacyId).getBody();

    assertThat(withdrawn).containsEntry("status", "WITHDRAWN").containsEntry("rejectionReason", "Rút hồ sơ: Đoàn viên xin rút");
    assertThat(currentTask(processInstanceId)).isNull();
    assertThat(as("secretary").exchange("/api/candidacies/{id}/withdraw", HttpMethod.POST,
        new HttpEntity<>(Map.of("reason", "lần nữa")), OBJECT, candidacyId).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void unitsListBothTreesWithTheBranchesPartyCells() {
    List<Map<String, Object>> units = as("secretary").exchange("/api/units", HttpMethod.GET, null, LIST).getBody();

    assertThat(units).anySatisfy(u -> assertThat(u).containsEntry("code", "KTNN-01").containsEntry("kind", "YOUTH_BRANCH")
        .containsEntry("parentCode", "KTNN").containsEntry("partyCellCode", "CB-KTNN-01"));
    assertThat(units).anySatisfy(u -> assertThat(u).containsEntry("code", "CB-KTNN-01")
        .containsEntry("parentCode", "DU-KTNN"));
  }

  private ResponseEntity<Map<String, Object>> nominate(String member) {
    return as("secretary").exchange("/engine-rest/process-definition/key/party-admission/submit-form",
        HttpMethod.POST, new HttpEntity<>(typed(Map.of("memberCode", member,
            "nominationReason", "Có nhiều đóng góp cho phong trào thanh niên"))), OBJECT);
  }

  /** One task of the stage the instance waits at (background verification has one per subject). */
  private Map<String, Object> currentTask(String processInstanceId) {
    List<Map<String, Object>> tasks = openTasks(processInstanceId);
    assertThat(tasks).extracting(t -> t.get("taskDefinitionKey")).containsOnly(
        tasks.isEmpty() ? new Object[0] : new Object[] {tasks.get(0).get("taskDefinitionKey")});
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  private List<Map<String, Object>> openTasks(String processInstanceId) {
    return as("admin").exchange("/engine-rest/task?processInstanceId={id}&maxResults=10", HttpMethod.GET, null, LIST,
        processInstanceId).getBody();
  }

  /** The job executor is off in tests; an administrator can run a due job through the same REST API. */
  private void runAutomaticSteps(String processInstanceId) {
    as("admin").exchange("/engine-rest/job?processInstanceId={id}&executable=true&maxResults=10", HttpMethod.GET, null, LIST,
        processInstanceId).getBody().forEach(job -> assertThat(as("admin").postForEntity(
            "/engine-rest/job/{id}/execute", null, Void.class, job.get("id")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT));
  }

  private List<Map<String, Object>> tasksVisibleTo(String user, String processInstanceId) {
    return as(user).exchange("/engine-rest/task?processInstanceId={id}&candidateUser={user}&maxResults=10", HttpMethod.GET, null,
        LIST, processInstanceId, user).getBody();
  }

  private static String otherRoleThan(String user) {
    return user.equals("secretary") ? "partycell" : "secretary";
  }

  private String businessKeyOf(String processInstanceId) {
    return as("admin").exchange("/engine-rest/history/process-instance/{id}", HttpMethod.GET, null, OBJECT,
        processInstanceId).getBody().get("businessKey").toString();
  }

  private String registerMember(String code) {
    return registerMember(code, Map.of());
  }

  private String registerMember(String code, Map<String, Object> overrides) {
    Map<String, Object> body = memberBody(code);
    body.putAll(overrides);
    ResponseEntity<Map<String, Object>> created = as("admin").exchange("/api/members", HttpMethod.POST,
        new HttpEntity<>(body), OBJECT);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    return code;
  }

  private Map<String, Object> memberBody(String code) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("fullName", "Trần Thị Kiểm Thử");
    body.put("birthDate", "2001-05-12");
    body.put("gender", "FEMALE");
    body.put("branchCode", "KTNN-01");
    body.put("youthUnionJoinDate", "2017-03-26");
    body.put("education", "UNIVERSITY");
    body.put("lastRating", "EXCELLENT");
    body.put("lastRatingYear", pipeline.today().getYear() - 1);
    return body;
  }

  /** Camunda REST's variable format; strings, integers and booleans are typed by their JSON value. */
  private static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return Map.of("variables", variables);
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, "demo");
  }
}
