package vn.doanthanhnien.admission.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doanthanhnien.admission.support.CandidacyRecords.id;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.doanthanhnien.admission.candidacy.CandidacyService;
import vn.doanthanhnien.admission.candidacy.CandidacyStatus;
import vn.doanthanhnien.admission.member.Education;
import vn.doanthanhnien.admission.member.Rating;
import vn.doanthanhnien.admission.support.DocumentText;
import vn.doanthanhnien.admission.support.NodeClient;
import vn.doanthanhnien.admission.support.NodeClient.Answer;
import vn.doanthanhnien.admission.support.CandidacyRecords;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;
import vn.doanthanhnien.admission.support.TestMembers.Draft;

/**
 * One branch's year (issue 15): the secretary rates her 40 members in one upload, the pool shows whom to nominate (12,
 * 3 of them aging out this year), a refused batch stores nothing; eight of the pool are nominated and go through one
 * meeting at each stage (7 pass the branch vote, one resolution, the list handed to the Party, one class for the 5
 * without a certificate) and the branch's report and stall view count them; ratings are kept per year and the
 * nomination reads the previous year's, and a mentor assigned by the Party cell is the introducer offered later. The branch, its
 * grassroots unit and Party cell are created for the test, so the figures are the test's own.
 */
@PipelineTest
class BranchYearTest {

