package vn.doanthanhnien.admission.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.doanthanhnien.admission.candidacy.CandidacyRepository;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.candidacy.Milestone;
import vn.doanthanhnien.admission.candidacy.MilestoneCounters;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/**
 * The counters the yearly report reads: moved with the stage that records the milestone, in its transaction, and in
 * agreement with a recount of the candidacies. Each test uses a year of its own (2037–2039), which no other test
 * dates anything in, so the counts are literal.
 */
@PipelineTest
class MilestoneCountersTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };

  @Autowired TestRestTemplate rest;
  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;
  @Autowired CandidacyService candidacies;
  @Autowired CandidacyRepository candidacyRecords;
  @Autowired MilestoneCounters counters;
  @Autowired PlatformTransactionManager transactions;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void afterAdmittedRejectedAndWithdrawnCandidaciesTheCountersAgreeWithTheRecount() {
    // Wed 2037-06-10: every stage's dates are this day or a few days before, all in 2037.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2037-06-10T03:00:00Z")));
    ProcessInstance admitted = pipeline.advanceTo(members.eligible(), "recordAdmissionCeremony");
    pipeline.completeValid(admitted, "recordAdmissionCeremony");
    ProcessInstance rejected = pipeline.nominate(members.eligible());
    Map<String, Object> halfTheBranch = pipeline.valid("recordBranchVote");
    halfTheBranch.put("votesFor", 11);
    halfTheBranch.put("votesAgainst", 11);
    pipeline.complete(rejected, "recordBranchVote", halfTheBranch);
    ProcessInstance withdrawn = pipeline.advanceTo(members.eligible(), "assignIntroducer");
    assertThat(rest.withBasicAuth("secretary", "demo").postForEntity("/api/candidacies/{id}/withdraw",
        Map.of("reason", "Đoàn viên chuyển công tác"), String.class, withdrawn.getBusinessKey()).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    assertThat(counters.ofYear(2037, List.of("KTNN-01")).get("KTNN-01")).containsExactlyInAnyOrderEntriesOf(Map.of(
        Milestone.NOMINATED, 3L, Milestone.INTRODUCED, 2L, Milestone.ADMITTED, 1L));
    Map<String, Object> check = get("admin", "/api/reports/counter-check?year=2037").getBody();
    assertThat(check).containsEntry("year", 2037).containsEntry("branches", 1).containsEntry("differences", List.of())
        .containsEntry("inProgressDifferences", List.of());
    assertThat(get("admin", "/api/reports/annual?year=2037&unit=KTNN-01").getBody())
        .containsEntry("nominated", 3).containsEntry("introduced", 2).containsEntry("admitted", 1);
  }

  @Test
  void aCounterMovesWhenTheTransactionOfItsMilestoneCommitsAndNotWhenItRollsBack() {
    Long id = Long.valueOf(pipeline.nominate(members.eligible()).getBusinessKey());
    TransactionTemplate transaction = new TransactionTemplate(transactions);

    transaction.executeWithoutResult(status -> {
      candidacies.markIntroduced(id, LocalDate.of(2038, 3, 2));
      assertThat(introduced(2038)).as("written when the transaction commits, not before").isZero();
      status.setRollbackOnly();
    });

    assertThat(introduced(2038)).as("rolled back with it").isZero();
    assertThat(candidacyRecords.findById(id).orElseThrow().getIntroducedOn()).isNull();

    transaction.executeWithoutResult(status -> candidacies.markIntroduced(id, LocalDate.of(2038, 3, 2)));

    assertThat(introduced(2038)).as("committed with it").isEqualTo(1);
    assertThat(get("admin", "/api/reports/counter-check?year=2038").getBody()).containsEntry("differences", List.of());
  }

  private long introduced(int year) {
    return counters.ofYear(year, List.of("KTNN-01")).getOrDefault("KTNN-01", Map.of())
        .getOrDefault(Milestone.INTRODUCED, 0L);
  }

  @Test
  void twoMilestonesAtOnceOnACounterNotYetThereAreBothCounted() throws Exception {
    Long first = Long.valueOf(pipeline.nominate(members.eligible()).getBusinessKey());
    Long second = Long.valueOf(pipeline.nominate(members.eligible()).getBusinessKey());
    CountDownLatch start = new CountDownLatch(1);

    CompletableFuture<Void> one = CompletableFuture.runAsync(() -> introduce(start, first));
    CompletableFuture<Void> two = CompletableFuture.runAsync(() -> introduce(start, second));
    start.countDown();
    CompletableFuture.allOf(one, two).get();

    assertThat(counters.ofYear(2039, List.of("KTNN-01")).get("KTNN-01")).containsEntry(Milestone.INTRODUCED, 2L);
    assertThat(get("admin", "/api/reports/counter-check?year=2039").getBody()).containsEntry("differences", List.of());
  }

  @Test
  void onlyAnAdministratorChecksTheCounters() {
    assertThat(get("secretary", "/api/reports/counter-check?year=2037").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("admin", "/api/reports/counter-check?year=1999").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private void introduce(CountDownLatch start, Long id) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    candidacies.markIntroduced(id, LocalDate.of(2039, 5, 4));
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, OBJECT);
  }
}
