package vn.doanthanhnien.admission.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.doanthanhnien.admission.candidacy.CandidacyRepository;
import vn.doanthanhnien.admission.candidacy.CandidacyStatus;
import vn.doanthanhnien.admission.support.Pipeline;
import vn.doanthanhnien.admission.support.PipelineTest;
import vn.doanthanhnien.admission.support.TestMembers;

/**
 * A year of candidacies of the demo branches KTNN-01 and HVBC-01, driven through the process with the engine's clock
 * moved to the day of each step: admitted, rejected at each vote, at the background check and by the decision,
 * withdrawn, some nominated or introduced in 2024, some left in progress. The test keeps its own account of what it did
 * ({@link Plan}), computes every figure from that account and compares them with the JSON report and the workbook, for
 * every unit of both trees above these branches.
 *
 * <p>No other test dates anything in 2024 or 2025 (they run at today's date; DeadlinesTest in January 2026), so the
 * year's counts are compared as they are. What the report counts as of now (in progress, overdue) includes the other
 * tests' open candidacies, so those are compared as the change since before this class built its year.
 */
@PipelineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AYearOfCandidaciesTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final int YEAR = 2025;
  private static final String KTNN_01 = "KTNN-01";
  private static final String HVBC_01 = "HVBC-01";

  /** The demo units above the two branches, in both trees (docs/domain.md, demo data), and the branches each answers for. */
  private static final Map<String, Set<String>> BRANCHES_OF = Map.of(
      "DK", Set.of(KTNN_01, HVBC_01), "KTNN", Set.of(KTNN_01), KTNN_01, Set.of(KTNN_01),
      "HVBC", Set.of(HVBC_01), HVBC_01, Set.of(HVBC_01),
      "DUK", Set.of(KTNN_01, HVBC_01), "DU-KTNN", Set.of(KTNN_01), "CB-KTNN-01", Set.of(KTNN_01),
      "DU-HVBC", Set.of(HVBC_01), "CB-HVBC-01", Set.of(HVBC_01));

  /** The quotas this test sets for 2025, of Youth Union units only: a Party unit has none (QuotaApiTest). */
  private static final Map<String, Integer> QUOTAS = Map.of("DK", 20, "KTNN", 14, KTNN_01, 14, "HVBC", 8,
      HVBC_01, 6);

  /** Officers of the HVBC chain, which the demo data leave without users except for its secretary and DUK's. */
  private static final Map<String, String> HVBC_OFFICERS = Map.of("year-youth-hvbc", "youth-committee.HVBC",
      "year-cell-hvbc", "party-cell.CB-HVBC-01", "year-committee-hvbc", "party-committee.DU-HVBC");

  private static final String DECISION = "recordAdmissionDecision";
  private static final String CEREMONY = "recordAdmissionCeremony";

  enum End { ADMITTED, REJECTED, WITHDRAWN, WAITING }

  /**
   * One candidacy as this test drives it: nominated at a time of day in Vietnam, introduced by a youth committee
   * resolution dated {@code introduced} (null: never introduced), decided on {@code decided} (null: no decision), and
   * ending at {@code stage}: admitted after the ceremony, rejected there, withdrawn while waiting there, or waiting
   * there still.
   */
  record Plan(String branch, LocalDateTime nominated, LocalDate introduced, LocalDate decided, String stage, End end) {

    boolean admitted() {
      return decided != null && !(end == End.REJECTED && stage.equals(DECISION));
    }

    /** The date of each step, and the day the engine's clock shows while it is recorded. */
    LocalDate dateOf(String taskKey) {
      LocalDate nominatedOn = nominated.toLocalDate();
      return switch (taskKey) {
        case "recordBranchVote" -> nominatedOn.plusDays(2);
        case "recordYouthCommitteeResolution" -> introduced != null ? introduced : nominatedOn.plusDays(5);
        case "recordAwarenessCertificate" -> introduced.plusDays(1);
        case "assignIntroducer" -> introduced.plusDays(2);
        case "checkDossier" -> introduced.plusDays(3);
        case "verifyBackground" -> introduced.plusDays(5);
        case "collectOpinions" -> introduced.plusDays(8);
        case "recordPartyCellVote" -> introduced.plusDays(10);
        case "recordPartyCommitteeVote" -> introduced.plusDays(12);
        case DECISION -> decided != null ? decided : introduced.plusDays(14);
        case CEREMONY -> decided.plusDays(3);
        default -> throw new IllegalArgumentException(taskKey);
      };
    }
  }

  private static Plan admitted(String branch, String nominated, String introduced, String decided) {
    return new Plan(branch, time(nominated), LocalDate.parse(introduced), LocalDate.parse(decided), CEREMONY,
        End.ADMITTED);
  }

  private static Plan ended(End end, String branch, String nominated, String introduced, String decided,
      String stage) {
    return new Plan(branch, time(nominated), introduced == null ? null : LocalDate.parse(introduced),
        decided == null ? null : LocalDate.parse(decided), stage, end);
  }

  private static LocalDateTime time(String value) {
    return value.length() == 10 ? LocalDate.parse(value).atTime(9, 30) : LocalDateTime.parse(value);
  }

  private static final List<Plan> PLANS = List.of(
      admitted(KTNN_01, "2025-02-10", "2025-02-24", "2025-05-12"),
      admitted(KTNN_01, "2025-03-03", "2025-03-17", "2025-06-02"),
      admitted(KTNN_01, "2025-04-07", "2025-04-21", "2025-07-14"),
      admitted(KTNN_01, "2025-05-05", "2025-05-19", "2025-08-18"),
      admitted(KTNN_01, "2025-06-02", "2025-06-16", "2025-09-15"),
      admitted(KTNN_01, "2024-10-07", "2024-10-21", "2025-01-13"),
      admitted(KTNN_01, "2024-11-04", "2024-11-18", "2024-12-16"),
      admitted(KTNN_01, "2024-12-02", "2025-01-06", "2025-03-10"),
      ended(End.REJECTED, KTNN_01, "2024-10-14", null, null, "recordBranchVote"),
      ended(End.REJECTED, KTNN_01, "2025-02-17", null, null, "recordBranchVote"),
      ended(End.REJECTED, KTNN_01, "2025-03-10", null, null, "recordYouthCommitteeResolution"),
      ended(End.REJECTED, KTNN_01, "2025-04-14", "2025-04-28", null, "verifyBackground"),
      ended(End.REJECTED, KTNN_01, "2025-05-12", "2025-05-26", null, "recordPartyCellVote"),
      ended(End.REJECTED, KTNN_01, "2025-06-09", "2025-06-23", null, "recordPartyCommitteeVote"),
      ended(End.REJECTED, KTNN_01, "2025-07-07", "2025-07-21", "2025-10-06", DECISION),
      ended(End.WITHDRAWN, KTNN_01, "2025-08-04", "2025-08-18", null, "collectOpinions"),
      ended(End.WAITING, KTNN_01, "2025-11-03", null, null, "recordBranchVote"),
      ended(End.WAITING, KTNN_01, "2025-09-01", "2025-09-15", null, "verifyBackground"),
      ended(End.WAITING, KTNN_01, "2025-08-11", "2025-08-25", null, DECISION),
      ended(End.WAITING, KTNN_01, "2025-09-08", "2025-09-22", "2025-12-08", CEREMONY),
      ended(End.WAITING, KTNN_01, "2025-10-06", "2025-10-20", null, "collectOpinions"),
      // Half an hour into 2025 in Vietnam, still 31 December 2024 in UTC: nominated in 2025.
      admitted(HVBC_01, "2025-01-01T00:30", "2025-01-14", "2025-04-07"),
      admitted(HVBC_01, "2025-03-17", "2025-03-31", "2025-06-16"),
      admitted(HVBC_01, "2025-06-16", "2025-06-30", "2025-09-29"),
      ended(End.REJECTED, HVBC_01, "2024-12-31T23:30", null, null, "recordBranchVote"),
      ended(End.REJECTED, HVBC_01, "2024-11-11", "2024-11-25", null, "recordPartyCellVote"),
      ended(End.REJECTED, HVBC_01, "2025-04-21", "2025-05-05", null, "verifyBackground"),
      ended(End.REJECTED, HVBC_01, "2025-08-18", "2025-09-01", "2025-11-17", DECISION),
      ended(End.WITHDRAWN, HVBC_01, "2025-05-19", null, null, "recordYouthCommitteeResolution"),
      ended(End.WAITING, HVBC_01, "2025-07-14", "2025-07-28", null, "collectOpinions"),
      ended(End.WAITING, HVBC_01, "2025-10-13", "2025-10-27", null, "checkDossier"),
      ended(End.WAITING, HVBC_01, "2025-11-10", "2025-11-24", null, "recordPartyCommitteeVote"));

  @Autowired TestRestTemplate rest;
  @Autowired Pipeline pipeline;
  @Autowired TestMembers members;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired CandidacyRepository candidacies;
  @Autowired ReportService reports;

  /** The report of each unit as it was before this class drove its candidacies. */
  private final Map<String, Map<String, Object>> before = new HashMap<>();
  /** The instance of each plan. */
  private final Map<Plan, ProcessInstance> driven = new LinkedHashMap<>();

  /**
   * Once, before the first test (inside it, where process test coverage records instances; a {@code @BeforeAll}
   * method runs outside any test).
   */
  @BeforeEach
  void driveAYearOfCandidacies() {
    if (!driven.isEmpty()) {
      return;
    }
    HVBC_OFFICERS.forEach(this::ensureUser);
    QUOTAS.forEach((unit, quota) -> assertThat(as("admin").exchange("/api/quotas/{year}/{unit}", HttpMethod.PUT,
        new HttpEntity<>(Map.of("introduced", quota)), OBJECT, YEAR, unit).getStatusCode()).isEqualTo(HttpStatus.OK));
    BRANCHES_OF.keySet().forEach(unit -> before.put(unit, report(YEAR, unit)));
    try {
      PLANS.forEach(plan -> driven.put(plan, drive(plan)));
    } finally {
      ClockUtil.reset();
    }
  }

  /** Leaves nothing open for other tests' deadline checks to remind about. */
  @AfterAll
  void withdrawWhatIsStillOpen() {
    ClockUtil.reset();
    driven.forEach((plan, instance) -> {
      if (plan.end() == End.WAITING) {
        assertThat(withdraw("admin", instance).getStatusCode()).isEqualTo(HttpStatus.OK);
      }
    });
  }

  @Test
  void nominatedIntroducedAndAdmittedOfEachYearAreCountedForEveryUnitOfBothTrees() {
    for (int year : List.of(2024, YEAR)) {
      for (String unit : BRANCHES_OF.keySet()) {
        Map<String, Object> report = report(year, unit);
        assertThat(count(report, "nominated")).as("nominated in %s, %d", unit, year)
            .isEqualTo(expected(unit, p -> p.nominated().getYear() == year));
        assertThat(count(report, "introduced")).as("introduced in %s, %d", unit, year)
            .isEqualTo(expected(unit, p -> p.introduced() != null && p.introduced().getYear() == year));
        assertThat(count(report, "admitted")).as("admitted in %s, %d", unit, year)
            .isEqualTo(expected(unit, p -> p.admitted() && p.decided().getYear() == year));
      }
    }
  }

  @Test
  void theCountsReadForEveryBranchGiveTheSameReportAsThoseReadForTheUnitsBranches() {
    Map<String, Map<String, Object>> listed = new TreeMap<>();
    for (int year : List.of(2024, YEAR)) {
      BRANCHES_OF.keySet().forEach(unit -> listed.put(year + " " + unit, report(year, unit)));
    }
    reports.listBranchesUpTo(0);
    try {
      listed.forEach((yearAndUnit, report) -> assertThat(report(Integer.parseInt(yearAndUnit.substring(0, 4)),
          yearAndUnit.substring(5))).as(yearAndUnit).isEqualTo(report));
    } finally {
      reports.listBranchesUpTo(50);
    }
  }

  @Test
  void theRatiosCompareWithTheQuotaOfTheUnitAndYear() {
    for (String unit : BRANCHES_OF.keySet()) {
      Map<String, Object> report = report(YEAR, unit);
      Integer quota = QUOTAS.get(unit);
      assertThat(report.get("quota")).as("quota of %s", unit).isEqualTo(quota);
      if (quota == null) {
        assertThat(report.get("introducedToQuota")).isNull();
        assertThat(report.get("admittedToQuota")).isNull();
      } else {
        assertThat(((Number) report.get("introducedToQuota")).doubleValue()).as("introduced / quota in %s", unit)
            .isCloseTo((double) expected(unit, p -> p.introduced() != null && p.introduced().getYear() == YEAR)
                / quota, within(1e-9));
        assertThat(((Number) report.get("admittedToQuota")).doubleValue()).as("admitted / quota in %s", unit)
            .isCloseTo((double) expected(unit, p -> p.admitted() && p.decided().getYear() == YEAR) / quota,
                within(1e-9));
      }
    }
    assertThat(report(2024, "DK").get("quota")).as("a quota is set for one year").isNull();
  }

  @Test
  void theCandidaciesLeftInProgressAddToTheirStageAndTheOverdueOnesToOverdue() {
    for (String unit : BRANCHES_OF.keySet()) {
      Map<String, Object> report = report(YEAR, unit);
      Map<String, Long> added = new TreeMap<>();
      stages(report).forEach((stage, count) -> added.put(stage, count - stages(before.get(unit)).getOrDefault(stage,
          0L)));
      added.values().removeIf(n -> n == 0);
      Map<String, Long> expected = mine(unit).filter(p -> p.end() == End.WAITING)
          .collect(Collectors.groupingBy(Plan::stage, TreeMap::new, Collectors.counting()));
      assertThat(added).as("in progress by stage, added in %s", unit).isEqualTo(expected);
      assertThat(count(report, "overdue") - count(before.get(unit), "overdue")).as("overdue added in %s", unit)
          .isEqualTo(overdueInTheEngine(unit));
    }
    assertThat(overdueInTheEngine("DK")).as("left at a stage whose deadline passed in 2025 or early 2026")
        .isEqualTo(4);
  }

  @Test
  void subUnitsAddUpToTheirUnitInBothTreesAndAPartyCellBreaksDownIntoItsBranches() {
    Map<String, Object> bloc = report(YEAR, "DK");
    Map<String, Object> superior = report(YEAR, "DUK");

    assertThat(subUnitCodes(bloc)).contains("KTNN", "HVBC");
    assertThat(subUnitCodes(subUnit(bloc, "KTNN"))).contains(KTNN_01);
    assertThat(subUnitCodes(superior)).contains("DU-KTNN", "DU-HVBC");
    assertThat(subUnitCodes(subUnit(superior, "DU-KTNN"))).contains("CB-KTNN-01");
    assertThat(subUnitCodes(subUnit(subUnit(superior, "DU-KTNN"), "CB-KTNN-01"))).contains(KTNN_01);
    Map<String, Object> branchUnderTheCell = subUnit(subUnit(subUnit(superior, "DU-HVBC"), "CB-HVBC-01"), HVBC_01);
    assertThat(branchUnderTheCell).containsEntry("unitKind", "YOUTH_BRANCH").containsEntry("quota", QUOTAS.get(HVBC_01));
    assertThat(count(branchUnderTheCell, "admitted")).isEqualTo(expected(HVBC_01,
        p -> p.admitted() && p.decided().getYear() == YEAR));
    for (Map<String, Object> top : List.of(bloc, superior)) {
      assertAddsUp(top);
    }
  }

  @Test
  void theWorkbookHoldsTheSameFiguresAsNumbersWithTheStagesNamedInVietnamese() throws IOException {
    Map<String, String> taskNames = userTaskNamesOfTheModel();
    for (String top : List.of("DK", "DUK")) {
      ResponseEntity<byte[]> download = as("admin").getForEntity("/api/reports/annual.xlsx?year={year}&unit={unit}",
          byte[].class, YEAR, top);
      assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(download.getHeaders().getContentType().isCompatibleWith(ReportController.XLSX)).isTrue();
      assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
          .isEqualTo("attachment; filename=\"bao-cao-ket-nap-" + YEAR + "-" + top + ".xlsx\"");
      Map<String, Object> json = report(YEAR, top);

      try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.getBody()))) {
        Sheet summary = workbook.getSheet("Tổng hợp");
        assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo(
            "Báo cáo kết quả giới thiệu và kết nạp đoàn viên ưu tú vào Đảng năm " + YEAR);
        Map<String, Integer> columns = headerColumns(summary);
        assertThat(columns.keySet()).containsExactly("Cấp", "Mã đơn vị", "Tên đơn vị", "Loại đơn vị",
            "Chỉ tiêu giới thiệu", "Được đề cử", "Đã giới thiệu", "Đã kết nạp", "Giới thiệu / chỉ tiêu",
            "Kết nạp / chỉ tiêu", "Đang thực hiện", "Quá hạn");
        Map<String, Row> rows = rowsByUnit(summary, columns.get("Mã đơn vị"));
        assertThat(rows).containsOnlyKeys(flatten(json).keySet());
        assertThat(number(rows.get(top), columns.get("Cấp"))).isEqualTo(1);
        for (String unit : BRANCHES_OF.keySet().stream().filter(u -> rows.containsKey(u)).toList()) {
          Row row = rows.get(unit);
          Map<String, Object> unitJson = flatten(json).get(unit);
          assertThat(row.getCell(columns.get("Tên đơn vị")).getStringCellValue()).isEqualTo(unitJson.get("unitName"));
          assertThat(number(row, columns.get("Được đề cử"))).as("nominated in %s", unit)
              .isEqualTo(expected(unit, p -> p.nominated().getYear() == YEAR));
          assertThat(number(row, columns.get("Đã giới thiệu"))).as("introduced in %s", unit)
              .isEqualTo(expected(unit, p -> p.introduced() != null && p.introduced().getYear() == YEAR));
          assertThat(number(row, columns.get("Đã kết nạp"))).as("admitted in %s", unit)
              .isEqualTo(expected(unit, p -> p.admitted() && p.decided().getYear() == YEAR));
          assertThat(number(row, columns.get("Quá hạn"))).isEqualTo(count(unitJson, "overdue"));
          assertThat(number(row, columns.get("Đang thực hiện")))
              .isEqualTo(stages(unitJson).values().stream().mapToLong(Long::longValue).sum());
          Integer quota = QUOTAS.get(unit);
          Cell quotaCell = row.getCell(columns.get("Chỉ tiêu giới thiệu"));
          Cell ratioCell = row.getCell(columns.get("Kết nạp / chỉ tiêu"));
          if (quota == null) {
            assertThat(quotaCell.getCellType()).isEqualTo(CellType.BLANK);
            assertThat(ratioCell.getCellType()).isEqualTo(CellType.BLANK);
          } else {
            assertThat(number(row, columns.get("Chỉ tiêu giới thiệu"))).isEqualTo(quota.longValue());
            assertThat(ratioCell.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(ratioCell.getCellStyle().getDataFormatString()).contains("%");
            assertThat(ratioCell.getNumericCellValue()).isCloseTo(
                (double) expected(unit, p -> p.admitted() && p.decided().getYear() == YEAR) / quota, within(1e-9));
          }
        }
        if (top.equals("DUK")) {
          assertThat(number(rows.get("CB-KTNN-01"), columns.get("Cấp"))).isEqualTo(3);
          assertThat(number(rows.get(KTNN_01), columns.get("Cấp"))).as("the cell's branch below it").isEqualTo(4);
        }

        Sheet byStage = workbook.getSheet("Đang thực hiện theo bước");
        Row names = byStage.getRow(2);
        Row keys = byStage.getRow(3);
        Map<String, Integer> stageColumns = new HashMap<>();
        for (Cell key : keys) {
          if (!key.getStringCellValue().isEmpty()) {
            stageColumns.put(key.getStringCellValue(), key.getColumnIndex());
            assertThat(names.getCell(key.getColumnIndex()).getStringCellValue()).as("name above %s", key)
                .isEqualTo(taskNames.getOrDefault(key.getStringCellValue(), key.getStringCellValue()));
          }
        }
        assertThat(stageColumns).containsKeys(taskNames.keySet().toArray(String[]::new));
        assertThat(taskNames).containsEntry("verifyBackground", "Thẩm tra lý lịch")
            .containsEntry(DECISION, "Ghi quyết định kết nạp");
        Map<String, Row> stageRows = rowsByUnit(byStage, 1);
        for (String unit : BRANCHES_OF.keySet().stream().filter(stageRows::containsKey).toList()) {
          Map<String, Long> inWorkbook = new TreeMap<>();
          stageColumns.forEach((stage, column) -> {
            long n = number(stageRows.get(unit), column);
            if (n != 0) {
              inWorkbook.put(stage, n);
            }
          });
          assertThat(inWorkbook).as("in progress by stage in %s", unit).isEqualTo(stages(flatten(json).get(unit)));
        }
      }
    }
  }

  @Test
  void theWorkbookIsRefusedToAnOfficerOfAnotherUnitAsTheReportIs() {
    ResponseEntity<String> refused = as("secretary2").getForEntity("/api/reports/annual.xlsx?year={year}&unit=KTNN",
        String.class, YEAR);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).contains("Bạn không có quyền xem số liệu của đơn vị KTNN");
    assertThat(as("secretary").getForEntity("/api/reports/annual.xlsx?year={year}&unit=DK", String.class, YEAR)
        .getStatusCode()).as("the unit above one's own").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/reports/annual.xlsx?year={year}&unit=KTNN", String.class, YEAR)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    for (String[] allowed : new String[][] {{"secretary2", HVBC_01}, {"youthcommittee", "KTNN"},
        {"partycell", KTNN_01}, {"superior", "DUK"}}) {
      ResponseEntity<byte[]> download = as(allowed[0]).getForEntity(
          "/api/reports/annual.xlsx?year={year}&unit={unit}", byte[].class, YEAR, allowed[1]);
      assertThat(download.getStatusCode()).as("%s downloads %s", allowed[0], allowed[1]).isEqualTo(HttpStatus.OK);
      assertThat(download.getBody()).startsWith('P', 'K');
    }
    ResponseEntity<String> badYear = as("admin").getForEntity("/api/reports/annual.xlsx?year=1850&unit=DK",
        String.class);
    assertThat(badYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badYear.getBody()).contains("Năm phải trong khoảng 2000–2100");
  }

  // ---------------------------------------------------------------------------------------------------------------

  private ProcessInstance drive(Plan plan) {
    at(plan.nominated());
    String member = members.register(d -> d.branch(plan.branch()));
    ProcessInstance instance = pipeline.nominateAs(plan.branch().equals(KTNN_01) ? "secretary" : "secretary2", member);
    UnaryOperator<String> userOfTask = userOfTask(plan.branch());
    for (Task current = pipeline.task(instance); !current.getTaskDefinitionKey().equals(plan.stage());
        current = pipeline.task(instance)) {
      String stage = current.getTaskDefinitionKey();
      at(plan.dateOf(stage).atTime(10, 0));
      pipeline.complete(instance, stage, values(stage, plan.dateOf(stage)), userOfTask);
    }
    at(plan.dateOf(plan.stage()).atTime(10, 0));
    switch (plan.end()) {
      case ADMITTED -> pipeline.complete(instance, plan.stage(), values(plan.stage(), plan.dateOf(plan.stage())),
          userOfTask);
      case REJECTED -> pipeline.complete(instance, plan.stage(), failing(plan.stage(), plan.dateOf(plan.stage())),
          userOfTask);
      case WITHDRAWN -> assertThat(withdraw(plan.branch().equals(KTNN_01) ? "secretary" : "secretary2", instance)
          .getStatusCode()).isEqualTo(HttpStatus.OK);
      case WAITING -> {
      }
    }
    CandidacyStatus status = candidacies.findById(Long.valueOf(instance.getBusinessKey())).orElseThrow().getStatus();
    assertThat(status).as("%s", plan).isEqualTo(switch (plan.end()) {
      case ADMITTED -> CandidacyStatus.ADMITTED;
      case REJECTED -> CandidacyStatus.REJECTED;
      case WITHDRAWN -> CandidacyStatus.WITHDRAWN;
      case WAITING -> CandidacyStatus.IN_PROGRESS;
    });
    return instance;
  }

  private UnaryOperator<String> userOfTask(String branch) {
    if (branch.equals(KTNN_01)) {
      return Pipeline.USER_OF_TASK::get;
    }
    return taskKey -> switch (Pipeline.USER_OF_TASK.get(taskKey)) {
      case "secretary" -> "secretary2";
      case "youthcommittee" -> "year-youth-hvbc";
      case "partycell" -> "year-cell-hvbc";
      case "partycommittee" -> "year-committee-hvbc";
      default -> Pipeline.USER_OF_TASK.get(taskKey);
    };
  }

  /** Valid input for the stage, every date of it set to {@code date}. */
  private Map<String, Object> values(String stage, LocalDate date) {
    Map<String, Object> values = pipeline.valid(stage);
    for (String field : List.of("meetingDate", "resolutionDate", "certificateDate", "dossierDate", "decisionDate",
        "ceremonyDate")) {
      values.computeIfPresent(field, (name, value) -> date.toString());
    }
    return values;
  }

  /** Input that ends the candidacy at the stage: a vote one short of its threshold, a concern, a refusal. */
  private Map<String, Object> failing(String stage, LocalDate date) {
    Map<String, Object> values = values(stage, date);
    switch (stage) {
      case "recordBranchVote" -> {
        values.put("votesFor", 11);
        values.put("votesAgainst", 11);
      }
      case "recordYouthCommitteeResolution" -> {
        values.put("votesFor", 4);
        values.put("votesAgainst", 5);
      }
      case "verifyBackground" -> values.put("backgroundClear", false);
      case "recordPartyCellVote" -> {
        values.put("votesFor", 7);
        values.put("votesAgainst", 5);
      }
      case "recordPartyCommitteeVote" -> {
        values.put("votesFor", 9);
        values.put("votesAgainst", 6);
      }
      case DECISION -> values.put("approved", false);
      default -> throw new IllegalArgumentException("No failing input for " + stage);
    }
    return values;
  }

  private ResponseEntity<String> withdraw(String user, ProcessInstance instance) {
    return as(user).postForEntity("/api/candidacies/{id}/withdraw", Map.of("reason", "Đoàn viên chuyển công tác"),
        String.class, instance.getBusinessKey());
  }

  private Stream<Plan> mine(String unit) {
    return PLANS.stream().filter(p -> BRANCHES_OF.get(unit).contains(p.branch()));
  }

  private long expected(String unit, Predicate<Plan> counted) {
    return mine(unit).filter(counted).count();
  }

  /** This class's candidacies in progress with an open task past its due date, as the engine's tasks tell. */
  private long overdueInTheEngine(String unit) {
    Date now = ClockUtil.getCurrentTime();
    return mine(unit).filter(p -> p.end() == End.WAITING)
        .filter(p -> tasks.createTaskQuery().processInstanceId(driven.get(p).getId()).dueBefore(now).count() > 0)
        .count();
  }

  private void assertAddsUp(Map<String, Object> report) {
    List<Map<String, Object>> subs = subUnits(report);
    if (subs.isEmpty()) {
      return;
    }
    for (String field : List.of("nominated", "introduced", "admitted", "overdue")) {
      assertThat(subs.stream().mapToLong(s -> count(s, field)).sum()).as("%s of %s's sub-units", field,
          report.get("unitCode")).isEqualTo(count(report, field));
    }
    Map<String, Long> summed = new TreeMap<>();
    subs.forEach(s -> stages(s).forEach((stage, n) -> summed.merge(stage, n, Long::sum)));
    assertThat(summed).as("in progress in %s's sub-units", report.get("unitCode")).isEqualTo(stages(report));
    subs.forEach(this::assertAddsUp);
  }

  private Map<String, Object> report(int year, String unit) {
    ResponseEntity<Map<String, Object>> response = as("admin").exchange(
        "/api/reports/annual?year={year}&unit={unit}", HttpMethod.GET, null, OBJECT, year, unit);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> subUnits(Map<String, Object> report) {
    return (List<Map<String, Object>>) report.get("subUnits");
  }

  private static List<Object> subUnitCodes(Map<String, Object> report) {
    return subUnits(report).stream().map(s -> s.get("unitCode")).toList();
  }

  private static Map<String, Object> subUnit(Map<String, Object> report, String code) {
    return subUnits(report).stream().filter(s -> s.get("unitCode").equals(code)).findFirst().orElseThrow();
  }

  /** Every unit of a report's tree by its code. */
  private static Map<String, Map<String, Object>> flatten(Map<String, Object> report) {
    Map<String, Map<String, Object>> all = new LinkedHashMap<>();
    all.put((String) report.get("unitCode"), report);
    subUnits(report).forEach(sub -> all.putAll(flatten(sub)));
    return all;
  }

  private static long count(Map<String, Object> report, String field) {
    return ((Number) report.get(field)).longValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Long> stages(Map<String, Object> report) {
    Map<String, Long> byStage = new TreeMap<>();
    ((Map<String, Object>) report.get("inProgressByStage")).forEach((k, v) -> byStage.put(k, ((Number) v).longValue()));
    return byStage;
  }

  /** The header row of the summary sheet: the row whose second cell reads "Mã đơn vị". */
  private static Map<String, Integer> headerColumns(Sheet sheet) {
    for (Row row : sheet) {
      Cell second = row.getCell(1);
      if (second != null && second.getCellType() == CellType.STRING && second.getStringCellValue().equals("Mã đơn vị")) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        row.forEach(cell -> columns.put(cell.getStringCellValue(), cell.getColumnIndex()));
        return columns;
      }
    }
    throw new AssertionError("No header row in " + sheet.getSheetName());
  }

  /** The rows below the header whose first cell is a level number, by their unit code. */
  private static Map<String, Row> rowsByUnit(Sheet sheet, int codeColumn) {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (Row row : sheet) {
      Cell level = row.getCell(0);
      if (level != null && level.getCellType() == CellType.NUMERIC) {
        rows.put(row.getCell(codeColumn).getStringCellValue(), row);
      }
    }
    return rows;
  }

  private static long number(Row row, int column) {
    Cell cell = row.getCell(column);
    assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.NUMERIC);
    return (long) cell.getNumericCellValue();
  }

  /** The user tasks of processes/party-admission.bpmn and their names, read from the model file itself. */
  private static Map<String, String> userTaskNamesOfTheModel() throws IOException {
    try (InputStream model = AYearOfCandidaciesTest.class.getResourceAsStream("/party-admission.bpmn")) {
      return Bpmn.readModelFromStream(model).getModelElementsByType(UserTask.class).stream()
          .collect(Collectors.toMap(UserTask::getId, UserTask::getName));
    }
  }

  private void ensureUser(String id, String groupId) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(id);
      user.setLastName("Thử");
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(id, groupId);
    }
  }

  private static void at(LocalDateTime timeInVietnam) {
    ClockUtil.setCurrentTime(Date.from(timeInVietnam.atZone(VIETNAM).toInstant()));
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, "demo");
  }
}
