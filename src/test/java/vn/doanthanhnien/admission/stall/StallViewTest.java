package vn.doanthanhnien.admission.stall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/**
 * Where candidacies stall, on a small year worked out by hand: a grassroots unit STL with one branch STL-01 (created
 * here, so no other test's candidacy is in it) around Tết 2027, whose days off are Thu 4 to Wed 10 February (V6).
 *
 * <pre>
 * Mon 01/02  A, B, C, D1, D2 nominated (the branch vote's task opens)
 * Wed 03/02  A's branch vote            (01/02, 03/02]: 2 and 3 February                    → 2 working days
 * Thu 11/02  B's branch vote            (01/02, 11/02]: 2, 3, 11 (4–10 off)                  → 3
 *            A's youth committee        (03/02, 11/02]: 11                                   → 1
 * Fri 12/02  E nominated
 * Mon 15/02  C's branch vote            (01/02, 15/02]: 2, 3, 11, 12, 15                     → 5
 * </pre>
 *
 * The branch vote: 2, 3, 5 working days, median 3, 90th percentile 3 + 0.8 × (5 − 3) = 4.6 (PERCENTILE_CONT at
 * position 0.9 × 2 = 1.8); waiting on 15/02: D1 and D2 for 5 working days (older than 4.6), E for 1. The youth
 * committee: one visit of 1 day (median and 90th percentile 1); waiting: B since 11/02 (12 and 15: 2, older than 1),
 * C since 15/02 (0). The same figures come out of the engine's history when the stage times are rebuilt from it.
 */
@PipelineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StallViewTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final String BRANCH_VOTE = "recordBranchVote";
  private static final String YOUTH_COMMITTEE = "recordYouthCommitteeResolution";
  private static final UnaryOperator<String> USER_OF_TASK = key -> switch (key) {
    case BRANCH_VOTE -> "stl-secretary";
    case YOUTH_COMMITTEE -> "stl-youth";
    default -> Pipeline.USER_OF_TASK.get(key);
  };

  @Autowired TestRestTemplate rest;
  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired StageTimeBackfill backfill;
  @Autowired StallQueries stallQueries;

  private boolean built;

  /**
   * Called by each test rather than before all: the process coverage recorder needs a running test. The engine's
   * clock stays on Mon 15/02/2027 until the class is done.
   */
  private void aBranchOfItsOwnAndAYearAroundTet() {
    if (built) {
      return;
    }
    built = true;
    createUnit(Map.of("code", "STL", "name", "Đoàn cơ sở thử thời gian xử lý", "kind", "YOUTH_GRASSROOTS",
        "parentCode", "DK"));
    createUnit(Map.of("code", "STL-01", "name", "Chi đoàn thử thời gian xử lý", "kind", "YOUTH_BRANCH",
        "parentCode", "STL", "partyCellCode", "CB-KTNN-01"));
    createUser("stl-secretary", "branch-secretary.STL-01");
    createUser("stl-youth", "youth-committee.STL");

    at("2027-02-01");
    ProcessInstance a = nominate();
    ProcessInstance b = nominate();
    ProcessInstance c = nominate();
    nominate();
    nominate();
    at("2027-02-03");
    complete(a, BRANCH_VOTE);
    at("2027-02-11");
    complete(b, BRANCH_VOTE);
    complete(a, YOUTH_COMMITTEE);
    at("2027-02-12");
    nominate();
    at("2027-02-15");
    complete(c, BRANCH_VOTE);
  }

  @AfterAll
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void eachStageGivesItsMedianAndNinetiethPercentileAndWhoWaitsLongerThanUsual() {
    aBranchOfItsOwnAndAYearAroundTet();

    Map<String, Object> stalls = stalls("stl-secretary", "STL-01", 2027);

    assertThat(stalls).containsEntry("unitCode", "STL-01").containsEntry("asOf", "2027-02-15");
    assertThat(stage(stalls, BRANCH_VOTE)).containsEntry("completed", 3).containsEntry("medianWorkingDays", 3.0)
        .containsEntry("p90WorkingDays", 4.6).containsEntry("open", 3).containsEntry("olderThanUsual", 2);
    assertThat(stage(stalls, YOUTH_COMMITTEE)).containsEntry("completed", 1).containsEntry("medianWorkingDays", 1.0)
        .containsEntry("p90WorkingDays", 1.0).containsEntry("open", 2).containsEntry("olderThanUsual", 1);
    assertThat(stage(stalls, "recordPartyCellVote")).containsEntry("completed", 0)
        .containsEntry("medianWorkingDays", null).containsEntry("olderThanUsual", null);
    @SuppressWarnings("unchecked")
    Map<String, Object> mostWaiting = (Map<String, Object>) stalls.get("mostWaiting");
    assertThat(mostWaiting).containsEntry("key", BRANCH_VOTE)
        .containsEntry("name", "Ghi kết quả biểu quyết của chi đoàn");
  }

  @Test
  void theUnitAboveTheBranchCountsTheSameVisits() {
    aBranchOfItsOwnAndAYearAroundTet();

    Map<String, Object> grassroots = stalls("stl-youth", "STL", 2027);

    assertThat(stage(grassroots, BRANCH_VOTE)).containsEntry("completed", 3).containsEntry("medianWorkingDays", 3.0)
        .containsEntry("p90WorkingDays", 4.6).containsEntry("open", 3).containsEntry("olderThanUsual", 2);
  }

  @Test
  void anotherYearHasNoCompletedVisits() {
    aBranchOfItsOwnAndAYearAroundTet();

    Map<String, Object> before = stalls("stl-secretary", "STL-01", 2026);

    assertThat(stage(before, BRANCH_VOTE)).containsEntry("completed", 0).containsEntry("p90WorkingDays", null)
        .containsEntry("open", 3).containsEntry("olderThanUsual", null);
  }

  @Test
  void theStageTimesRebuiltFromTheEnginesHistoryAreTheOnesKeptAsTheStagesCompleted() {
    aBranchOfItsOwnAndAYearAroundTet();
    Map<String, Object> kept = stalls("stl-secretary", "STL-01", 2027);

    jdbc.update("insert into pending_backfill (name) values ('stage_time')");
    backfill.runIfPending();

    assertThat(stage(kept, BRANCH_VOTE)).containsEntry("completed", 3);
    assertThat(stalls("stl-secretary", "STL-01", 2027)).isEqualTo(kept);
    assertThat(jdbc.queryForObject("select count(*) from pending_backfill", Integer.class)).isZero();
  }

  @Test
  void theOlderThanUsualCountedForAListOfBranchesForEveryBranchAndAllTogetherAgree() {
    aBranchOfItsOwnAndAYearAroundTet();
    // Entered before 11/02 at the branch vote (D1 and D2 on 01/02; not E on 12/02), before 12/02 at the youth
    // committee (B on 11/02; not C on 15/02).
    Map<String, Instant> cutOffs = Map.of(BRANCH_VOTE, Instant.parse("2027-02-10T17:00:00Z"),
        YOUTH_COMMITTEE, Instant.parse("2027-02-11T17:00:00Z"));
    Set<String> branches = new HashSet<>(jdbc.queryForList("select distinct branch_code from candidacy", String.class));

    for (Map.Entry<String, Instant> cutOff : cutOffs.entrySet()) {
      String stage = cutOff.getKey();
      Instant before = cutOff.getValue();
      Map<String, Long> listed = byStage(stallQueries.older(stage, before, branches));
      assertThat(byStage(stallQueries.olderByBranch(stage, before))).isEqualTo(listed);
      assertThat(byStage(stallQueries.olderEverywhere(stage, before))).isEqualTo(listed);
    }
    assertThat(byStage(stallQueries.older(BRANCH_VOTE, cutOffs.get(BRANCH_VOTE), Set.of("STL-01"))))
        .isEqualTo(Map.of(BRANCH_VOTE, 2L));
    assertThat(byStage(stallQueries.older(YOUTH_COMMITTEE, cutOffs.get(YOUTH_COMMITTEE), Set.of("STL-01"))))
        .isEqualTo(Map.of(YOUTH_COMMITTEE, 1L));
  }

  /** Stage → candidacies older than the cut-off, summed over the branches. */
  private static Map<String, Long> byStage(List<StallQueries.Older> rows) {
    Map<String, Long> sums = new TreeMap<>();
    rows.stream().filter(row -> row.candidacies() > 0)
        .forEach(row -> sums.merge(row.stage(), row.candidacies(), Long::sum));
    return sums;
  }

  @Test
  void anOfficerSeesTheStallsOfTheirOwnUnitsOnly() {
    aBranchOfItsOwnAndAYearAroundTet();

    assertThat(get("secretary", "STL-01", 2027).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("stl-secretary", "KTNN-01", 2027).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("stl-secretary", "STL", 2027).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("admin", "STL-01", 2027).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("admin", "KHONG-CO", 2027).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("admin", "STL-01", 1999).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private ProcessInstance nominate() {
    return pipeline.nominateAs("stl-secretary", members.register(d -> d.branch("STL-01")));
  }

  private void complete(ProcessInstance instance, String taskKey) {
    pipeline.complete(instance, taskKey, pipeline.valid(taskKey), USER_OF_TASK);
  }

  /** 09:00 in Hà Nội on that day. */
  private static void at(String day) {
    ClockUtil.setCurrentTime(Date.from(LocalDate.parse(day).atTime(LocalTime.of(9, 0)).atZone(VIETNAM).toInstant()));
  }

  private Map<String, Object> stalls(String user, String unit, int year) {
    ResponseEntity<Map<String, Object>> answer = get(user, unit, year);
    assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private ResponseEntity<Map<String, Object>> get(String user, String unit, int year) {
    return rest.withBasicAuth(user, "demo").exchange("/api/reports/stalls?year={year}&unit={unit}", HttpMethod.GET,
        null, OBJECT, year, unit);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> stage(Map<String, Object> stalls, String key) {
    return ((List<Map<String, Object>>) stalls.get("stages")).stream().filter(s -> key.equals(s.get("key")))
        .findFirst().orElseThrow(() -> new AssertionError("No stage " + key + " in " + stalls));
  }

  private void createUnit(Map<String, Object> unit) {
    ResponseEntity<Map<String, Object>> created = rest.withBasicAuth("admin", "demo").exchange("/api/units",
        HttpMethod.POST, new HttpEntity<>(new LinkedHashMap<>(unit)), OBJECT);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
  }

  private void createUser(String id, String group) {
    User user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("Thử");
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(id, group);
  }
}
