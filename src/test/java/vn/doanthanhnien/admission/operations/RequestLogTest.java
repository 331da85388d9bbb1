package vn.doanthanhnien.admission.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import vn.doanthanhnien.admission.support.PipelineTest;

/** One INFO line per request to /api, /engine-rest and /camunda/api: user, method, path, status, time; no values. */
@PipelineTest
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTest {

  @Autowired TestRestTemplate rest;

  @Test
  void eachRequestIsOneLineWithoutTheValuesOfItsQueryString(CapturedOutput output) {
    assertThat(rest.withBasicAuth("secretary", "demo")
        .getForEntity("/api/reports/annual?year=2025&unit=KTNN-01", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(rest.getForEntity("/engine-rest/task?assignee=secretary", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("secretary", "demo").getForEntity("/api/candidacies/987654321", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    List<String> lines = output.getOut().lines().filter(line -> line.contains("operations.RequestLog")).toList();
    assertThat(lines).anyMatch(line -> line.matches(
        ".* INFO .* secretary GET /api/reports/annual\\?unit&year 200 \\d+ ms$"));
    assertThat(lines).anyMatch(line -> line.matches(".* INFO .* - GET /engine-rest/task\\?assignee 401 \\d+ ms$"));
    assertThat(lines).anyMatch(line -> line.matches(
        ".* INFO .* secretary GET /api/candidacies/987654321 404 \\d+ ms$"));
    assertThat(lines).noneMatch(line -> line.contains("2025") || line.contains("KTNN-01")
        || line.contains("=secretary"));
  }
}
