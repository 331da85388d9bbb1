package vn.doanthanhnien.admission.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.doanthanhnien.admission.support.BrowserSession;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/**
 * README "Who sees what" and "REST API", over HTTP as the demo users reach the app: what a task grant does not allow,
 * REVOKE authorizations ignored, opinion summaries for the Party only, withdrawal and import by the Youth Union only,
 * lists of another unit's branch refused, unbounded engine queries refused, and the session cookie's flags.
 */
@PipelineTest
class WhoSeesWhatTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {
      };
  private static final String OPINIONS = "Các ý kiến đều đồng ý đề nghị kết nạp.";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;
  @Autowired TaskService tasks;

  @Test
  void theCandidateGroupsOfficerClaimsButCannotReassignTheTaskNorChangeIt() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "recordAwarenessCertificate");
    String taskId = pipeline.task(instance).getId();
    String url = "/engine-rest/task/" + taskId;

    ResponseEntity<Map<String, Object>> assignToSelf = as("partycell").exchange(url + "/assignee", HttpMethod.POST,
        new HttpEntity<>(Map.of("userId", "partycell")), OBJECT);
    assertThat(assignToSelf.getStatusCode()).as("%s", assignToSelf.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(assignToSelf.getBody()).containsEntry("type", "AuthorizationException");
    assertThat(assignToSelf.getBody().get("message").toString()).contains("TASK_ASSIGN");

    assertThat(as("partycell").postForEntity(url + "/claim", Map.of("userId", "partycell"), String.class)
        .getStatusCode()).as("TASK_WORK claims").isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<Map<String, Object>> reassign = as("partycell").exchange(url + "/assignee", HttpMethod.POST,
        new HttpEntity<>(Map.of("userId", "partycommittee")), OBJECT);
    assertThat(reassign.getStatusCode()).as("%s", reassign.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(reassign.getBody()).containsEntry("type", "AuthorizationException");
    ResponseEntity<Map<String, Object>> update = as("partycell").exchange(url, HttpMethod.PUT,
        new HttpEntity<>(Map.of("name", "Đổi tên việc", "priority", 99)), OBJECT);
    assertThat(update.getStatusCode()).as("%s", update.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map<String, Object>> variables = as("partycell").exchange(url + "/variables", HttpMethod.POST,
        new HttpEntity<>(Map.of("modifications", Map.of("x", Map.of("value", true, "type", "Boolean")))), OBJECT);
    assertThat(variables.getStatusCode()).as("%s", variables.getBody()).isEqualTo(HttpStatus.FORBIDDEN);

    Task after = tasks.createTaskQuery().taskId(taskId).singleResult();
    assertThat(after.getAssignee()).isEqualTo("partycell");
    assertThat(after.getName()).isNotEqualTo("Đổi tên việc");
    assertThat(after.getPriority()).isEqualTo(50);
    assertThat(tasks.getVariable(taskId, "x")).isNull();
  }

  @Test
  void aRevokeAuthorizationAddedByAnAdministratorIsIgnored() {
    ProcessInstance instance = pipeline.nominate(members.eligible());
    String path = "/engine-rest/process-instance/" + instance.getId();
    assertThat(as("secretary").getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

    // type 2 = REVOKE, resource type 8 = process instance: READ taken from the branch's secretary on this instance.
    ResponseEntity<Map<String, Object>> revoke = as("admin").exchange("/engine-rest/authorization/create",
        HttpMethod.POST, new HttpEntity<>(Map.of("type", 2, "permissions", List.of("READ"), "userId", "secretary",
            "resourceType", 8, "resourceId", instance.getId())), OBJECT);
    assertThat(revoke.getStatusCode()).as("%s", revoke.getBody()).isEqualTo(HttpStatus.OK);
    try {
      assertThat(as("secretary").getForEntity(path, String.class).getStatusCode())
          .as("authorization-check-revokes: never").isEqualTo(HttpStatus.OK);
    } finally {
      as("admin").delete("/engine-rest/authorization/{id}", revoke.getBody().get("id"));
    }
  }

  @Test
  void theOpinionSummaryIsShownToTheCandidacysPartyUnitsOnly() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "recordPartyCellVote");
    String id = instance.getBusinessKey();

    for (String user : List.of("secretary", "youthcommittee")) {
      ResponseEntity<String> raw = as(user).getForEntity("/api/candidacies/{id}", String.class, id);
      assertThat(raw.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(raw.getBody()).as(user).doesNotContain(OPINIONS);
      assertThat(opinionsEntry(user, id)).as(user).containsEntry("partyDetails", null);
    }
    for (String user : List.of("partycell", "partycommittee", "superior")) {
      assertThat(opinionsEntry(user, id).get("partyDetails")).as(user).isEqualTo(Map.of("opinionSummary", OPINIONS));
    }
  }

  @Test
  void theYouthCommitteeWithdrawsACandidacyAndNoPartyRoleMay() {
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "assignIntroducer");
    String id = instance.getBusinessKey();
    Map<String, String> body = Map.of("reason", "Đoàn viên chuyển công tác");

    for (String user : List.of("partycell", "partycommittee", "superior")) {
      ResponseEntity<Map<String, Object>> refused = as(user).exchange("/api/candidacies/{id}/withdraw",
          HttpMethod.POST, new HttpEntity<>(body), OBJECT, id);
      assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody()).as(user).containsEntry("message",
          "Chỉ Bí thư chi đoàn KTNN-01 hoặc Ban Chấp hành Đoàn cơ sở cấp trên mới được thực hiện việc này.");
    }
    assertThat(pipeline.task(instance).getTaskDefinitionKey()).isEqualTo("assignIntroducer");

    ResponseEntity<Map<String, Object>> withdrawn = as("youthcommittee").exchange("/api/candidacies/{id}/withdraw",
        HttpMethod.POST, new HttpEntity<>(body), OBJECT, id);
    assertThat(withdrawn.getStatusCode()).as("%s", withdrawn.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(withdrawn.getBody()).containsEntry("status", "WITHDRAWN")
        .containsEntry("rejectionReason", "Rút hồ sơ: Đoàn viên chuyển công tác");
    assertThat(pipeline.tasks(instance)).isEmpty();
  }

  @Test
  void aPartyRoleCannotImportMembersEvenForItsOwnCellsBranch() {
    String csv = "code,fullName,birthDate,gender,branchCode,youthUnionJoinDate,education,lastRating,lastRatingYear\n"
        + "IMPORT-PARTY-1,Đoàn Viên Thử,2001-05-12,FEMALE,KTNN-01,2016-03-26,UNIVERSITY,EXCELLENT,"
        + (pipeline.today().getYear() - 1) + "\n";

    for (String user : List.of("partycell", "partycommittee", "superior")) {
      ResponseEntity<Map<String, Object>> answer = upload(user, csv);
      assertThat(answer.getStatusCode()).as("%s: %s", user, answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody().get("message").toString()).as(user).startsWith("Không nhập được tệp");
      assertThat(answer.getBody().get("problems")).as(user).asList().singleElement().asString()
          .contains("column=branchCode", "Bạn không có quyền đăng ký đoàn viên cho chi đoàn KTNN-01");
    }
    assertThat(as("admin").getForEntity("/api/members/IMPORT-PARTY-1", String.class).getStatusCode())
        .as("nothing stored").isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theListsOfAnotherUnitsBranchAreRefused() {
    String member = members.register(d -> d.branch("HVBC-01"));
    pipeline.nominateAs("secretary2", member);

    for (String user : List.of("secretary", "youthcommittee", "partycell", "partycommittee")) {
      assertThat(as(user).getForEntity("/api/members?branch=HVBC-01", String.class).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(as(user).getForEntity("/api/candidacies?branch=HVBC-01", String.class).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    List<Map<String, Object>> ownMembers = as("secretary2").exchange("/api/members?branch=HVBC-01", HttpMethod.GET,
        null, LIST).getBody();
    assertThat(ownMembers).extracting(m -> m.get("code")).contains(member, "HVBC01-001", "HVBC01-015");
    assertThat(ownMembers).extracting(m -> m.get("branchCode")).containsOnly("HVBC-01");
    List<Map<String, Object>> ownCandidacies = as("secretary2").exchange("/api/candidacies?branch=HVBC-01",
        HttpMethod.GET, null, LIST).getBody();
    assertThat(ownCandidacies).extracting(c -> c.get("memberCode")).contains(member);
    assertThat(ownCandidacies).extracting(c -> c.get("branchCode")).containsOnly("HVBC-01");
  }

  @Test
  void anEngineQueryWithoutMaxResultsOrAboveTwoThousandIsRefused() {
    for (String user : List.of("partycell", "admin")) {
      ResponseEntity<Map<String, Object>> unbounded = as(user).exchange("/engine-rest/task", HttpMethod.GET, null,
          OBJECT);
      assertThat(unbounded.getStatusCode()).as("%s: %s", user, unbounded.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      // Named by a business key, so that an officer's list is refused for its size, not for naming no candidacy.
      ResponseEntity<String> tooMany = as(user).getForEntity(
          "/engine-rest/history/process-instance?processInstanceBusinessKey=1&maxResults=2001", String.class);
      assertThat(tooMany.getStatusCode()).as(user).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(tooMany.getBody()).as(user).contains("2000");
      assertThat(as(user).getForEntity("/engine-rest/task?maxResults=2000", String.class).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.OK);
    }
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteLaxAndTheCsrfCookieReadableUnderCamunda() throws Exception {
    BrowserSession browser = new BrowserSession(port);
    HttpResponse<String> page = browser.send(browser.get("/camunda/app/tasklist/default/"));
    HttpResponse<String> login = browser.send(browser.request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", browser.csrfCookie().getValue())
        .POST(BodyPublishers.ofString("username=secretary&password=demo", StandardCharsets.UTF_8)).build());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

    List<String> setCookies = new java.util.ArrayList<>(page.headers().allValues("Set-Cookie"));
    setCookies.addAll(login.headers().allValues("Set-Cookie"));
    List<String> session = setCookies.stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
    assertThat(session).as("%s", setCookies).isNotEmpty().allSatisfy(c -> assertThat(attributes(c))
        .contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure"));
    List<String> csrf = setCookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).toList();
    assertThat(csrf).as("%s", setCookies).isNotEmpty().allSatisfy(c -> assertThat(attributes(c))
        .contains("Path=/camunda").doesNotContain("HttpOnly"));
  }

  /** A Set-Cookie header's attributes, without its value. */
  private static List<String> attributes(String setCookie) {
    return java.util.Arrays.stream(setCookie.split(";")).skip(1).map(String::trim).toList();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> opinionsEntry(String user, String id) {
    Map<String, Object> candidacy = as(user).exchange("/api/candidacies/{id}", HttpMethod.GET, null, OBJECT, id)
        .getBody();
    return ((List<Map<String, Object>>) candidacy.get("timeline")).stream()
        .filter(e -> "collectOpinions".equals(e.get("stage")) && "STAGE_COMPLETED".equals(e.get("action")))
        .findFirst().orElseThrow(() -> new AssertionError("no collectOpinions entry for " + user));
  }

  private ResponseEntity<Map<String, Object>> upload(String user, String csv) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "danh-sach.csv";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return as(user).exchange("/api/members/import", HttpMethod.POST, new HttpEntity<>(form, headers), OBJECT);
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, "demo");
  }
}
