package vn.doanthanhnien.admission.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doanthanhnien.admission.support.CandidacyRecords.id;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.candidacy.TimelineAction;
import vn.doanthanhnien.admission.support.CandidacyRecords;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/**
 * One meeting recorded for several candidacies, beyond the year of one branch that {@code pool.BranchYearTest} follows
 * through a meeting at each stage: a refused meeting stores nothing and names each candidate, another unit's meeting
 * or candidacy is refused, a race with a single submission is a 409, and the Tasklist way through the meeting process.
 */
@PipelineTest
class MeetingsTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };

  @Autowired TestRestTemplate rest;
  @Autowired Pipeline pipeline;
  @Autowired CandidacyRecords records;
  @Autowired TestMembers members;
  @Autowired TaskService tasks;
  @Autowired CandidacyService candidacies;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @Test
  void aMeetingWithOneBadCandidacyIsRefusedWholeNamingEachCandidateAndStoresNothing() {
    // given three candidacies waiting for the branch vote and one already past it
    List<ProcessInstance> three = List.of(pipeline.nominate(members.eligible()),
        pipeline.nominate(members.eligible()), pipeline.nominate(members.eligible()));
    ProcessInstance ahead = pipeline.nominate(members.eligible());
    pipeline.completeValid(ahead, "recordBranchVote");
    int meetingsBefore = jdbc.queryForObject("select count(*) from meeting", Integer.class);
    List<Integer> eventsBefore = three.stream().map(i -> candidacies.timeline(id(i)).size()).toList();

    // when the second has more votes than people present, the third is listed twice and the fourth is not waiting
    ResponseEntity<Map<String, Object>> refused = post("secretary", Map.of("stage", "recordBranchVote",
        "unit", "KTNN-01", "shared", Map.of("meetingDate", pipeline.daysAgo(3), "branchMemberCount", 25,
            "attendeeCount", 22, "resolutionNumber", "08-NQ/CĐ"), "results", List.of(
            Map.of("candidacyId", id(three.get(0)), "votesFor", 20, "votesAgainst", 2),
            Map.of("candidacyId", id(three.get(1)), "votesFor", 21, "votesAgainst", 2),
            Map.of("candidacyId", id(three.get(2)), "votesFor", 20, "votesAgainst", 1),
            Map.of("candidacyId", id(three.get(2)), "votesFor", 20, "votesAgainst", 1),
            Map.of("candidacyId", id(ahead), "votesFor", "nhiều", "votesAgainst", 1))));

    // then 400 names each candidate and what is wrong
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    @SuppressWarnings("unchecked")
    List<String> problems = (List<String>) refused.getBody().get("errors");
    String second = "Hồ sơ số " + id(three.get(1)) + " (" + records.memberName(three.get(1)) + "): ";
    String fourth = "Hồ sơ số " + id(ahead) + " (" + records.memberName(ahead) + "): ";
    assertThat(problems).containsExactlyInAnyOrder(
        second + "Tổng số phiếu tán thành và không tán thành (23) không được lớn hơn số đoàn viên dự họp (22).",
        "Hồ sơ số " + id(three.get(2)) + " có tên hai lần trong danh sách cuộc họp.",
        fourth + "Số phiếu tán thành phải là số nguyên: nhiều.",
        fourth + "không chờ ở bước «Ghi kết quả biểu quyết của chi đoàn» (hồ sơ đang ở bước khác hoặc đã kết thúc).");
    // and nothing is stored: no task completed, no timeline entry, no document, no meeting
    three.forEach(i -> assertThat(pipeline.task(i).getTaskDefinitionKey()).isEqualTo("recordBranchVote"));
    assertThat(three.stream().map(i -> candidacies.timeline(id(i)).size()).toList()).isEqualTo(eventsBefore);
    assertThat(as("secretary").exchange("/api/candidacies/{id}/documents", HttpMethod.GET, null, LIST,
        id(three.get(0))).getBody()).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from meeting", Integer.class)).isEqualTo(meetingsBefore);
  }

  @Test
  void aMeetingOfAnotherUnitIsForbiddenAndACandidacyOfAnotherUnitRefused() {
    ProcessInstance ours = pipeline.nominate(members.eligible());

    ResponseEntity<Map<String, Object>> foreignUnit = post("secretary2", Map.of("stage", "recordBranchVote",
        "unit", "KTNN-01", "shared", Map.of(), "results", List.of(Map.of("candidacyId", id(ours)))));
    ResponseEntity<Map<String, Object>> foreignCandidacy = post("secretary2", Map.of("stage", "recordBranchVote",
        "unit", "HVBC-01", "shared", Map.of("meetingDate", pipeline.daysAgo(3), "branchMemberCount", 25,
            "attendeeCount", 22, "resolutionNumber", "09-NQ/CĐ"), "results", List.of(
            Map.of("candidacyId", id(ours), "votesFor", 20, "votesAgainst", 2))));

    assertThat(foreignUnit.getStatusCode().value()).isEqualTo(403);
    assertThat(foreignCandidacy.getStatusCode().value()).isEqualTo(400);
    assertThat(foreignCandidacy.getBody().get("errors")).asList().containsExactly(
        "Hồ sơ số " + id(ours) + " không có hoặc không thuộc các đơn vị của bạn.");
    assertThat(pipeline.task(ours).getTaskDefinitionKey()).isEqualTo("recordBranchVote");
  }

  @Test
  void aMeetingThatWaitsTooLongForOneOfItsTasksGets409AndStoresNothing() throws Exception {
    ProcessInstance first = pipeline.nominate(members.eligible());
    ProcessInstance second = pipeline.nominate(members.eligible());
    int meetingsBefore = jdbc.queryForObject("select count(*) from meeting", Integer.class);
    Map<String, Object> meeting = Map.of("stage", "recordBranchVote", "unit", "KTNN-01", "shared",
        Map.of("meetingDate", pipeline.daysAgo(3), "branchMemberCount", 25, "attendeeCount", 22,
            "resolutionNumber", "12-NQ/CĐ"), "results", List.of(
            Map.of("candidacyId", id(first), "votesFor", 20, "votesAgainst", 2),
            Map.of("candidacyId", id(second), "votesFor", 20, "votesAgainst", 2)));
    ResponseEntity<Map<String, Object>> refused;
    // Another transaction holds the second's task row for longer than the database's lock timeout (H2: 2 s), as a
    // single submission of it does on a loaded machine.
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement lock = other.prepareStatement("select id_ from act_ru_task where id_ = ? for update")) {
        lock.setString(1, pipeline.task(second).getId());
        lock.executeQuery().close();
      }
      refused = post("secretary", meeting);
      other.rollback();
    }

    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody()).containsEntry("message", "Dữ liệu vừa được người khác thay đổi cùng lúc nên thao "
        + "tác của bạn chưa được ghi nhận. Vui lòng tải lại rồi thử lại.");
    assertThat(jdbc.queryForObject("select count(*) from meeting", Integer.class)).isEqualTo(meetingsBefore);
    for (ProcessInstance instance : List.of(first, second)) {
      assertThat(pipeline.task(instance).getTaskDefinitionKey()).isEqualTo("recordBranchVote");
      assertThat(candidacies.timeline(id(instance))).noneMatch(e -> e.getAction() == TimelineAction.STAGE_COMPLETED);
    }
    assertThat(post("secretary", meeting).getStatusCode().value()).as("recorded once the row is free").isEqualTo(201);
  }

  @Test
  void aMeetingRacingASingleSubmissionOfOneOfItsTasksRecordsOneOfThemAndTheOtherIsRefused() throws Exception {
    boolean meetingLostWith409 = false;
    for (int attempt = 0; attempt < 8 && !meetingLostWith409; attempt++) {
      ProcessInstance first = pipeline.nominate(members.eligible());
      ProcessInstance second = pipeline.nominate(members.eligible());
      String secondTask = pipeline.task(second).getId();
      Map<String, Object> meeting = Map.of("stage", "recordBranchVote", "unit", "KTNN-01", "shared",
          Map.of("meetingDate", pipeline.daysAgo(3), "branchMemberCount", 25, "attendeeCount", 22,
              "resolutionNumber", "10-NQ/CĐ"), "results", List.of(
              Map.of("candidacyId", id(first), "votesFor", 20, "votesAgainst", 2),
              Map.of("candidacyId", id(second), "votesFor", 20, "votesAgainst", 2)));
      Map<String, Object> single = Map.of("variables", Map.of("meetingDate", Map.of("value", pipeline.daysAgo(4)),
          "branchMemberCount", Map.of("value", 25), "attendeeCount", Map.of("value", 22),
          "votesFor", Map.of("value", 20), "votesAgainst", Map.of("value", 2),
          "resolutionNumber", Map.of("value", "11-NQ/CĐ")));

      List<Integer> answers = atOnce(() -> post("secretary", meeting).getStatusCode().value(),
          () -> as("secretary").postForEntity("/engine-rest/task/{id}/submit-form", single, String.class, secondTask)
              .getStatusCode().value());

      int meetingAnswer = answers.get(0);
      int singleAnswer = answers.get(1);
      assertThat(List.of(meetingAnswer, singleAnswer)).as("meeting, single submission")
          .isIn(List.of(201, 409), List.of(409, 204), List.of(400, 204));
      // the second candidacy's vote is recorded exactly once; the first only with the meeting
      assertThat(candidacies.timeline(id(second))).filteredOn(e -> e.getAction() == TimelineAction.STAGE_COMPLETED)
          .hasSize(1);
      assertThat(pipeline.task(first).getTaskDefinitionKey())
          .isEqualTo(meetingAnswer == 201 ? "recordYouthCommitteeResolution" : "recordBranchVote");
      meetingLostWith409 = meetingAnswer == 409;
    }
    assertThat(meetingLostWith409).as("the meeting met the single submission in the database within 8 attempts")
        .isTrue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSecretaryRecordsABranchMeetingInTasklistThroughTheMeetingProcess() throws IOException {
    // given three candidacies of branch HVBC-01 waiting for the branch vote
    List<ProcessInstance> three = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      three.add(pipeline.nominateAs("secretary2", members.register(d -> d.branch("HVBC-01"))));
    }

    // when its secretary starts a meeting from Tasklist's start form, as Tasklist does
    ResponseEntity<Map<String, Object>> started = as("secretary2").exchange(
        "/engine-rest/process-definition/key/unit-meeting/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", Map.of("meetingStage", Map.of("value", "recordBranchVote")))), OBJECT);

    // then the meeting task is the secretary's; its form has one row per candidacy waiting in the branch
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
    List<Map<String, Object>> meetingTasks = as("secretary2").exchange(
        "/engine-rest/task?processInstanceId={id}&maxResults=10", HttpMethod.GET, null, LIST,
        started.getBody().get("id")).getBody();
    assertThat(meetingTasks).singleElement().satisfies(t -> assertThat(t)
        .containsEntry("taskDefinitionKey", "recordBranchMeeting").containsEntry("assignee", "secretary2"));
    String taskId = (String) meetingTasks.get(0).get("id");
    Map<String, Object> variables = as("secretary2").exchange(
        "/engine-rest/task/{id}/form-variables?deserializeValues=false", HttpMethod.GET, null, OBJECT, taskId)
        .getBody();
    int rows = (Integer) ((Map<String, Object>) variables.get("meetingCandidateCount")).get("value");
    Map<Long, Integer> rowOf = new LinkedHashMap<>();
    for (int row = 1; row <= rows; row++) {
      String label = (String) ((Map<String, Object>) variables.get("meetingCandidate" + row)).get("value");
      for (ProcessInstance i : three) {
        if (label.startsWith("Hồ sơ số " + id(i) + " — " + records.memberName(i) + ", sinh ngày ")) {
          rowOf.put(id(i), row);
        }
      }
    }
    assertThat(rowOf).hasSize(3);

    // when the officer enters a vote above the people present for one of them
    ResponseEntity<Map<String, Object>> refused = submitMeeting(taskId, rows, rowOf.get(id(three.get(1))));

    // then Tasklist shows the refusal naming the candidate, the task stays open, nothing is stored
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat((String) refused.getBody().get("message")).contains("Hồ sơ số " + id(three.get(1)) + " ("
        + records.memberName(three.get(1)) + "): Tổng số phiếu tán thành và không tán thành (32) không được lớn hơn số đoàn viên "
        + "dự họp (22).");
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    three.forEach(i -> assertThat(pipeline.task(i).getTaskDefinitionKey()).isEqualTo("recordBranchVote"));

    // when the officer corrects it and completes the task
    ResponseEntity<Map<String, Object>> recorded = submitMeeting(taskId, rows, 0);

    // then every listed candidacy has its branch vote from the one meeting
    assertThat(recorded.getStatusCode().value()).as("%s", recorded.getBody()).isEqualTo(204);
    three.forEach(i -> {
      assertThat(pipeline.task(i).getTaskDefinitionKey()).isEqualTo("recordYouthCommitteeResolution");
      assertThat(records.lastStageRecord(id(i), "recordBranchVote").getDetails()).contains("\"meetingId\":",
          "\"resolutionNumber\":\"12-NQ/CĐ\"");
    });
    assertThat(three.stream().map(i -> records.lastStageRecord(id(i), "recordBranchVote").getDetails()
        .replaceAll(".*\"meetingId\":(\\d+).*", "$1")).distinct()).hasSize(1);
  }

  /** Submits the meeting form as Tasklist does: the shared fields and each row's votes; one row may get 30 for. */
  private ResponseEntity<Map<String, Object>> submitMeeting(String taskId, int rows, int tooManyVotesInRow) {
    Map<String, Object> variables = new LinkedHashMap<>(Map.of("meetingDate", Map.of("value", pipeline.daysAgo(2)),
        "branchMemberCount", Map.of("value", 25), "attendeeCount", Map.of("value", 22),
        "resolutionNumber", Map.of("value", "12-NQ/CĐ")));
    for (int row = 1; row <= rows; row++) {
      variables.put("votesFor_" + row, Map.of("value", row == tooManyVotesInRow ? 30 : 20));
      variables.put("votesAgainst_" + row, Map.of("value", 2));
    }
    return as("secretary2").exchange("/engine-rest/task/{id}/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", variables)), OBJECT, taskId);
  }

  private static List<Integer> atOnce(Supplier<Integer> one, Supplier<Integer> other) throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> a = pool.submit(() -> {
        barrier.await();
        return one.get();
      });
      Future<Integer> b = pool.submit(() -> {
        barrier.await();
        return other.get();
      });
      return List.of(a.get(), b.get());
    } finally {
      pool.shutdown();
    }
  }

  private ResponseEntity<Map<String, Object>> post(String user, Map<String, Object> body) {
    return as(user).exchange("/api/meetings", HttpMethod.POST, new HttpEntity<>(body), OBJECT);
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, "demo");
  }
}
