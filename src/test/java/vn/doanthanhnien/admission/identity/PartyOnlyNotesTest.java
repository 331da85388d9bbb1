package vn.doanthanhnien.admission.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/** Background verification notes: the candidacy's Party units read them, its Youth Union units never do. */
@PipelineTest
class PartyOnlyNotesTest {

  @Autowired TestRestTemplate rest;
  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;

  @Test
  void verificationNotesReachThePartyUnitsOnlyAndNeverTheEngineHistory() {
    String notes = "Bố có anh trai định cư ở nước ngoài, đã xác minh " + System.nanoTime();
    ProcessInstance instance = pipeline.advanceTo(members.eligible(), "verifyBackground");
    Map<String, Object> verification = pipeline.valid("verifyBackground");
    verification.put("verificationNotes", notes);
    pipeline.complete(instance, "verifyBackground", verification);
    String candidacy = "/api/candidacies/" + instance.getBusinessKey();

    for (String partyUser : List.of("partycell", "partycommittee", "superior")) {
      assertThat(body(partyUser, candidacy)).as(partyUser).contains(notes);
    }
    for (String youthUser : List.of("secretary", "youthcommittee", "admin")) {
      String seen = body(youthUser, candidacy);
      assertThat(seen).as(youthUser).contains("verifyBackground").doesNotContain(notes)
          .doesNotContain("verificationNotes").contains("\"monthsWorkedTogether\":24");
    }
    // Not even an administrator finds the notes in the engine: runtime variables, history, form details.
    for (String engineData : List.of("/engine-rest/process-instance/%s/variables",
        "/engine-rest/history/variable-instance?processInstanceId=%s&maxResults=500")) {
      String seen = body("admin", engineData.formatted(instance.getId()));
      assertThat(seen).as(engineData).contains("memberCode").doesNotContain(notes);
    }
    // The detail rows of variable changes and form submissions are not kept at all (stage/HistoryKept).
    assertThat(body("admin", "/engine-rest/history/detail?processInstanceId=%s&maxResults=500"
        .formatted(instance.getId()))).isEqualTo("[]");
  }

  private String body(String user, String url) {
    ResponseEntity<String> response = rest.withBasicAuth(user, "demo").getForEntity(url, String.class);
    assertThat(response.getStatusCode()).as("%s %s", user, url).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }
}
