package vn.doanthanhnien.admission.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.doanthanhnien.admission.support.NodeClient;
import vn.doanthanhnien.admission.support.PipelineTest;

/**
 * Every task says whom it is about, as Tasklist shows it: the member's name and branch in the task's name (the card, the
 * header above the form, Tasklist's search by name), the name, birth date and branch for the form's header; and the
 * unit's open tasks are the first filter an officer sees.
 */
@PipelineTest
class TaskSubjectTest {

  @LocalServerPort int port;

  @Test
  void aTaskIsNamedAfterItsMemberAndBranchAndItsFormKnowsThem() {
    NodeClient http = new NodeClient("http://localhost:" + port);
    String code = "SUBJ-" + System.nanoTime() % 100_000;
    http.registerMember(code);
    Map<String, Object> nominated = http.nominate(code);
    String instance = (String) nominated.get("id");
    LocalDate born = NodeClient.today().minusYears(23);

    Map<String, Object> task = http.openTasks(instance).get(0);
    List<Map<String, Object>> found = NodeClient.expectOk(http.get("secretary",
        "/engine-rest/task?maxResults=10&nameLike=" + "%25C%E1%BB%A5m%20" + code + "%25"), "search").list();
    Map<String, Object> formVariables = NodeClient.expectOk(http.get("secretary", "/engine-rest/task/"
        + task.get("id") + "/form-variables"), "form variables").json();

    assertThat(task.get("name"))
        .isEqualTo("Ghi kết quả biểu quyết của chi đoàn — Nguyễn Văn Cụm " + code + " (Chi đoàn Vụ Tổng hợp)");
    assertThat(found).extracting(t -> t.get("id")).containsExactly(task.get("id"));
    assertThat(formVariables).extractingByKeys("memberFullName", "memberBirthDate", "branchName", "candidacyId")
        .extracting(v -> (Object) ((Map<?, ?>) v).get("value"))
        .containsExactly("Nguyễn Văn Cụm " + code,
            String.format("%02d/%02d/%d", born.getDayOfMonth(), born.getMonthValue(), born.getYear()),
            "Chi đoàn Vụ Tổng hợp", (Object) nominated.get("businessKey"));
  }

  @Test
  void theUnitsOpenTasksComeFirst() {
    NodeClient http = new NodeClient("http://localhost:" + port);

    List<Map<String, Object>> filters = NodeClient.expectOk(http.get("secretary",
        "/engine-rest/filter?resourceType=Task&maxResults=10"), "filters").list();

    assertThat(filters.stream().sorted((a, b) -> Integer.compare(priority(a), priority(b))).map(f -> f.get("name"))
        .toList()).containsExactly("Việc của đơn vị tôi", "Việc của tôi");
  }

  private static int priority(Map<String, Object> filter) {
    return ((Number) ((Map<?, ?>) filter.get("properties")).get("priority")).intValue();
  }
}
