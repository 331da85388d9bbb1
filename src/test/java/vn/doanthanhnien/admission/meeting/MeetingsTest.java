package vn.doanthanhnien.admission.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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
import vn.doanthanhnien.admission.candidacy.CandidacyEvent;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.candidacy.CandidacyStatus;
import vn.doanthanhnien.admission.candidacy.TimelineAction;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/**
 * One meeting recorded for several candidacies over {@code /api/meetings}: a branch meeting for eight, the youth
 * committee's resolution for the seven who passed, an awareness class for the five without a valid certificate; a
 * refused meeting stores nothing; a race with a single submission is a 409.
 */
@PipelineTest
class MeetingsTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;
  @Autowired TaskService tasks;
  @Autowired CandidacyService candidacies;
  @Autowired JdbcTemplate jdbc;

  @Test
  void oneBranchMeetingForEightThenOneResolutionForTheSevenWhoPassedThenOneClassForTheFiveWithoutACertificate()
      throws IOException {
    // given eight nominated members of KTNN-01, the first two with an awareness certificate two years old (valid 60
    // months), the other six without one; the branch's yearly report and stall view before them
    Map<String, Object> reportBefore = yearly("/api/reports/annual");
    Map<String, Object> stallsBefore = yearly("/api/reports/stalls");
    List<ProcessInstance> eight = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String code = i < 2 ? members.register(d -> d.certificate(pipeline.today().minusYears(2))) : members.eligible();
      eight.add(pipeline.nominate(code));
    }
    List<ProcessInstance> seven = eight.subList(0, 7);
    ProcessInstance failing = eight.get(7);

    // when the branch meeting is recorded once: 25 members, 22 present; seven get 20 votes for, the eighth 12, one
    // below the threshold (more than half of 25, that is 13)
    List<Map<String, Object>> votes = new ArrayList<>();
    seven.forEach(i -> votes.add(Map.of("candidacyId", id(i), "votesFor", 20, "votesAgainst", 2)));
    votes.add(Map.of("candidacyId", id(failing), "votesFor", 12, "votesAgainst", 10));
    ResponseEntity<Map<String, Object>> branch = post("secretary", Map.of("stage", "recordBranchVote",
        "unit", "KTNN-01", "shared", Map.of("meetingDate", pipeline.daysAgo(12), "branchMemberCount", 25,
            "attendeeCount", 22, "resolutionNumber", "07-NQ/CĐ"), "results", votes));

    // then every task is completed at once, seven passed and the eighth is rejected
    assertThat(branch.getStatusCode().value()).as("%s", branch.getBody()).isEqualTo(201);
    long branchMeeting = ((Number) branch.getBody().get("meetingId")).longValue();
    assertThat(outcomes(branch)).hasSize(8).allSatisfy(o -> assertThat(o).containsEntry("attended", true));
    assertThat(outcomes(branch)).filteredOn(o -> Boolean.TRUE.equals(o.get("passed"))).hasSize(7);
    assertThat(outcomes(branch)).filteredOn(o -> Boolean.FALSE.equals(o.get("passed")))
        .singleElement().satisfies(o -> assertThat(((Number) o.get("candidacyId")).longValue()).isEqualTo(id(failing)));
    seven.forEach(i -> assertThat(pipeline.task(i).getTaskDefinitionKey()).isEqualTo("recordYouthCommitteeResolution"));
    assertThat(candidacies.get(id(failing)).getStatus()).isEqualTo(CandidacyStatus.REJECTED);
    // and each timeline and resolution names the shared meeting
    assertThat(stageRecord(id(seven.get(0)), "recordBranchVote").getDetails())
        .contains("\"meetingId\":" + branchMeeting, "\"votesFor\":20", "\"resolutionNumber\":\"07-NQ/CĐ\"");
    assertThat(stageRecord(id(seven.get(0)), "recordBranchVote").getSummary())
        .contains("Ghi nhận chung tại cuộc họp số " + branchMeeting);
    assertThat(docxText("secretary", "/api/candidacies/" + id(failing) + "/documents/4_1-KND.docx"))
        .contains("cuộc họp số " + branchMeeting, "Số: 07-NQ/CĐ", "12 đoàn viên tán thành",
            "không đạt tỷ lệ tán thành");

    // when the youth committee records one resolution for the seven
    List<Map<String, Object>> resolution = new ArrayList<>();
    seven.forEach(i -> resolution.add(Map.of("candidacyId", id(i), "votesFor", 9, "votesAgainst", 0)));
    ResponseEntity<Map<String, Object>> committee = post("youthcommittee", Map.of("stage",
        "recordYouthCommitteeResolution", "unit", "KTNN", "shared", Map.of("resolutionDate", pipeline.daysAgo(11),
            "committeeMemberCount", 9, "resolutionNumber", "21-NQ/ĐTN"), "results", resolution));

    // then all seven are introduced; the two with a valid certificate skip the awareness class
    assertThat(committee.getStatusCode().value()).as("%s", committee.getBody()).isEqualTo(201);
    seven.forEach(pipeline::runAutomaticSteps);
    seven.forEach(i -> assertThat(candidacies.get(id(i)).getIntroducedOn()).isEqualTo(pipeline.today().minusDays(11)));
    assertThat(seven).extracting(i -> pipeline.task(i).getTaskDefinitionKey()).containsExactly("assignIntroducer",
        "assignIntroducer", "recordAwarenessCertificate", "recordAwarenessCertificate", "recordAwarenessCertificate",
        "recordAwarenessCertificate", "recordAwarenessCertificate");

    // when the youth committee downloads the list of the members it introduced that day, then hands it over
    String period = "?unit=KTNN&from=" + pipeline.daysAgo(11) + "&to=" + pipeline.daysAgo(11);
    String listed = docxText("youthcommittee", "/api/handovers/list.docx" + period);
    String listedPdf = pdfText("youthcommittee", "/api/handovers/list.pdf" + period);
    ResponseEntity<Map<String, Object>> handover = as("youthcommittee").exchange("/api/handovers", HttpMethod.POST,
        new HttpEntity<>(Map.of("unit", "KTNN", "from", pipeline.daysAgo(11), "to", pipeline.daysAgo(11),
            "handedOverOn", pipeline.daysAgo(1), "handedOverBy", "Đ/c Lê Thị Hoa, Bí thư Đoàn cơ sở")), OBJECT);

    // then the list names the seven with their resolution, and each of the seven was handed over that day
    for (String text : List.of(listed, listedPdf)) {
      assertThat(text).contains("DANH SÁCH", "giới thiệu 7 đoàn viên ưu tú", "Đảng ủy Kiểm toán Nhà nước",
          "Nghị quyết giới thiệu số 21-NQ/ĐTN");
      seven.forEach(i -> assertThat(text).contains(name(i)));
      assertThat(text).doesNotContain(name(failing));
    }
    assertThat(handover.getStatusCode().value()).as("%s", handover.getBody()).isEqualTo(201);
    assertThat(handover.getBody().get("candidacies")).asList().hasSize(7);
    seven.forEach(i -> {
      assertThat(candidacies.get(id(i)).getHandedOverOn()).isEqualTo(pipeline.today().minusDays(1));
      assertThat(candidacies.timeline(id(i))).filteredOn(e -> e.getAction() == TimelineAction.HANDED_OVER)
          .singleElement().satisfies(e -> assertThat(e.getSummary()).contains("Đ/c Lê Thị Hoa"));
    });
    assertThat(docxText("youthcommittee", "/api/handovers/list.docx" + period))
        .contains("người trao: Đ/c Lê Thị Hoa, Bí thư Đoàn cơ sở");
    assertThat(as("youthcommittee").exchange("/api/handovers", HttpMethod.POST, new HttpEntity<>(Map.of("unit", "KTNN",
        "from", pipeline.daysAgo(11), "to", pipeline.daysAgo(11), "handedOverOn", pipeline.daysAgo(0),
        "handedOverBy", "Đ/c Lê Thị Hoa")), OBJECT).getStatusCode().value()).as("the same list again").isEqualTo(409);

    // when the Party cell records one class for the five
    List<Map<String, Object>> classResults = new ArrayList<>();
    seven.subList(2, 7).forEach(i -> classResults.add(Map.of("candidacyId", id(i), "attended", true,
        "certificateNumber", "GCN-" + id(i))));
    ResponseEntity<Map<String, Object>> awareness = post("partycell", Map.of("stage", "recordAwarenessCertificate",
        "unit", "CB-KTNN-01", "shared", Map.of("certificateDate", pipeline.daysAgo(2)), "results", classResults));

    // then the five have their certificate and wait for their introducer
    assertThat(awareness.getStatusCode().value()).as("%s", awareness.getBody()).isEqualTo(201);
    seven.forEach(pipeline::runAutomaticSteps);
    assertThat(seven).extracting(i -> pipeline.task(i).getTaskDefinitionKey()).containsOnly("assignIntroducer");
    assertThat(stageRecord(id(seven.get(4)), "recordAwarenessCertificate").getDetails())
        .contains("\"certificateNumber\":\"GCN-" + id(seven.get(4)) + "\"",
            "\"meetingId\":" + ((Number) awareness.getBody().get("meetingId")).longValue());

    // and the branch's yearly report (what the dashboard shows) and its stall view count the same: 8 more nominated,
    // 7 more introduced and waiting for their introducer; 8 branch votes, 7 resolutions and 5 classes more completed
    Map<String, Object> reportAfter = yearly("/api/reports/annual");
    assertThat(number(reportAfter, "nominated") - number(reportBefore, "nominated")).isEqualTo(8);
    assertThat(number(reportAfter, "introduced") - number(reportBefore, "introduced")).isEqualTo(7);
    assertThat(waiting(reportAfter, "assignIntroducer") - waiting(reportBefore, "assignIntroducer")).isEqualTo(7);
    Map<String, Object> stallsAfter = yearly("/api/reports/stalls");
    assertThat(completed(stallsAfter, "recordBranchVote") - completed(stallsBefore, "recordBranchVote")).isEqualTo(8);
    assertThat(completed(stallsAfter, "recordYouthCommitteeResolution")
        - completed(stallsBefore, "recordYouthCommitteeResolution")).isEqualTo(7);
    assertThat(completed(stallsAfter, "recordAwarenessCertificate")
        - completed(stallsBefore, "recordAwarenessCertificate")).isEqualTo(5);
  }

  /** The branch KTNN-01's figures of the test clock's year, as its secretary reads them. */
  private Map<String, Object> yearly(String path) {
    ResponseEntity<Map<String, Object>> answer = as("secretary").exchange(path + "?year={year}&unit=KTNN-01",
        HttpMethod.GET, null, OBJECT, pipeline.today().getYear());
    assertThat(answer.getStatusCode().value()).as("%s %s", path, answer.getBody()).isEqualTo(200);
    return answer.getBody();
  }

  private static long number(Map<String, Object> figures, String field) {
    return ((Number) figures.get(field)).longValue();
  }

  @SuppressWarnings("unchecked")
  private static long waiting(Map<String, Object> report, String stage) {
    Object count = ((Map<String, Object>) report.get("inProgressByStage")).get(stage);
    return count == null ? 0 : ((Number) count).longValue();
  }

  @SuppressWarnings("unchecked")
  private static long completed(Map<String, Object> stalls, String stage) {
    return ((List<Map<String, Object>>) stalls.get("stages")).stream().filter(s -> stage.equals(s.get("key")))
        .mapToLong(s -> ((Number) s.get("completed")).longValue()).findFirst()
        .orElseThrow(() -> new AssertionError("No stage " + stage + " in " + stalls));
  }

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
    String second = "Hồ sơ số " + id(three.get(1)) + " (" + name(three.get(1)) + "): ";
    String fourth = "Hồ sơ số " + id(ahead) + " (" + name(ahead) + "): ";
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
        if (label.startsWith("Hồ sơ số " + id(i) + " — " + name(i) + ", sinh ngày ")) {
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
        + name(three.get(1)) + "): Tổng số phiếu tán thành và không tán thành (32) không được lớn hơn số đoàn viên "
        + "dự họp (22).");
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    three.forEach(i -> assertThat(pipeline.task(i).getTaskDefinitionKey()).isEqualTo("recordBranchVote"));

    // when the officer corrects it and completes the task
    ResponseEntity<Map<String, Object>> recorded = submitMeeting(taskId, rows, 0);

    // then every listed candidacy has its branch vote from the one meeting
    assertThat(recorded.getStatusCode().value()).as("%s", recorded.getBody()).isEqualTo(204);
    three.forEach(i -> {
      assertThat(pipeline.task(i).getTaskDefinitionKey()).isEqualTo("recordYouthCommitteeResolution");
      assertThat(stageRecord(id(i), "recordBranchVote").getDetails()).contains("\"meetingId\":",
          "\"resolutionNumber\":\"12-NQ/CĐ\"");
    });
    assertThat(three.stream().map(i -> stageRecord(id(i), "recordBranchVote").getDetails()
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

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> outcomes(ResponseEntity<Map<String, Object>> answer) {
    return (List<Map<String, Object>>) answer.getBody().get("candidacies");
  }

  private CandidacyEvent stageRecord(Long candidacyId, String stage) {
    return candidacies.timeline(candidacyId).stream().filter(e -> e.getAction() == TimelineAction.STAGE_COMPLETED
        && e.getStage().equals(stage)).reduce((a, b) -> b).orElseThrow();
  }

  private String name(ProcessInstance instance) {
    return "Nguyễn Văn Thử " + candidacies.get(id(instance)).getMemberCode();
  }

  private String docxText(String user, String url) throws IOException {
    byte[] docx = as(user).getForObject(url, byte[].class);
    try (XWPFWordExtractor text = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
      return text.getText().replaceAll("\\s+", " ");
    }
  }

  private String pdfText(String user, String url) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(as(user).getForObject(url, byte[].class))) {
      return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }
  }

  private static Long id(ProcessInstance instance) {
    return Long.valueOf(instance.getBusinessKey());
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, "demo");
  }
}
