package vn.doanthanhnien.admission.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
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
import vn.doanthanhnien.admission.support.TestMembers;

/**
 * The yearly report over HTTP: candidacies driven through the process change the counts of their branch and of
 * every unit above it in both trees, and of no other unit. The database is shared by all tests, so the test
 * compares the report before and after.
 */
@PipelineTest
class AnnualReportTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };

  @Autowired TestRestTemplate rest;
  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;

  @Test
  void introducedAndAdmittedAreCountedInTheYearOfTheirResolutionAndDecision() {
    int introducedYear = LocalDate.parse(pipeline.valid("recordYouthCommitteeResolution").get("resolutionDate")
        .toString()).getYear();
    int admittedYear = LocalDate.parse(pipeline.valid("recordAdmissionDecision").get("decisionDate").toString())
        .getYear();
    List<String> units = List.of("KTNN-01", "KTNN", "DK", "CB-KTNN-01", "DU-KTNN", "DUK", "HVBC");
    Map<String, Map<String, Object>> introducedBefore = reports(introducedYear, units);
    Map<String, Map<String, Object>> admittedBefore = reports(admittedYear, units);

    ProcessInstance admitted = pipeline.advanceTo(members.eligible(), "recordAdmissionCeremony");
    pipeline.completeValid(admitted, "recordAdmissionCeremony");
    pipeline.advanceTo(members.eligible(), "checkDossier");
    ProcessInstance rejectedAtBranch = pipeline.nominate(members.eligible());
    Map<String, Object> halfTheBranch = pipeline.valid("recordBranchVote");
    halfTheBranch.put("votesFor", 11);
    halfTheBranch.put("votesAgainst", 11);
    pipeline.complete(rejectedAtBranch, "recordBranchVote", halfTheBranch);

    Map<String, Map<String, Object>> introducedAfter = reports(introducedYear, units);
    Map<String, Map<String, Object>> admittedAfter = reports(admittedYear, units);
    for (String unit : List.of("KTNN-01", "KTNN", "DK", "CB-KTNN-01", "DU-KTNN", "DUK")) {
      assertThat(count(introducedAfter, unit, "introduced") - count(introducedBefore, unit, "introduced"))
          .as("introduced in %s", unit).isEqualTo(2);
      assertThat(count(admittedAfter, unit, "admitted") - count(admittedBefore, unit, "admitted"))
          .as("admitted in %s", unit).isEqualTo(1);
      assertThat(stageCount(introducedAfter, unit, "checkDossier") - stageCount(introducedBefore, unit, "checkDossier"))
          .as("waiting at checkDossier in %s", unit).isEqualTo(1);
    }
    assertThat(introducedAfter.get("HVBC")).isEqualTo(introducedBefore.get("HVBC"));
  }

  @Test
  void theReportBreaksDownSubUnitsAndComparesWithTheQuota() {
    // 2035 is used by no other test: on Mon 2035-06-11 three candidacies of KTNN-01 are introduced by the youth
    // committee's resolution (dated a week before) and none admitted, against a quota of 40.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2035-06-11T03:00:00Z")));
    int year = 2035;
    for (int i = 0; i < 3; i++) {
      pipeline.advanceTo(members.eligible(), "assignIntroducer");
    }
    ResponseEntity<Map<String, Object>> set = as("admin").exchange("/api/quotas/{year}/{unit}", HttpMethod.PUT,
        new HttpEntity<>(Map.of("introduced", 40)), OBJECT, year, "KTNN");
    assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);

    Map<String, Object> bloc = report(year, "DK");

    assertThat(bloc).containsEntry("unitCode", "DK").containsEntry("unitName", "Đoàn Khối các cơ quan Trung ương");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> subUnits = (List<Map<String, Object>>) bloc.get("subUnits");
    // Other tests of the shared context may add units below DK.
    assertThat(subUnits).extracting(u -> u.get("unitCode")).contains("HVBC", "KTNN");
    Map<String, Object> ktnn = subUnits.stream().filter(u -> u.get("unitCode").equals("KTNN")).findFirst().orElseThrow();
    assertThat(ktnn).containsEntry("quota", 40).containsEntry("nominated", 3).containsEntry("introduced", 3)
        .containsEntry("admitted", 0);
    assertThat(((Number) ktnn.get("introducedToQuota")).doubleValue()).as("3 of 40").isEqualTo(0.075);
    assertThat(((Number) ktnn.get("admittedToQuota")).doubleValue()).as("0 of 40").isEqualTo(0.0);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void aUnitAddedAfterAReportIsInTheNextOne() {
    int year = pipeline.today().getYear();
    createUnit(Map.of("code", "RPT-KHOI", "name", "Đoàn khối thử báo cáo", "kind", "YOUTH_BLOC"));
    assertThat(subUnitCodes(report(year, "RPT-KHOI"))).isEmpty();

    createUnit(Map.of("code", "RPT-CS", "name", "Đoàn cơ sở thử báo cáo", "kind", "YOUTH_GRASSROOTS",
        "parentCode", "RPT-KHOI"));

    assertThat(subUnitCodes(report(year, "RPT-KHOI"))).as("the unit tree is read again").containsExactly("RPT-CS");
  }

  @Test
  void aQuotaMustBeAWholeNumberForAKnownUnit() {
    int year = pipeline.today().getYear();

    assertThat(as("admin").exchange("/api/quotas/{year}/{unit}", HttpMethod.PUT,
        new HttpEntity<>(Map.of("introduced", -3)), OBJECT, year, "KTNN").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(as("admin").exchange("/api/quotas/{year}/{unit}", HttpMethod.PUT,
        new HttpEntity<>(Map.of("introduced", 5)), OBJECT, year, "KHONG-CO").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private void createUnit(Map<String, Object> unit) {
    ResponseEntity<Map<String, Object>> created = as("admin").exchange("/api/units", HttpMethod.POST,
        new HttpEntity<>(unit), OBJECT);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> subUnitCodes(Map<String, Object> report) {
    return ((List<Map<String, Object>>) report.get("subUnits")).stream().map(u -> u.get("unitCode")).toList();
  }

  private Map<String, Map<String, Object>> reports(int year, List<String> units) {
    return units.stream().collect(java.util.stream.Collectors.toMap(u -> u, u -> report(year, u)));
  }

  private Map<String, Object> report(int year, String unit) {
    ResponseEntity<Map<String, Object>> response = as("admin").exchange(
        "/api/reports/annual?year={year}&unit={unit}", HttpMethod.GET, null, OBJECT, year, unit);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static long count(Map<String, Map<String, Object>> reports, String unit, String field) {
    return ((Number) reports.get(unit).get(field)).longValue();
  }

  @SuppressWarnings("unchecked")
  private static long stageCount(Map<String, Map<String, Object>> reports, String unit, String stage) {
    Object count = ((Map<String, Object>) reports.get(unit).get("inProgressByStage")).get(stage);
    return count == null ? 0 : ((Number) count).longValue();
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, "demo");
  }
}
