package vn.doanthanhnien.admission.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.doanthanhnien.admission.support.NodeClient;
import vn.doanthanhnien.admission.support.NodeClient.Answer;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.StageInputs;

/**
 * An administrator changes the pipeline in Camunda Modeler, with no Java change, and deploys it the way Modeler does
 * (multipart {@code POST /engine-rest/deployment/create} as {@code admin} with HTTP Basic, {@code deploy-changed-only}):
 * a new stage with its own form and rule table, a form with a new field and a new maximum, a changed due date. The
 * models here are text, as Modeler writes them. Afterwards the repository's models are deployed again, as the latest
 * versions every later test starts.
 */
@PipelineTest
class ModelChangeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NOMINATE = "/engine-rest/process-definition/key/party-admission/submit-form";
  private static final String INTERVIEW = "branchInterview";
  private static final String INTERVIEW_TASK = """
      <bpmn:userTask id="branchInterview" name="Phỏng vấn đoàn viên ưu tú" camunda:formRef="branchInterview" \
      camunda:formRefBinding="latest" camunda:candidateGroups="branch-secretary.${branchCode}" camunda:dueDate="%s">
            <bpmn:extensionElements>
              <camunda:properties>
                <camunda:property name="checks" value="branchInterviewChecks" />
              </camunda:properties>
            </bpmn:extensionElements>
          </bpmn:userTask>
          <bpmn:sequenceFlow id="branchInterviewFlow" sourceRef="branchInterview" targetRef="youthResolutionJoin" />
          """;
  private static final String INTERVIEW_FORM = """
      {"id": "branchInterview", "type": "default", "executionPlatform": "Camunda Platform",
       "executionPlatformVersion": "7.24.0", "schemaVersion": 16, "components": [
        {"type": "datetime", "id": "Field_interviewDate", "key": "interviewDate", "subtype": "date",
         "dateLabel": "Ngày phỏng vấn", "validate": {"required": true}, "properties": {"notInFuture": "true"}},
        {"type": "number", "id": "Field_score", "key": "score", "label": "Điểm phỏng vấn", "decimalDigits": 0,
         "validate": {"required": true, "min": 1, "max": 10}},
        {"type": "textarea", "id": "Field_notes", "key": "notes", "label": "Nhận xét", "validate": {"maxLength": 500}}
      ]}
      """;
  private static final String INTERVIEW_CHECKS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" \
      id="branchInterviewChecksDefinitions" name="Kiểm tra phỏng vấn" namespace="http://camunda.org/schema/1.0/dmn">
        <decision id="branchInterviewChecks" name="Kiểm tra phỏng vấn" camunda:historyTimeToLive="3650">
          <decisionTable id="branchInterviewChecksTable" hitPolicy="COLLECT">
            <input id="dateInput" label="Ngày phỏng vấn"><inputExpression id="dateExpression"><text>interviewDate</text></inputExpression></input>
            <input id="scoreInput" label="Điểm"><inputExpression id="scoreExpression"><text>score</text></inputExpression></input>
            <input id="notesInput" label="Nhận xét"><inputExpression id="notesExpression"><text>notes</text></inputExpression></input>
            <output id="problemOutput" label="Điều không hợp lệ" name="problem" typeRef="string" />
            <rule id="afterMeetingRule">
              <inputEntry id="afterMeeting1"><text>&lt; date(recordBranchVote_meetingDate)</text></inputEntry>
              <inputEntry id="afterMeeting2"><text>-</text></inputEntry>
              <inputEntry id="afterMeeting3"><text>-</text></inputEntry>
              <outputEntry id="afterMeetingOutput"><text>"Ngày phỏng vấn (" + string(interviewDate) + ") không được trước ngày họp chi đoàn (" + recordBranchVote_meetingDate + ")."</text></outputEntry>
            </rule>
            <rule id="lowScoreRule">
              <inputEntry id="lowScore1"><text>-</text></inputEntry>
              <inputEntry id="lowScore2"><text>&lt; 5</text></inputEntry>
              <inputEntry id="lowScore3"><text>null</text></inputEntry>
              <outputEntry id="lowScoreOutput"><text>"Điểm dưới 5 cần ghi nhận xét."</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  @LocalServerPort int port;

  private NodeClient http;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void client() {
    http = new NodeClient("http://localhost:" + port);
  }

  @AfterEach
  void deployTheRepositorysModelsAgain() throws Exception {
    HttpResponse<String> restored = deploy("admin", Map.of(
        "party-admission.bpmn", Files.readString(Path.of("processes/party-admission.bpmn")),
        "recordYouthCommitteeResolution.form", Files.readString(Path.of("forms/recordYouthCommitteeResolution.form"))));
    assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
  }

  @Test
  void aStageAddedInModelerIsCheckedByItsFormAndRulesAndShowsInTheTimelineAndReports() throws Exception {
    Candidacy running = nominated("MC-OLD");

    HttpResponse<String> byOfficer = deploy("secretary", files(interviewModel("P5D")));
    HttpResponse<String> byAdmin = deploy("admin", files(interviewModel("P5D")));

    assertThat(byOfficer.statusCode()).as(byOfficer.body()).isEqualTo(403);
    assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
    Candidacy fresh = nominated("MC-NEW");
    submitValid(fresh, "recordBranchVote");
    Map<String, Object> interview = openTask(fresh);
    assertThat(interview).containsEntry("taskDefinitionKey", INTERVIEW);
    assertThat(interview.get("name").toString()).startsWith("Phỏng vấn đoàn viên ưu tú — Nguyễn Văn Cụm MC-NEW-");
    assertThat(dueDate(interview)).isBetween(Instant.now().plus(Duration.ofDays(5)).minusSeconds(600),
        Instant.now().plus(Duration.ofDays(5)).plusSeconds(600));
    String taskPath = "/engine-rest/task/" + interview.get("id");
    Answer form = http.get("secretary", taskPath + "/deployed-form");
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    assertThat(form.json()).containsEntry("id", INTERVIEW);

    Answer outOfRange = http.post("secretary", taskPath + "/submit-form", NodeClient.form(Map.of(
        "interviewDate", NodeClient.today().plusDays(1).toString(), "score", 11)));
    Answer againstRules = http.post("secretary", taskPath + "/submit-form", NodeClient.form(Map.of(
        "interviewDate", NodeClient.today().minusDays(10).toString(), "score", 4)));

    assertThat(outOfRange.status()).as(outOfRange.body()).isEqualTo(400);
    assertThat(outOfRange.json().get("message").toString())
        .contains("Ngày phỏng vấn (" + NodeClient.today().plusDays(1) + ") không được sau ngày hôm nay.")
        .contains("Điểm phỏng vấn phải từ 1 đến 10.");
    assertThat(againstRules.status()).as(againstRules.body()).isEqualTo(400);
    assertThat(againstRules.json().get("message").toString())
        .contains("Ngày phỏng vấn (" + NodeClient.today().minusDays(10) + ") không được trước ngày họp chi đoàn ("
            + NodeClient.today().minusDays(7) + ").")
        .contains("Điểm dưới 5 cần ghi nhận xét.");
    assertThat(openTask(fresh)).containsEntry("id", interview.get("id"));

    NodeClient.expectOk(http.post("secretary", taskPath + "/submit-form", NodeClient.form(Map.of(
        "interviewDate", NodeClient.today().toString(), "score", 8, "notes", "Nắm vững Điều lệ Đảng."))), "interview");

    assertThat(openTask(fresh)).containsEntry("taskDefinitionKey", "recordYouthCommitteeResolution");
    assertThat(timeline(fresh)).anySatisfy(entry -> assertThat(entry)
        .containsEntry("stage", INTERVIEW).containsEntry("actor", "secretary")
        .containsEntry("summary", "Phỏng vấn đoàn viên ưu tú — Ngày phỏng vấn: " + NodeClient.today()
            + "; Điểm phỏng vấn: 8; Nhận xét: Nắm vững Điều lệ Đảng."));
    assertThat(NodeClient.expectOk(http.get("admin", "/api/reports/stages"), "stages").list())
        .extracting(stage -> stage.get("key") + " " + stage.get("name"))
        .containsSubsequence("recordBranchVote Ghi kết quả biểu quyết của chi đoàn",
            "branchInterview Phỏng vấn đoàn viên ưu tú",
            "recordYouthCommitteeResolution Ghi nghị quyết giới thiệu của BCH Đoàn cơ sở");
    // The candidacy nominated before the change finishes on its own version.
    submitValid(running, "recordBranchVote");
    assertThat(openTask(running)).containsEntry("taskDefinitionKey", "recordYouthCommitteeResolution");

    // A form changed alone: a new optional field and a lower maximum, for open tasks and new ones.
    HttpResponse<String> formChanged = deploy("admin", Map.of("recordYouthCommitteeResolution.form",
        changedResolutionForm()));
    assertThat(formChanged.statusCode()).as(formChanged.body()).isEqualTo(200);
    String resolution = "/engine-rest/task/" + openTask(running).get("id") + "/submit-form";
    Map<String, Object> tooMany = StageInputs.valid("recordYouthCommitteeResolution", NodeClient.today());
    tooMany.put("committeeMemberCount", 51);
    Answer aboveNewMaximum = http.post("youthcommittee", resolution, NodeClient.form(tooMany));
    assertThat(aboveNewMaximum.status()).as(aboveNewMaximum.body()).isEqualTo(400);
    assertThat(aboveNewMaximum.json().get("message").toString())
        .contains("Số ủy viên Ban Chấp hành Đoàn cơ sở phải từ 1 đến 50.");
    Map<String, Object> withPlace = StageInputs.valid("recordYouthCommitteeResolution", NodeClient.today());
    withPlace.put("meetingPlace", "Hội trường tầng 3");
    NodeClient.expectOk(http.post("youthcommittee", resolution, NodeClient.form(withPlace)), "resolution");
    assertThat(timeline(running)).anySatisfy(entry -> assertThat(entry.get("summary").toString())
        .startsWith("Ghi nghị quyết giới thiệu của BCH Đoàn cơ sở — ").contains("Địa điểm họp: Hội trường tầng 3"));

    // A changed due date: the next version's interviews are due ten days on.
    assertThat(deploy("admin", files(interviewModel("P10D"))).statusCode()).isEqualTo(200);
    Candidacy later = nominated("MC-LATER");
    submitValid(later, "recordBranchVote");
    assertThat(dueDate(openTask(later))).isBetween(Instant.now().plus(Duration.ofDays(10)).minusSeconds(600),
        Instant.now().plus(Duration.ofDays(10)).plusSeconds(600));
  }

  private record Candidacy(String id, String processInstanceId) {
  }

  private Candidacy nominated(String prefix) {
    String code = prefix + "-" + System.nanoTime() % 100_000;
    http.registerMember(code);
    Map<String, Object> instance = NodeClient.expectOk(http.post("secretary", NOMINATE, NodeClient.form(Map.of(
        "memberCode", code, "nominationReason", "Gương mẫu"))), "nominate").json();
    return new Candidacy((String) instance.get("businessKey"), (String) instance.get("id"));
  }

  private void submitValid(Candidacy candidacy, String taskKey) {
    Map<String, Object> task = openTask(candidacy);
    assertThat(task).containsEntry("taskDefinitionKey", taskKey);
    NodeClient.expectOk(http.submitValid(task), "submit " + taskKey);
  }

  private Map<String, Object> openTask(Candidacy candidacy) {
    List<Map<String, Object>> open = http.openTasks(candidacy.processInstanceId());
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> timeline(Candidacy candidacy) {
    return (List<Map<String, Object>>) NodeClient.expectOk(http.get("secretary", "/api/candidacies/"
        + candidacy.id()), "candidacy").json().get("timeline");
  }

  private static Instant dueDate(Map<String, Object> task) {
    return OffsetDateTime.parse(task.get("due").toString().replaceFirst("(\\+|-)(\\d\\d)(\\d\\d)$", "$1$2:$3"))
        .toInstant();
  }

  /** party-admission.bpmn as Modeler saves it after a user task is drawn between the branch vote and the resolution. */
  private static String interviewModel(String dueDate) throws IOException {
    String model = Files.readString(Path.of("processes/party-admission.bpmn"));
    String passedFlow = "<bpmn:sequenceFlow id=\"branchVotePassedFlow\" name=\"Đạt\" "
        + "sourceRef=\"branchVotePassedGateway\" targetRef=\"youthResolutionJoin\">";
    String resolutionTask = "<bpmn:userTask id=\"recordYouthCommitteeResolution\"";
    assertThat(model).contains(passedFlow, resolutionTask, "<bpmn:incoming>branchVotePassedFlow</bpmn:incoming>");
    return model.replace(passedFlow, passedFlow.replace("targetRef=\"youthResolutionJoin\"",
            "targetRef=\"branchInterview\""))
        .replace("<bpmn:incoming>branchVotePassedFlow</bpmn:incoming>",
            "<bpmn:incoming>branchInterviewFlow</bpmn:incoming>")
        .replace(resolutionTask, INTERVIEW_TASK.formatted(dueDate) + "    " + resolutionTask);
  }

  private static Map<String, String> files(String model) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("party-admission.bpmn", model);
    files.put("branchInterview.form", INTERVIEW_FORM);
    files.put("branchInterviewChecks.dmn", INTERVIEW_CHECKS);
    return files;
  }

  private static String changedResolutionForm() throws IOException {
    ObjectNode form = (ObjectNode) JSON.readTree(Files.readString(Path.of("forms/recordYouthCommitteeResolution.form")));
    for (var component : form.withArray("components")) {
      if ("committeeMemberCount".equals(component.path("key").asText())) {
        ((ObjectNode) component.path("validate")).put("max", 50);
      }
    }
    ObjectNode place = ((ArrayNode) form.get("components")).addObject();
    place.put("type", "textfield").put("id", "Field_meetingPlace").put("key", "meetingPlace")
        .put("label", "Địa điểm họp").putObject("validate").put("maxLength", 200);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(form);
  }

  /** What Modeler sends: one multipart request with the deployment's name, source and files. */
  private HttpResponse<String> deploy(String user, Map<String, String> files) throws Exception {
    String boundary = "----modeler" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, String> fields = Map.of("deployment-name", "party-admission (Modeler)",
        "deployment-source", "Camunda Modeler", "deploy-changed-only", "true");
    for (var field : fields.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
          + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    for (var file : files.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
          + "\"; filename=\"" + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file.getValue().getBytes(StandardCharsets.UTF_8));
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
