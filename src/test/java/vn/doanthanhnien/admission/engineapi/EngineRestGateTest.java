package vn.doanthanhnien.admission.engineapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.doanthanhnien.admission.common.ForeignInstanceException;
import vn.doanthanhnien.admission.process.ProbationProcess;
import vn.doanthanhnien.admission.support.BrowserSession;
import vn.doanthanhnien.admission.support.NodeClient;
import vn.doanthanhnien.admission.support.NodeClient.Answer;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.StageInputs;

/**
 * The engine's REST API as a hostile officer uses it, with the demo users over HTTP Basic: a candidacy moves only
 * through its own instance and its own forms.
 */
@PipelineTest
class EngineRestGateTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String START = "/engine-rest/process-definition/key/party-admission/start";
  private static final String NOMINATE = "/engine-rest/process-definition/key/party-admission/submit-form";
  /** Every end event of the pipeline, the automatic start of the probation, and a task far ahead. */
  private static final List<String> FORGED_TARGETS = List.of("memberAdmitted", "rejectedAtBranchVote",
      "rejectedAtYouthCommittee", "rejectedAtBackgroundCheck", "rejectedAtPartyCellVote",
      "rejectedAtPartyCommitteeVote", "admissionNotApproved", "candidacyWithdrawn", "startProbation",
      "recordAdmissionDecision");

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;

  private NodeClient http;

  @BeforeEach
  void client() {
    http = new NodeClient("http://localhost:" + port);
  }

  @Test
  void noOfficerStartsAPipelineAnywhereButAtItsStartForm() {
    Candidacy waiting = nominated();

    for (String user : List.of("secretary2", "secretary")) {
      for (String target : FORGED_TARGETS) {
        Answer forged = http.post(user, START, Map.of("businessKey", waiting.id(),
            "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", target)),
            "variables", unitVariables()));

        assertThat(forged.status()).as("%s forging %s: %s", user, target, forged.body()).isEqualTo(403);
        assertThat(forged.json().get("message")).isEqualTo(EngineRestGate.START_REFUSED);
      }
      // Nor a plain /start, which skips the start form's checks.
      assertThat(http.post(user, START, NodeClient.form(Map.of("memberCode", "KTNN01-002"))).status()).isEqualTo(403);
    }

    assertUntouched(waiting);
  }

  @Test
  void anAdministratorsForgedStartCannotTouchTheCandidacyEither() {
    Candidacy waiting = nominated();

    for (String target : List.of("memberAdmitted", "rejectedAtBranchVote", "candidacyWithdrawn",
        "recordBranchVote")) {
      Answer forged = http.post("admin", START, Map.of("businessKey", waiting.id(),
          "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", target)),
          "variables", unitVariables()));

      assertThat(forged.status()).as("admin forging %s: %s", target, forged.body()).isEqualTo(403);
      assertThat(forged.body()).as(target).contains("không phải quy trình của hồ sơ số " + waiting.id());
    }

    assertUntouched(waiting);
  }

  @Test
  void anAdministratorsBadStartIsAClientErrorNotAServerError() {
    Answer withoutMember = http.post("admin", START, Map.of("variables", Map.of()));
    Answer conditions = http.post("admin", "/engine-rest/condition", Map.of("variables", Map.of()));

    assertThat(withoutMember.status()).as(withoutMember.body()).isEqualTo(400);
    assertThat(withoutMember.json().get("message").toString()).contains("Mã đoàn viên");
    assertThat(conditions.status()).as(conditions.body()).isEqualTo(400);
    assertThat(conditions.json().get("message")).isEqualTo("Không có quy trình nào bắt đầu theo điều kiện.");
  }

  @Test
  void aStartFormCarriesExactlyItsFieldsAndNoBusinessKey() {
    String member = registered();
    Map<String, Object> values = new LinkedHashMap<>(Map.of("memberCode", member, "nominationReason", "Gương mẫu"));
    values.put("renewingDossier", true);
    values.put("backgroundVerified", true);
    values.put("dossierRenewalStartedOn", NodeClient.today().toString());

    Answer forged = http.post("secretary", NOMINATE, NodeClient.form(values));

    assertThat(forged.status()).as(forged.body()).isEqualTo(400);
    assertThat(problems(forged)).containsExactly(
        "Biểu mẫu không có trường «renewingDossier»: chỉ được gửi các trường của biểu mẫu.",
        "Biểu mẫu không có trường «backgroundVerified»: chỉ được gửi các trường của biểu mẫu.",
        "Biểu mẫu không có trường «dossierRenewalStartedOn»: chỉ được gửi các trường của biểu mẫu.");
    Map<String, Object> withKey = new LinkedHashMap<>(NodeClient.form(Map.of("memberCode", member,
        "nominationReason", "Gương mẫu")));
    withKey.put("businessKey", "5");
    assertThat(problems(http.post("secretary", NOMINATE, withKey)))
        .containsExactly("Số hồ sơ (businessKey) do hệ thống cấp; không được gửi kèm.");
    assertThat(runtime.createProcessInstanceQuery().variableValueEquals("memberCode", member).count()).isZero();
    // Nothing of the refused starts was kept: the member can be nominated, once.
    NodeClient.expectOk(http.post("secretary", NOMINATE, NodeClient.form(Map.of("memberCode", member,
        "nominationReason", "Gương mẫu"))), "nominate " + member);
  }

  @Test
  void everyTaskRefusesVariablesItsFormDoesNotHave() {
    Candidacy candidacy = nominated();

    int stages = 0;
    for (Map<String, Object> task = openTask(candidacy); task != null; task = openTask(candidacy)) {
      String taskKey = (String) task.get("taskDefinitionKey");
      String user = Pipeline.USER_OF_TASK.get(taskKey);
      Map<String, Object> values = new LinkedHashMap<>(StageInputs.valid(taskKey, NodeClient.today()));
      values.put("backgroundConcern", true);
      values.put("renewingDossier", true);
      String taskPath = "/engine-rest/task/" + task.get("id");

      for (String action : List.of("/submit-form", "/complete")) {
        Answer forged = http.post(user, taskPath + action, NodeClient.form(values));
        assertThat(forged.status()).as("%s%s: %s", taskKey, action, forged.body()).isEqualTo(400);
        assertThat(problems(forged)).as(taskKey).containsExactly(
            "Biểu mẫu không có trường «backgroundConcern»: chỉ được gửi các trường của biểu mẫu.",
            "Biểu mẫu không có trường «renewingDossier»: chỉ được gửi các trường của biểu mẫu.");
      }
      assertThat(http.get(user, taskPath).status()).as("%s still open", taskKey).isEqualTo(200);
      NodeClient.expectOk(http.submitValid(task), "submit " + taskKey);
      runDueJobs(candidacy);
      stages++;
    }

    assertThat(stages).isGreaterThanOrEqualTo(11);
    assertThat(status(candidacy)).containsEntry("status", "ADMITTED");
    // A probation's end forged for this member, through the Java API: refused by the engine's own check.
    assertThatThrownBy(() -> runtime.createProcessInstanceByKey(ProbationProcess.KEY).businessKey(candidacy.id())
        .startBeforeActivity(ProbationProcess.RECOGNISED).execute()).isInstanceOf(ForeignInstanceException.class);
    assertThat(NodeClient.expectOk(http.get("secretary", "/api/candidacies/" + candidacy.id() + "/probation"),
        "probation").json()).containsEntry("status", "IN_PROBATION");
  }

  @Test
  void valuesThatAreNotPlainOrTooLargeOrTooDeepAreRefusedAndTheTaskStaysOpen() {
    Candidacy candidacy = nominated();
    String submit = "/engine-rest/task/" + openTask(candidacy).get("id") + "/submit-form";
    Map<String, Object> serialized = Map.of("variables", Map.of("resolutionNumber", Map.of("type", "Object",
        "value", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==", "valueInfo", Map.of(
            "objectTypeName", "java.util.HashMap", "serializationDataFormat", "application/x-java-serialized-object"))));
    Map<String, Object> json = Map.of("variables", Map.of("resolutionNumber", Map.of("type", "Json",
        "value", "{\"a\":1}")));

    assertThat(problems(http.post("secretary", submit, serialized))).containsExactly(
        "Trường «resolutionNumber» có kiểu «Object»: chỉ nhận chuỗi, số, ngày hoặc đúng/sai.");
    assertThat(problems(http.post("secretary", submit, json))).containsExactly(
        "Trường «resolutionNumber» có kiểu «Json»: chỉ nhận chuỗi, số, ngày hoặc đúng/sai.");
    Answer deep = http.postRaw("secretary", submit, "[".repeat(20_000) + "]".repeat(20_000));
    assertThat(deep.status()).as(deep.body()).isEqualTo(400);
    assertThat(deep.json().get("message")).isEqualTo("Nội dung yêu cầu lồng nhau quá sâu (tối đa 40 tầng).");
    Answer huge = http.post("secretary", submit, NodeClient.form(Map.of("resolutionNumber", "x".repeat(10_000_000))));
    assertThat(huge.status()).as(huge.body()).isEqualTo(413);
    Answer longText = http.post("secretary", submit, NodeClient.form(Map.of("resolutionNumber", "x".repeat(10_001))));
    assertThat(problems(longText)).containsExactly("Trường «resolutionNumber» dài quá 10000 ký tự.");

    assertThat(openTask(candidacy)).containsEntry("taskDefinitionKey", "recordBranchVote");
    assertUntouched(candidacy);
  }

  @Test
  void officersChangeNothingOverTheEngineApiButWhatTasklistDoes() {
    Candidacy candidacy = nominated();
    String pi = candidacy.processInstanceId();
    String taskId = (String) openTask(candidacy).get("id");
    Map<String, Object> flag = Map.of("value", true, "type", "Boolean");

    Map<String, Answer> answers = new LinkedHashMap<>();
    answers.put("set a variable", http.put("secretary", "/engine-rest/process-instance/" + pi
        + "/variables/renewingDossier", flag));
    answers.put("modify variables", http.post("secretary", "/engine-rest/process-instance/" + pi + "/variables",
        Map.of("modifications", Map.of("backgroundVerified", flag))));
    answers.put("set a task variable", http.put("secretary", "/engine-rest/task/" + taskId + "/variables/x", flag));
    answers.put("set a local variable", http.post("secretary", "/engine-rest/task/" + taskId + "/localVariables",
        Map.of("modifications", Map.of("x", flag))));
    answers.put("modify the instance", http.post("secretary", "/engine-rest/process-instance/" + pi
        + "/modification", Map.of("instructions", List.of(Map.of("type", "startBeforeActivity",
            "activityId", "memberAdmitted")))));
    answers.put("correlate a message", http.post("secretary", "/engine-rest/message", Map.of(
        "messageName", "candidacyWithdrawn", "businessKey", candidacy.id())));
    answers.put("throw a signal", http.post("secretary", "/engine-rest/signal", Map.of("name", "x")));
    answers.put("evaluate conditions", http.post("secretary", "/engine-rest/condition", Map.of()));
    answers.put("delete the task", http.delete("secretary", "/engine-rest/task/" + taskId));
    answers.put("delete the instance", http.delete("secretary", "/engine-rest/process-instance/" + pi));
    answers.put("verify a password", http.post("secretary", "/engine-rest/identity/verify",
        Map.of("username", "admin", "password", "demo")));
    answers.put("named engine path", http.put("secretary", "/engine-rest/engine/default/process-instance/" + pi
        + "/variables/renewingDossier", flag));
    answers.put("encoded path", http.put("secretary", "/engine-rest/process-instance/" + pi
        + "/%76ariables/renewingDossier", flag));

    answers.forEach((what, answer) -> {
      assertThat(answer.status()).as("%s: %s", what, answer.body()).isEqualTo(403);
      assertThat(answer.json().get("message")).as(what).isEqualTo(EngineRestGate.OFFICER_CALL_REFUSED);
    });
    Answer adminDeletes = http.delete("admin", "/engine-rest/task/" + taskId);
    assertThat(adminDeletes.status()).as(adminDeletes.body()).isEqualTo(409);
    assertThat(runtime.getVariable(pi, "renewingDossier")).isNull();
    assertUntouched(candidacy);
  }

  /**
   * At national volume an officer's unnamed instance list held a database connection for minutes (the engine joins
   * every instance against every grant of the officer's groups); named by instance or business key it is an index
   * read.
   */
  @Test
  void anOfficersListOfInstancesOrTheirHistoryMustNameTheCandidacies() {
    Candidacy candidacy = nominated();
    String pi = candidacy.processInstanceId();
    Map<String, Answer> unnamed = new LinkedHashMap<>();
    unnamed.put("instances", http.get("partycell", "/engine-rest/process-instance?maxResults=15"));
    unnamed.put("instance count", http.get("secretary", "/engine-rest/process-instance/count"));
    unnamed.put("instances by POST", http.post("secretary", "/engine-rest/process-instance?maxResults=15",
        Map.of("processDefinitionKey", "party-admission")));
    unnamed.put("empty list of ids", http.post("secretary", "/engine-rest/process-instance/count",
        Map.of("processInstanceIds", List.of())));
    unnamed.put("history", http.get("superior", "/engine-rest/history/process-instance?maxResults=15"));
    unnamed.put("history by POST", http.post("youthcommittee", "/engine-rest/history/process-instance/count",
        Map.of()));
    unnamed.put("variables", http.get("partycommittee", "/engine-rest/variable-instance?maxResults=15"));
    unnamed.put("variables' history", http.get("secretary",
        "/engine-rest/history/variable-instance?variableName=memberCode&maxResults=15"));
    unnamed.put("activities", http.get("secretary", "/engine-rest/history/activity-instance?maxResults=15"));
    unnamed.put("tasks' history", http.get("secretary", "/engine-rest/history/task?maxResults=15"));
    unnamed.put("incidents", http.get("secretary", "/engine-rest/incident?maxResults=15"));
    unnamed.put("blank key", http.get("secretary", "/engine-rest/process-instance?businessKey=&maxResults=15"));

    unnamed.forEach((what, answer) -> {
      assertThat(answer.status()).as("%s: %s", what, answer.body()).isEqualTo(400);
      assertThat(answer.json().get("message")).as(what).isEqualTo(InstanceLists.REFUSED);
    });
    Map<String, Answer> named = new LinkedHashMap<>();
    named.put("by id", http.get("secretary", "/engine-rest/process-instance?processInstanceIds=" + pi
        + "&maxResults=15"));
    named.put("by key", http.get("partycell", "/engine-rest/process-instance/count?businessKey=" + candidacy.id()));
    named.put("by POST", http.post("secretary", "/engine-rest/process-instance?maxResults=15",
        Map.of("processInstanceIds", List.of(pi))));
    named.put("history by POST", http.post("superior", "/engine-rest/history/process-instance?maxResults=15",
        Map.of("processInstanceBusinessKey", candidacy.id())));
    named.put("variables", http.get("secretary", "/engine-rest/history/variable-instance?processInstanceId=" + pi
        + "&maxResults=100"));
    named.forEach((what, answer) -> assertThat(answer.status()).as("%s: %s", what, answer.body()).isEqualTo(200));
    assertThat(named.get("by id").list()).extracting(i -> i.get("id")).containsExactly(pi);
    assertThat(named.get("by key").json()).containsEntry("count", 1);
    assertThat(named.get("history by POST").list()).extracting(i -> i.get("id")).containsExactly(pi);
    // The engine does not join grants for administrators: their lists stay open.
    Answer administrator = http.get("admin", "/engine-rest/process-instance?maxResults=15");
    assertThat(administrator.status()).as(administrator.body()).isEqualTo(200);
    assertThat(administrator.list()).isNotEmpty();
  }

  /**
   * Tasklist saves a follow-up or due date by sending the whole task back, with its read-only form reference, which
   * Camunda 7.24's REST API cannot read back in (400 "Cannot construct instance of CamundaFormRef").
   */
  @Test
  void aTaskSentBackAsTasklistSendsItCanBeSaved() {
    Candidacy candidacy = nominated();
    String taskPath = "/engine-rest/task/" + openTask(candidacy).get("id");
    Map<String, Object> task = new LinkedHashMap<>(NodeClient.expectOk(http.get("admin", taskPath), "task").json());
    assertThat(task).containsKey("camundaFormRef");
    task.put("followUp", NodeClient.today().plusDays(3) + "T08:00:00.000+0700");

    Answer byAdministrator = http.put("admin", taskPath, task);
    Answer byOfficer = http.put("secretary", taskPath, task);

    assertThat(byAdministrator.status()).as(byAdministrator.body()).isEqualTo(204);
    assertThat(NodeClient.expectOk(http.get("admin", taskPath), "task").json().get("followUp").toString())
        .startsWith(NodeClient.today().plusDays(3).toString());
    // The engine's own check: a candidate group's TASK_WORK does not change a task's dates.
    assertThat(byOfficer.status()).as(byOfficer.body()).isEqualTo(403);
  }

  @Test
  void tasklistsCopyOfTheApiIsGuardedTheSameWay() throws Exception {
    Candidacy candidacy = nominated();
    String taskId = (String) openTask(candidacy).get("id");
    BrowserSession tasklist = new BrowserSession(port);
    tasklist.signInToTasklist("secretary");
    Map<String, Object> values = new LinkedHashMap<>(StageInputs.valid("recordBranchVote", NodeClient.today()));
    values.put("backgroundConcern", true);

    HttpResponse<String> submitted = tasklist.send(tasklist.request("/camunda/api/engine/engine/default/task/"
            + taskId + "/submit-form").header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", tasklist.csrfCookie().getValue())
        .POST(BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper()
            .writeValueAsString(NodeClient.form(values)))).build());
    HttpResponse<String> forged = tasklist.send(tasklist.request("/camunda/api/engine/engine/default/"
            + "process-definition/key/party-admission/start").header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", tasklist.csrfCookie().getValue())
        .POST(BodyPublishers.ofString("{\"businessKey\":\"" + candidacy.id() + "\",\"startInstructions\":"
            + "[{\"type\":\"startBeforeActivity\",\"activityId\":\"memberAdmitted\"}]}")).build());

    HttpResponse<String> unnamedList = tasklist.send(tasklist.get("/camunda/api/engine/engine/default/"
        + "process-instance?maxResults=15"));
    HttpResponse<String> namedList = tasklist.send(tasklist.get("/camunda/api/engine/engine/default/"
        + "process-instance?businessKey=" + candidacy.id() + "&maxResults=15"));

    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(400);
    assertThat(submitted.body()).contains("Biểu mẫu không có trường «backgroundConcern»");
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
    assertUntouched(candidacy);
    assertThat(unnamedList.statusCode()).as(unnamedList.body()).isEqualTo(400);
    assertThat(unnamedList.body()).contains(InstanceLists.REFUSED);
    assertThat(namedList.statusCode()).as(namedList.body()).isEqualTo(200);
    assertThat(namedList.body()).contains(candidacy.processInstanceId());
  }

  private record Candidacy(String id, String processInstanceId) {
  }

  private String registered() {
    String code = "GATE-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    http.registerMember(code);
    return code;
  }

  /** A fresh member of branch KTNN-01, nominated: the candidacy waits at the branch vote. */
  private Candidacy nominated() {
    Map<String, Object> instance = http.nominate(registered());
    return new Candidacy((String) instance.get("businessKey"), (String) instance.get("id"));
  }

  private Map<String, Object> openTask(Candidacy candidacy) {
    List<Map<String, Object>> open = http.openTasks(candidacy.processInstanceId());
    return open.isEmpty() ? null : open.get(0);
  }

  /** The job executor is off in tests: what it would run now, run as the administrator would retry it. */
  private void runDueJobs(Candidacy candidacy) {
    for (Map<String, Object> job : NodeClient.expectOk(http.get("admin", "/engine-rest/job?processInstanceId="
        + candidacy.processInstanceId() + "&executable=true&maxResults=10"), "jobs").list()) {
      NodeClient.expectOk(http.post("admin", "/engine-rest/job/" + job.get("id") + "/execute", Map.of()),
          "execute job");
    }
  }

  private Map<String, Object> status(Candidacy candidacy) {
    return NodeClient.expectOk(http.get("secretary", "/api/candidacies/" + candidacy.id()), "candidacy").json();
  }

  private void assertUntouched(Candidacy candidacy) {
    assertThat(status(candidacy)).containsEntry("status", "IN_PROGRESS").containsEntry("stage", "recordBranchVote");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(candidacy.id()).list())
        .extracting(i -> i.getId()).containsExactly(candidacy.processInstanceId());
  }

  @SuppressWarnings("unchecked")
  private static List<String> problems(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    return (List<String>) answer.json().get("problems");
  }

  private static Map<String, Object> unitVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    Map.of("candidacyId", "5", "memberCode", "KTNN01-001", "branchCode", "KTNN-01", "youthUnitCode", "KTNN",
            "partyCellCode", "CB-KTNN-01", "partyCommitteeCode", "DU-KTNN", "superiorCommitteeCode", "DUK",
            "recordAdmissionCeremony_ceremonyDate", NodeClient.today().toString())
        .forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return variables;
  }
}