  /** Wednesday 15 April 2026, 10:00 in Vietnam: the ratings of 2025 are the "previous year's". */
  private static final Instant NOW = Instant.parse("2026-04-15T03:00:00Z");
  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };

  @Autowired TestMembers members;
  @Autowired Pipeline pipeline;
  @Autowired CandidacyRecords records;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired CandidacyService candidacies;
  @LocalServerPort int port;

  private NodeClient http;
  private String grassroots;
  private String cell;
  private String branch;
  private String secretary;
  private String committee;
  private String cellOfficer;

  /** The members of the branch in file order, by what they are meant to show; each with the 2025 rating uploaded. */
  private final Map<String, String> ratingOf = new LinkedHashMap<>();
  private final Map<String, List<String>> group = new LinkedHashMap<>();

  @BeforeEach
  void aBranchOfItsOwn() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    http = new NodeClient("http://localhost:" + port);
    String n = String.valueOf(System.nanoTime() % 1_000_000);
    grassroots = "P15G-" + n;
    cell = "P15C-" + n;
    branch = "P15B-" + n;
    createUnit(grassroots, "Đoàn cơ sở Cục Thử nghiệm " + n, "YOUTH_GRASSROOTS", "DK", null);
    createUnit(cell, "Chi bộ Phòng Thử nghiệm " + n, "PARTY_CELL", "DU-KTNN", null);
    createUnit(branch, "Chi đoàn Phòng Thử nghiệm " + n, "YOUTH_BRANCH", grassroots, cell);
    secretary = user("p15-secretary-" + n, "branch-secretary." + branch);
    committee = user("p15-committee-" + n, "youth-committee." + grassroots);
    cellOfficer = user("p15-cell-" + n, "party-cell." + cell);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void fortyRatedInOneUploadTwelveInThePoolThreeAgingOutEightNominatedAndOneMeetingAtEachStage() throws IOException {
    registerFortyMembers();
    String stranger = members.eligible(); // of branch KTNN-01

    // A refused batch: a member of another branch, an unknown rating, a member listed twice. Nothing is stored.
    List<String[]> bad = rows();
    bad.set(5, new String[] {stranger, "Thành viên khác chi đoàn", "EXCELLENT"});
    bad.get(6)[2] = "XUAT_SAC";
    bad.set(7, new String[] {bad.get(0)[0], "Trùng", "GOOD"});
    ResponseEntity<Map<String, Object>> refused = upload(secretary, xlsx(bad));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(problems(refused)).containsExactly("7/memberCode", "8/rating", "9/memberCode");
    assertThat(refused.getBody().get("message").toString()).contains("Chưa lưu xếp loại nào");
    assertThat(String.valueOf(refused.getBody().get("problems"))).contains(stranger + " (Nguyễn Văn Thử " + stranger
        + ") thuộc chi đoàn KTNN-01, không thuộc chi đoàn " + branch, "Xếp loại \"XUAT_SAC\" không hợp lệ",
        "đã có ở dòng 2");
    assertThat(storedRatings(2025)).isZero();
    // Nor by the secretary of another branch, nor for a year to come.
    assertThat(upload("secretary", xlsx(rows())).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    Answer future = http.put(secretary, "/api/branches/" + branch + "/ratings/2027",
        List.of(Map.of("memberCode", bad.get(0)[0], "rating", "GOOD")));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.body()).contains("Năm xếp loại 2027 chưa đến");
    assertThat(storedRatings(2025)).isZero();
    assertThat(storedRatings(2027)).isZero();

    // The secretary's upload of the whole branch.
    ResponseEntity<Map<String, Object>> uploaded = upload(secretary, xlsx(rows()));
    assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(uploaded.getBody()).containsEntry("recorded", 40).containsEntry("replaced", 0)
        .containsEntry("unrated", List.of());
    assertThat(storedRatings(2025)).isEqualTo(40);
    // The sheet to fill in lists every member with the rating recorded; sent back as it is, it replaces each one.
    ResponseEntity<byte[]> sheet = rest.withBasicAuth(secretary, "demo")
        .getForEntity("/api/branches/" + branch + "/ratings/2025.xlsx", byte[].class);
    assertThat(sheet.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(sheet.getBody()))) {
      Sheet filled = read.getSheetAt(0);
      assertThat(filled.getLastRowNum()).isEqualTo(40);
      List<String> lines = new ArrayList<>();
      filled.forEach(row -> lines.add(row.getCell(0).getStringCellValue() + " " + row.getCell(2).getStringCellValue()));
      assertThat(lines).contains("memberCode rating", group.get("turning18").get(0) + " Hoàn thành tốt nhiệm vụ",
          group.get("ratedBelowGood").get(0) + " Hoàn thành nhiệm vụ");
    }
    assertThat(upload(secretary, sheet.getBody()).getBody()).containsEntry("recorded", 40)
        .containsEntry("replaced", 40);
    assertThat(storedRatings(2025)).isEqualTo(40);

    // Two nominated and one admitted already: not in the pool.
    group.get("nominated").forEach(code -> pipeline.nominateAs(secretary, code));
    String admitted = group.get("admitted").get(0);
    pipeline.nominateAs(secretary, admitted);
    // Admitted by SQL rather than through the whole pipeline; its in-progress counter moved as the application would.
    jdbc.update("update stage_count set candidacies = candidacies - 1 where (branch_code, stage) in"
        + " (select branch_code, stage from candidacy where member_code = ?)", admitted);
    jdbc.update("update candidacy set status = 'ADMITTED', open_member_code = null where member_code = ?", admitted);

    Map<String, Object> pool = http.get(secretary, "/api/pool?unit=" + branch + "&year=2026").json();
    assertThat(pool).containsEntry("asOf", "2026-04-15").containsEntry("members", 37)
        .containsEntry("eligibleNow", 10).containsEntry("eligibleWithinYear", 2).containsEntry("agingOut", 3);
    List<Map<String, Object>> candidates = candidates(pool);
    assertThat(candidates).hasSize(12);
    assertThat(codes(candidates, c -> "NOW".equals(c.get("when")) && !(Boolean) c.get("agingOut")))
        .containsExactlyInAnyOrderElementsOf(group.get("eligible"));
    // Reaching 372 months (over 30) in June, September and December 2026: to nominate before the month before.
    assertThat(candidates.stream().filter(c -> (Boolean) c.get("agingOut")).map(c -> c.get("memberCode") + " "
        + c.get("eligibleUntil")).toList()).containsExactly(group.get("agingOut").get(0) + " 2026-05-31",
        group.get("agingOut").get(1) + " 2026-08-31", group.get("agingOut").get(2) + " 2026-11-30");
    // Turning 18 (216 months) in July and November 2026.
    assertThat(candidates.stream().filter(c -> "WITHIN_YEAR".equals(c.get("when"))).map(c -> c.get("memberCode")
        + " " + c.get("eligibleFrom")).toList()).containsExactly(group.get("turning18").get(0) + " 2026-07-01",
        group.get("turning18").get(1) + " 2026-11-01");

    // The grassroots unit and the bloc above see the same twelve; the secretary sees her branch only.
    assertThat(candidates(http.get(committee, "/api/pool?unit=" + grassroots).json())).hasSize(12);
    assertThat(candidates(http.get("admin", "/api/pool?unit=DK").json()))
        .filteredOn(c -> branch.equals(c.get("branchCode"))).hasSize(12);
    assertThat(http.get(secretary, "/api/pool?unit=" + grassroots).status()).isEqualTo(403);
    assertThat(http.get("secretary2", "/api/pool?unit=" + branch).status()).isEqualTo(403);
    assertThat(candidates(http.get("secretary", "/api/pool?unit=KTNN-01").json()))
        .noneMatch(c -> branch.equals(c.get("branchCode")));

    eightOfThePoolGoThroughOneMeetingAtEachStage();
  }

  /**
   * The rest of the branch's year: eight of the pool nominated (the seven eligible, two of them with a valid awareness
   * certificate, and the first aging out); one branch meeting for the eight, where seven pass and one fails by one vote;
   * one youth committee resolution for the seven; the list handed to the Party with their seven names; one awareness
   * class for the five without a certificate; the branch's report and stall view move by exactly those numbers.
   */
  private void eightOfThePoolGoThroughOneMeetingAtEachStage() {
    Map<String, Object> reportBefore = branchFigures("/api/reports/annual");
    Map<String, Object> stallsBefore = branchFigures("/api/reports/stalls");
    List<String> codes = new ArrayList<>(group.get("eligible"));
    codes.add(group.get("agingOut").get(0));
    List<ProcessInstance> eight = codes.stream().map(code -> pipeline.nominateAs(secretary, code)).toList();
    List<ProcessInstance> seven = eight.subList(0, 7);
    ProcessInstance failing = eight.get(7);

    // The branch meeting: 25 members, 22 present; seven get 20 votes for, the eighth 12, one below more than half of 25.
    List<Map<String, Object>> votes = new ArrayList<>();
    seven.forEach(i -> votes.add(Map.of("candidacyId", id(i), "votesFor", 20, "votesAgainst", 2)));
    votes.add(Map.of("candidacyId", id(failing), "votesFor", 12, "votesAgainst", 10));
    Map<String, Object> branchMeeting = meeting(secretary, Map.of("stage", "recordBranchVote", "unit", branch,
        "shared", Map.of("meetingDate", pipeline.daysAgo(12), "branchMemberCount", 25, "attendeeCount", 22,
            "resolutionNumber", "07-NQ/CĐ"), "results", votes));
    assertThat(outcomes(branchMeeting)).hasSize(8).filteredOn(o -> Boolean.TRUE.equals(o.get("passed"))).hasSize(7);
    assertThat(candidacies.get(id(failing)).getStatus()).isEqualTo(CandidacyStatus.REJECTED);
    seven.forEach(i -> assertThat(pipeline.task(i).getTaskDefinitionKey()).isEqualTo("recordYouthCommitteeResolution"));
    assertThat(records.lastStageRecord(id(seven.get(0)), "recordBranchVote").getSummary())
        .contains("Ghi nhận chung tại cuộc họp số " + branchMeeting.get("meetingId"));
    assertThat(DocumentText.docx(download(secretary, "/api/candidacies/" + id(failing) + "/documents/4_1-KND.docx")))
        .contains("cuộc họp số " + branchMeeting.get("meetingId"), "12 đoàn viên tán thành",
            "không đạt tỷ lệ tán thành");

    // One resolution of the youth committee for the seven.
    List<Map<String, Object>> resolution = new ArrayList<>();
    seven.forEach(i -> resolution.add(Map.of("candidacyId", id(i), "votesFor", 9, "votesAgainst", 0)));
    meeting(committee, Map.of("stage", "recordYouthCommitteeResolution", "unit", grassroots, "shared",
        Map.of("resolutionDate", pipeline.daysAgo(11), "committeeMemberCount", 9, "resolutionNumber", "21-NQ/ĐTN"),
        "results", resolution));
    seven.forEach(pipeline::runAutomaticSteps);
    assertThat(seven).extracting(i -> pipeline.task(i).getTaskDefinitionKey()).containsExactly("assignIntroducer",
        "assignIntroducer", "recordAwarenessCertificate", "recordAwarenessCertificate", "recordAwarenessCertificate",
        "recordAwarenessCertificate", "recordAwarenessCertificate");

    // The list handed to the Party names the seven (and not the eighth), in .docx and PDF; each records the handover.
    String period = "?unit=" + grassroots + "&from=" + pipeline.daysAgo(11) + "&to=" + pipeline.daysAgo(11);
    for (String text : List.of(DocumentText.docx(download(committee, "/api/handovers/list.docx" + period)),
        DocumentText.pdf(download(committee, "/api/handovers/list.pdf" + period)))) {
      assertThat(text).contains("DANH SÁCH", "giới thiệu 7 đoàn viên ưu tú", "Nghị quyết giới thiệu số 21-NQ/ĐTN");
      seven.forEach(i -> assertThat(text).contains(records.memberName(i)));
      assertThat(text).doesNotContain(records.memberName(failing));
    }
    Answer handover = http.post(committee, "/api/handovers", Map.of("unit", grassroots, "from", pipeline.daysAgo(11),
        "to", pipeline.daysAgo(11), "handedOverOn", pipeline.daysAgo(1), "handedOverBy", "Đ/c Bí thư Đoàn cơ sở"));
    assertThat(handover.status()).as(handover.body()).isEqualTo(201);
    seven.forEach(i -> assertThat(candidacies.get(id(i)).getHandedOverOn()).isEqualTo(pipeline.today().minusDays(1)));

    // One awareness class for the five without a valid certificate.
    List<Map<String, Object>> classResults = new ArrayList<>();
    seven.subList(2, 7).forEach(i -> classResults.add(Map.of("candidacyId", id(i), "attended", true,
        "certificateNumber", "GCN-" + id(i))));
    meeting(cellOfficer, Map.of("stage", "recordAwarenessCertificate", "unit", cell, "shared",
        Map.of("certificateDate", pipeline.daysAgo(2)), "results", classResults));
    seven.forEach(pipeline::runAutomaticSteps);
    assertThat(seven).extracting(i -> pipeline.task(i).getTaskDefinitionKey()).containsOnly("assignIntroducer");

    // The branch's yearly report (what the dashboard shows) and its stall view count the same.
    Map<String, Object> reportAfter = branchFigures("/api/reports/annual");
    assertThat(number(reportAfter, "nominated") - number(reportBefore, "nominated")).isEqualTo(8);
    assertThat(number(reportAfter, "introduced") - number(reportBefore, "introduced")).isEqualTo(7);
    assertThat(waiting(reportAfter, "assignIntroducer") - waiting(reportBefore, "assignIntroducer")).isEqualTo(7);
    Map<String, Object> stallsAfter = branchFigures("/api/reports/stalls");
    assertThat(completed(stallsAfter, "recordBranchVote") - completed(stallsBefore, "recordBranchVote")).isEqualTo(8);
    assertThat(completed(stallsAfter, "recordYouthCommitteeResolution")
        - completed(stallsBefore, "recordYouthCommitteeResolution")).isEqualTo(7);
    assertThat(completed(stallsAfter, "recordAwarenessCertificate")
        - completed(stallsBefore, "recordAwarenessCertificate")).isEqualTo(5);
  }

  private Map<String, Object> meeting(String user, Map<String, Object> body) {
    Answer answer = http.post(user, "/api/meetings", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> outcomes(Map<String, Object> meeting) {
    return (List<Map<String, Object>>) meeting.get("candidacies");
  }

  private byte[] download(String user, String url) {
    ResponseEntity<byte[]> answer = rest.withBasicAuth(user, "demo").getForEntity(url, byte[].class);
    assertThat(answer.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  /** The branch's figures of the year, as its secretary reads them. */
  private Map<String, Object> branchFigures(String path) {
    Answer answer = http.get(secretary, path + "?year=2026&unit=" + branch);
    assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
    return answer.json();
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
  void ratingsAreKeptPerYearAndTheNominationReadsThePreviousYears() {
    String rated = members.register(d -> d.branch(branch).rated(Rating.EXCELLENT,
        2024));
    String ratedLater = members.register(d -> d.branch(branch).rated(Rating.GOOD,
        2024));

    Answer first = http.put(secretary, "/api/branches/" + branch + "/ratings/2025",
        List.of(Map.of("memberCode", rated, "rating", "COMPLETED"), Map.of("memberCode", ratedLater, "rating", "GOOD")));
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json()).containsEntry("recorded", 2).containsEntry("replaced", 0);
    // Excellent in 2024, only "completed" in 2025: refused, whatever the years before.
    assertThatThrownBy(() -> pipeline.nominateAs(secretary, rated)).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Năm trước không được xếp loại hoàn thành xuất sắc hoặc hoàn thành tốt nhiệm vụ");
    // 2026 rated already (the latest), 2025 good: the rule reads 2025.
    assertThat(http.put(committee, "/api/branches/" + branch + "/ratings/2026",
        List.of(Map.of("memberCode", ratedLater, "rating", "NOT_COMPLETED"))).status()).isEqualTo(200);
    assertThat(http.get(secretary, "/api/members/" + ratedLater).json()).containsEntry("lastRating", "NOT_COMPLETED")
        .containsEntry("lastRatingYear", 2026);
    ProcessInstance nominated = pipeline.nominateAs(secretary, ratedLater);
    assertThat(nominated.getBusinessKey()).isNotBlank();

    // Recording 2025 again replaces that year's rating: now "good", the member may be nominated.
    Answer again = http.put(secretary, "/api/branches/" + branch + "/ratings/2025",
        List.of(Map.of("memberCode", rated, "rating", "Hoàn thành tốt nhiệm vụ")));
    assertThat(again.json()).containsEntry("recorded", 1).containsEntry("replaced", 1);
    assertThat(again.json().get("message").toString()).contains("thay 1 xếp loại đã ghi trước đó của năm này");
    assertThat(pipeline.nominateAs(secretary, rated).getBusinessKey()).isNotBlank();

    List<Map<String, Object>> history = http.get(secretary, "/api/members/" + ratedLater + "/ratings").list();
    assertThat(history).extracting(r -> r.get("year") + " " + r.get("rating") + " " + r.get("recordedBy"))
        .containsExactly("2024 GOOD null", "2025 GOOD " + secretary, "2026 NOT_COMPLETED " + committee);
    assertThat(jdbc.queryForList("select rating_year from member_rating where member_code = ? order by rating_year",
        Integer.class, rated)).containsExactly(2024, 2025);
  }

  @Test
  void theMentorAssignedByThePartyCellIsTheDefaultIntroducer() {
    String mentee = members.register(d -> d.branch(branch));
    Map<String, Object> mentor = Map.of("mentorName", "Trần Thị Hướng Dẫn", "mentorOfficialSince", "2015-03-02");

    assertThat(http.put(secretary, "/api/members/" + mentee + "/mentor", mentor).status()).isEqualTo(403);
    assertThat(http.put("partycell", "/api/members/" + mentee + "/mentor", mentor).status()).isEqualTo(403);
    Answer assigned = http.put(cellOfficer, "/api/members/" + mentee + "/mentor", mentor);
    assertThat(assigned.status()).isEqualTo(200);
    assertThat(assigned.json()).containsEntry("mentorName", "Trần Thị Hướng Dẫn").containsEntry("assignedBy",
        cellOfficer);
    assertThat(candidates(http.get(cellOfficer, "/api/pool?unit=" + cell).json()))
        .filteredOn(c -> mentee.equals(c.get("memberCode")))
        .extracting(c -> c.get("mentorName")).containsExactly("Trần Thị Hướng Dẫn");

    ProcessInstance instance = pipeline.nominateAs(secretary, mentee);
    Map<String, String> userOf = Map.of("recordBranchVote", secretary, "recordYouthCommitteeResolution", committee,
        "recordAwarenessCertificate", cellOfficer);
    for (String stage : List.of("recordBranchVote", "recordYouthCommitteeResolution", "recordAwarenessCertificate")) {
      pipeline.complete(instance, stage, pipeline.valid(stage), userOf::get);
    }
    String task = pipeline.task(instance).getId();
    assertThat(pipeline.task(instance).getTaskDefinitionKey()).isEqualTo("assignIntroducer");

    // What Tasklist loads into the form: the mentor, already entered.
    Map<String, Object> shown = http.get(cellOfficer, "/engine-rest/task/" + task + "/form-variables").json();
    assertThat(Arrays.asList(valueOf(shown, "introducerName"), valueOf(shown, "introducerOfficialSince")))
        .containsExactly("Trần Thị Hướng Dẫn", "2015-03-02");
  }

  private static Object valueOf(Map<String, Object> variables, String name) {
    return variables.get(name) instanceof Map<?, ?> variable ? variable.get("value") : null;
  }

  private void registerFortyMembers() {
    // Eligible now, and still in twelve months: born 2000 (310 months old); the first two with an awareness
    // certificate two years old (valid 60 months).
    add("eligible", d -> d.born(LocalDate.of(2000, 6, 15)).certificate(LocalDate.of(2024, 4, 1)), "EXCELLENT", 2);
    add("eligible", d -> d.born(LocalDate.of(2000, 6, 15)), "EXCELLENT", 2);
    add("eligible", d -> d.born(LocalDate.of(2001, 2, 3)), "Hoàn thành tốt nhiệm vụ", 3);
    // Eligible now (370, 367 and 364 months), over 30 (372 months) in June, September, December 2026.
    add("agingOut", d -> d.born(LocalDate.of(1995, 6, 10)), "EXCELLENT", 1);
    add("agingOut", d -> d.born(LocalDate.of(1995, 9, 20)), "EXCELLENT", 1);
    add("agingOut", d -> d.born(LocalDate.of(1995, 12, 5)), "GOOD", 1);
    // 213 and 209 months old now: 18 (216 months) in July and November 2026.
    add("turning18", d -> d.born(LocalDate.of(2008, 7, 1)), "GOOD", 1);
    add("turning18", d -> d.born(LocalDate.of(2008, 11, 20)), "GOOD", 1);
    // Not in the pool: rated below "good" in 2025 (18)...
    add("ratedBelowGood", d -> d.born(LocalDate.of(1999, 1, 1)), "COMPLETED", 14);
    add("ratedBelowGood", d -> d.born(LocalDate.of(1999, 1, 1)), "NOT_COMPLETED", 4);
    // ... 214 months old at the end of 2026, still under 18 (2)...
    add("tooYoung", d -> d.born(LocalDate.of(2009, 2, 10)), "GOOD", 2);
    // ... over 30: 387 months, and 372 to the month (2)...
    add("tooOld", d -> d.born(LocalDate.of(1994, 1, 10)), "EXCELLENT", 1);
    add("tooOld", d -> d.born(LocalDate.of(1995, 4, 1)), "EXCELLENT", 1);
    // ... not active, below lower secondary (3)...
    add("inactive", Draft::inactive, "EXCELLENT", 2);
    add("primary", d -> d.education(Education.PRIMARY), "EXCELLENT", 1);
    // ... and nominated or admitted already (3).
    add("nominated", d -> d, "EXCELLENT", 2);
    add("admitted", d -> d, "EXCELLENT", 1);
    assertThat(ratingOf).hasSize(40);
  }

  /** Members registered with a rating of 2024 only, so that the upload's 2025 ratings are what decides. */
  private void add(String kind, UnaryOperator<Draft> draft, String rating2025, int count) {
    for (int i = 0; i < count; i++) {
      String code = members.register(d -> draft.apply(d.branch(branch)
          .rated(Rating.EXCELLENT, 2024)));
      ratingOf.put(code, rating2025);
      group.computeIfAbsent(kind, k -> new ArrayList<>()).add(code);
    }
  }

  private List<String[]> rows() {
    List<String[]> rows = new ArrayList<>();
    ratingOf.forEach((code, rating) -> rows.add(new String[] {code, "Nguyễn Văn Thử " + code, rating}));
    return rows;
  }

  private static byte[] xlsx(List<String[]> rows) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Xếp loại 2025");
      String[] header = {"memberCode", "fullName", "rating"};
      Row first = sheet.createRow(0);
      for (int c = 0; c < header.length; c++) {
        first.createCell(c).setCellValue(header[c]);
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < header.length; c++) {
          row.createCell(c).setCellValue(rows.get(r)[c]);
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private ResponseEntity<Map<String, Object>> upload(String user, byte[] content) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return "xep-loai-2025.xlsx";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo").exchange("/api/branches/" + branch + "/ratings/2025/import",
        HttpMethod.POST, new HttpEntity<>(form, headers), OBJECT);
  }

  @SuppressWarnings("unchecked")
  private static List<String> problems(ResponseEntity<Map<String, Object>> answer) {
    return ((List<Map<String, Object>>) answer.getBody().get("problems")).stream()
        .map(p -> p.get("row") + "/" + p.get("column")).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> candidates(Map<String, Object> pool) {
    return (List<Map<String, Object>>) pool.get("candidates");
  }

  private static List<String> codes(List<Map<String, Object>> candidates,
      Predicate<Map<String, Object>> which) {
    return candidates.stream().filter(which).map(c -> (String) c.get("memberCode")).toList();
  }

  private int storedRatings(int year) {
    return jdbc.queryForObject("select count(*) from member_rating r join member m on m.code = r.member_code"
        + " where m.branch_code = ? and r.rating_year = ?", Integer.class, branch, year);
  }

  private void createUnit(String code, String name, String kind, String parent, String partyCell) {
    Map<String, Object> unit = new LinkedHashMap<>();
    unit.put("code", code);
    unit.put("name", name);
    unit.put("kind", kind);
    unit.put("parentCode", parent);
    unit.put("partyCellCode", partyCell);
    NodeClient.expectOk(http.post("admin", "/api/units", unit), "create unit " + code);
  }

  /** A user of one unit's group, with the demo password. */
  private String user(String id, String groupId) {
    User user = identity.newUser(id);
    user.setFirstName("Cán bộ");
    user.setLastName(id);
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(id, groupId);
    return id;
  }
}
