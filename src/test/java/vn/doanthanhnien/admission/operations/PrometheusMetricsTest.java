package vn.doanthanhnien.admission.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.doanthanhnien.admission.candidacy.Candidacy;
import vn.doanthanhnien.admission.candidacy.CandidacyRepository;
import vn.doanthanhnien.admission.candidacy.CandidacyStatus;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/** /actuator/prometheus: administrators only, with the engine's and the pipeline's figures as the database holds them. */
@PipelineTest
class PrometheusMetricsTest {

  private static final Pattern OPEN_AT_STAGE =
      Pattern.compile("(?m)^admission_candidacies_open\\{[^}]*stage=\"([^\"]+)\"[^}]*} ([0-9.E]+)$");

  @Autowired TestRestTemplate rest;
  @Autowired CandidacyRepository candidacies;
  @Autowired AdmissionMetrics metrics;
  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;
  @Autowired TaskService tasks;

  @Test
  void refusedToAnonymousAndToOfficers() {
    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> officer = rest.withBasicAuth("secretary", "demo").getForEntity("/actuator/prometheus",
        String.class);
    assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(officer.getBody()).contains("Chỉ quản trị viên");
  }

  @Test
  void openCandidaciesByStageAreWhatTheDatabaseHolds() {
    pipeline.nominate(members.eligible());
    pipeline.nominate(members.eligible());
    metrics.forget();

    String scrape = scrape();
    Map<String, Long> expected = candidacies.findAll().stream()
        .filter(c -> c.getStatus() == CandidacyStatus.IN_PROGRESS)
        .collect(Collectors.groupingBy(Candidacy::getStage, Collectors.counting()));
    Map<String, Long> shown = new java.util.HashMap<>();
    Matcher line = OPEN_AT_STAGE.matcher(scrape);
    while (line.find()) {
      shown.put(line.group(1), (long) Double.parseDouble(line.group(2)));
    }
    assertThat(expected).isNotEmpty();
    expected.forEach((stage, count) -> assertThat(shown.get(stage)).as(stage).isEqualTo(count));
    shown.forEach((stage, count) -> assertThat(count).as(stage).isEqualTo(expected.getOrDefault(stage, 0L)));
    assertThat(shown).as("every stage of the pipeline has its series, 0 or not").containsKey("recordPartyCellVote");

    assertThat(scrape).contains("admission_candidacies_overdue{", "admission_candidacies_nominated_year ",
        "admission_candidacies_admitted_year ", "camunda_incidents_open ", "camunda_engine_job_successful_total ",
        "camunda_engine_job_failed_total ", "camunda_engine_job_acquisition_attempt_total ",
        "camunda_engine_activity_instance_start_total ");
    assertThat(value(scrape, "admission_candidacies_nominated_year")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void refusedSubmissionsAndFailedSignInsAreCounted() {
    ProcessInstance instance = pipeline.nominate(members.eligible());
    Task vote = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    String series = "admission_submissions_refused_total{route=\"engine-rest\",stage=\"" + vote.getTaskDefinitionKey()
        + "\"}";
    double before = valueOrZero(scrape(), series);

    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> refused = rest.withBasicAuth("secretary", "demo").postForEntity(
        "/engine-rest/task/" + vote.getId() + "/submit-form",
        new HttpEntity<>("{\"variables\":{\"backgroundVerified\":{\"value\":true}}}", json), String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    double failuresBefore = valueOrZero(scrape(), "admission_sign_in_failures_total{route=\"basic\"}");
    assertThat(rest.withBasicAuth("metrics-nobody", "wrong").getForEntity("/api/me", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    String after = scrape();
    assertThat(value(after, series)).isEqualTo(before + 1);
    assertThat(value(after, "admission_sign_in_failures_total{route=\"basic\"}")).isEqualTo(failuresBefore + 1);
  }

  private String scrape() {
    ResponseEntity<String> answer = rest.withBasicAuth("admin", "demo").getForEntity("/actuator/prometheus",
        String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private static double value(String scrape, String series) {
    Double found = find(scrape, series);
    assertThat(found).as(series + " in\n" + scrape).isNotNull();
    return found;
  }

  private static double valueOrZero(String scrape, String series) {
    Double found = find(scrape, series);
    return found == null ? 0 : found;
  }

  private static Double find(String scrape, String series) {
    Function<String, Double> parse = Double::parseDouble;
    return scrape.lines().filter(l -> l.startsWith(series + " ")).findFirst()
        .map(l -> parse.apply(l.substring(series.length() + 1).trim())).orElse(null);
  }
}
