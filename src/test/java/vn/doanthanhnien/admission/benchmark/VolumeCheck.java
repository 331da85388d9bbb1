package vn.doanthanhnien.admission.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.doanthanhnien.admission.identity.AuthorizedGroupsPlugin;
import vn.doanthanhnien.admission.identity.EngineIndexes;
import vn.doanthanhnien.admission.identity.RoleGroups;
import vn.doanthanhnien.admission.stall.StageTimeBackfill;
import vn.doanthanhnien.admission.support.Pipeline;

/**
 * Tasklist's unit filter and the yearly report over a database of national size (docs/performance.md). Not part of
 * {@code mvn test}: {@code mvn -Pvolume test -Dbenchmark.db=postgres -Dvolume.tasks=100000}.
 *
 * <p>The rows are made by the engine and then copied: a few template candidacies are driven through the real pipeline
 * as the demo users to five stages (waiting for the branch vote, the youth committee, the introducer, the three
 * background verifications, the admission decision; 70/15/5/5/5 per cent of the copies), and every row the engine and the application wrote for each of them
 * (executions, tasks, candidate groups, variables, jobs, authorizations, all the history, the candidacy and its
 * timeline) is copied with new ids, in JDBC batches, into 1,000 more grassroots units under the bloc DK (codes
 * {@code KTNN} → {@code VG<n>}), one copy in twenty staying in the demo units. So the copies are what the engine
 * would have written, at a speed the engine itself does not reach on this machine.
 */
class VolumeCheck {

  private static final int UNITS = 1000;
  private static final int CHUNK = 250;
  /** Rounds of every officer's HAL list before anything is timed. */
  private static final int WARM_UP_ROUNDS = 20;
  private static final AtomicInteger SUBMITTED = new AtomicInteger();
  /** Template stage → share of the copies, in percent. */
  private static final Map<String, Integer> STAGES = new LinkedHashMap<>(Map.of());

  static {
    STAGES.put("recordBranchVote", 70);
    STAGES.put("recordYouthCommitteeResolution", 15);
    STAGES.put("assignIntroducer", 5);
    STAGES.put("verifyBackground", 5);
    STAGES.put("recordAdmissionDecision", 5);
  }

  /** Insertion order: a row's foreign keys point at rows of earlier tables (executions parent first). */
  private static final List<String> TABLES = List.of("candidacy", "candidacy_event", "ACT_RU_EXECUTION", "ACT_RU_TASK",
      "ACT_RU_IDENTITYLINK", "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_RU_EVENT_SUBSCR", "ACT_RU_AUTHORIZATION",
      "ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_IDENTITYLINK", "ACT_HI_OP_LOG",
      "ACT_HI_JOB_LOG", "ACT_HI_DECINST", "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT", "ACT_HI_ATTACHMENT");

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** The units whose yearly report and stall view are measured, each read by its own officer. */
  private static final List<String[]> REPORT_UNITS = List.of(new String[] {"DK", "admin"},
      new String[] {"KTNN", "youthcommittee"}, new String[] {"KTNN-01", "secretary"},
      new String[] {"CB-KTNN-01", "partycell"}, new String[] {"DU-KTNN", "partycommittee"},
      new String[] {"DUK", "superior"});

  @Test
  void tasklistAndReportOverANationalDatabase() throws Exception {
    int openTasks = Integer.getInteger("volume.tasks", 100_000);
    String database = System.getProperty("benchmark.db", "h2").split(",")[0].trim();
    try (BenchmarkApp app = BenchmarkApp.start(database)) {
      new Volume(app).run(openTasks);
      keepForPsql(app);
    }
  }

  /**
   * -Dvolume.keepSeconds=600: the database stays up that long after the measurements (or until the file
   * target/benchmark/resume exists), for explain (analyze) by hand; its JDBC URL is printed.
   */
  private static void keepForPsql(BenchmarkApp app) throws InterruptedException {
    long seconds = Long.getLong("volume.keepSeconds", 0);
    if (seconds <= 0) {
      return;
    }
    System.out.println("Volume check: database kept for " + seconds + " s (touch target/benchmark/resume to end): "
        + app.jdbcUrl());
    Path resume = Path.of("target", "benchmark", "resume");
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end && !Files.exists(resume)) {
      Thread.sleep(1_000);
    }
  }

  /** The rows of one template candidacy, by table. */
  record Template(String stage, Map<String, List<Map<String, Object>>> rows, Set<String> ids, String candidacyId,
      int openTasks) {
  }

  private static final class Volume {

    private final BenchmarkApp app;
    private final JdbcTemplate jdbc;
    private final Pipeline pipeline;
    private String unitFilterId;

    Volume(BenchmarkApp app) {
      this.app = app;
      this.jdbc = app.jdbc();
      this.pipeline = app.pipeline();
    }

    void run(int openTasks) throws Exception {
      long start = System.nanoTime();
      List<Template> templates = new ArrayList<>();
      List<String> members = new ArrayList<>();
      for (String stage : STAGES.keySet()) {
        members.add("V" + ProcessHandle.current().pid() + "-" + stage);
      }
      app.registerMembers(members, "KTNN-01");
      int m = 0;
      for (String stage : STAGES.keySet()) {
        ProcessInstance instance = pipeline.advanceTo(members.get(m++), stage);
        templates.add(template(stage, instance));
      }
      copyUnits();
      // Each copied unit's group and its grants, as an administrator's POST /api/units makes them (without them the
      // process keys and '*' carried the demo units' grants only, fewer than a national installation has).
      app.bean(RoleGroups.class).ensureForAllUnits();
      int perHundred = STAGES.keySet().stream().mapToInt(s -> STAGES.get(s) * templates.stream()
          .filter(t -> t.stage().equals(s)).findFirst().orElseThrow().openTasks()).sum();
      int copies = (int) Math.ceil(openTasks * 100.0 / perHundred);
      List<Template> plan = new ArrayList<>(copies);
      for (int i = 0; i < copies; i++) {
        int slot = i % 100;
        int bound = 0;
        for (Template t : templates) {
          bound += STAGES.get(t.stage());
          if (slot < bound) {
            plan.add(t);
            break;
          }
        }
      }
      long candidacyBase = jdbc.queryForObject("select coalesce(max(id), 0) from candidacy", Long.class) + 1_000;
      ExecutorService pool = Executors.newFixedThreadPool(Integer.getInteger("volume.threads", 4));
      List<Future<?>> done = new ArrayList<>();
      for (int from = 0; from < copies; from += CHUNK) {
        int first = from;
        int last = Math.min(copies, from + CHUNK);
        done.add(pool.submit(() -> insertCopies(plan, first, last, candidacyBase)));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      seedCountersAndStageTimes();
      double loadSeconds = (System.nanoTime() - start) / 1e9;
      analyze();
      String settled = settle();

      long tasks = count("ACT_RU_TASK");
      long history = TABLES.stream().filter(t -> t.startsWith("ACT_HI_")).mapToLong(this::count).sum();
      long timeline = count("candidacy_event");
      long authorizations = count("ACT_RU_AUTHORIZATION");
      List<String> lines = new ArrayList<>();
      lines.add("");
      lines.add(String.format("=== Volume check — %s: %,d open tasks, %,d engine history rows (+%,d timeline rows),"
              + " %,d authorizations, %,d candidacies; made in %.0f s", app.database, tasks, history, timeline,
          authorizations, count("candidacy"), loadSeconds));
      // Resource types 8 and 20: process instances and their history (a candidacy's units); 7: tasks (the candidate
      // group's and the assignee's grants); the rest are the roles' and units' grants, which do not grow with the data.
      long onInstances = jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ in (8, 20)"
          + " and RESOURCE_ID_ <> '*'", Long.class);
      long onTasks = jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = 7",
          Long.class);
      long candidacies = count("candidacy");
      lines.add(String.format("authorization rows: %.2f per candidacy on its instances and their history (target: at"
              + " most 2), %.2f per open task on the task itself, %,d others; %.2f per candidacy in all",
          onInstances / (double) candidacies, onTasks / (double) tasks, authorizations - onInstances - onTasks,
          authorizations / (double) candidacies));
      lines.add("load average: " + load() + " (" + settled + ")");
      lines.add(String.format("%-58s %8s %8s %8s %8s %8s %10s", "", "rows", "p50 ms", "p95 ms", "p99 ms", "max ms",
          "warm-up max"));
      AuthorizedGroupsPlugin byLink = app.bean(AuthorizedGroupsPlugin.class);
      List<String> officers = List.of("secretary", "youthcommittee", "partycell", "partycommittee", "superior");
      // The server's request path compiled before anything is timed, as on a server that has been running: without it
      // the first officer measured paid for the JIT (a warm-up maximum of 1.8 s, p95 above the others').
      long warmUp = System.nanoTime();
      for (int round = 0; round < WARM_UP_ROUNDS; round++) {
        for (String user : officers) {
          restFirstPage(user);
        }
      }
      lines.add(String.format("warm-up: %d HAL lists (%d per officer, not timed) in %.1f s", WARM_UP_ROUNDS
          * officers.size(), WARM_UP_ROUNDS, (System.nanoTime() - warmUp) / 1e9));
      for (String user : officers) {
        lines.add(measure("Tasklist 'Việc của đơn vị tôi', first page: " + user, () -> firstPage(user)));
        lines.add(measure("Tasklist 'Việc của đơn vị tôi', count: " + user, () -> filterCount(user)));
        lines.add(measure("POST /engine-rest/filter/…/list (HAL, 15): " + user, () -> restFirstPage(user)));
        // The same list as the engine checks it, task by task (AuthorizedGroupsPlugin#grantedByTheirLinks off).
        byLink.taskListsByLink(false);
        try {
          lines.add(measure("  the same, with the engine's authorization join: " + user, () -> restFirstPage(user)));
        } finally {
          byLink.taskListsByLink(true);
        }
      }
      int year = LocalDate.now().getYear();
      for (String[] unit : REPORT_UNITS) {
        lines.add(measure("GET /api/reports/annual?year=" + year + "&unit=" + unit[0] + " (" + unit[1] + ")",
            () -> report("annual", unit[1], year, unit[0])));
      }
      for (String[] unit : REPORT_UNITS) {
        lines.add(measure("GET /api/reports/stalls?year=" + year + "&unit=" + unit[0] + " (" + unit[1] + ")",
            () -> report("stalls", unit[1], year, unit[0])));
      }
      // An officer's submission at this volume: the engine looks for the subtasks of every task it completes, by a
      // column Camunda does not index (EngineIndexes); measured with the index, then once more without it.
      int runs = 10 + Integer.getInteger("volume.runs", 100);
      Supplier<Integer> submissions = firstTasksToSubmit(runs);
      Map<String, long[]> scansBefore = sequentialScans();
      lines.add(measure("claim and submit a new candidacy's branch vote (Java API)", submissions));
      lines.add("  tables read whole per submission (rows): " + sequentialScansSince(scansBefore, runs));
      if (app.database.equals("postgres")) {
        Supplier<Integer> withoutIndex = firstTasksToSubmit(runs);
        jdbc.execute("drop index ADM_IDX_TASK_PARENT");
        jdbc.execute("analyze ACT_RU_TASK");
        try {
          Map<String, long[]> before = sequentialScans();
          lines.add(measure("  the same, without the index on the subtasks (PARENT_TASK_ID_)", withoutIndex));
          lines.add("  tables read whole per submission (rows): " + sequentialScansSince(before, runs));
        } finally {
          jdbc.execute(EngineIndexes.SUBTASKS);
        }
      }
      lines.add(String.format("milestone_count rows: %,d; stage_count rows: %,d; stage_time rows: %,d",
          count("milestone_count"), count("stage_count"), count("stage_time")));
      lines.add("target: p95 < 100 ms");
      String report = String.join("\n", lines) + "\n";
      System.out.println(report);
      Path out = Path.of("target", "benchmark", "volume-" + app.database + ".txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * {@code count} new candidacies nominated in the branch of the demo secretary, each waiting for its branch vote:
     * each call claims and submits the next one's task as its user does in Tasklist.
     */
    private Supplier<Integer> firstTasksToSubmit(int count) {
      List<String> members = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        members.add("VS" + ProcessHandle.current().pid() + "-" + SUBMITTED.incrementAndGet());
      }
      app.registerMembers(members, "KTNN-01");
      Deque<Task> waiting = new ArrayDeque<>();
      for (String member : members) {
        waiting.add(pipeline.task(pipeline.nominate(member)));
      }
      return () -> {
        Task task = waiting.pop();
        pipeline.submit(task, pipeline.valid(task.getTaskDefinitionKey()));
        return 1;
      };
    }

    /** PostgreSQL's count of sequential scans and the rows they read, by table; empty on H2. */
    private Map<String, long[]> sequentialScans() {
      Map<String, long[]> scans = new HashMap<>();
      if (app.database.equals("postgres")) {
        jdbc.query("select relname, seq_scan, seq_tup_read from pg_stat_user_tables", rs -> {
          scans.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        });
      }
      return scans;
    }

    /** The tables scanned whole since {@code before}, with the rows read per call; statistics arrive within 1 s. */
    private String sequentialScansSince(Map<String, long[]> before, int calls) {
      if (before.isEmpty()) {
        return "(PostgreSQL only)";
      }
      try {
        Thread.sleep(1_500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      List<String> scanned = new ArrayList<>();
      sequentialScans().forEach((table, now) -> {
        long[] then = before.getOrDefault(table, new long[2]);
        if (now[1] - then[1] > calls) {
          scanned.add(String.format("%s %.1f scans, %,.0f rows", table, (now[0] - then[0]) / (double) calls,
              (now[1] - then[1]) / (double) calls));
        }
      });
      return scanned.isEmpty() ? "none" : String.join("; ", scanned);
    }

    private long count(String table) {
      return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /**
     * Fresh statistics for PostgreSQL's planner and the visibility map index-only scans need, after the bulk load, as
     * autovacuum gives them soon after (it vacuums a table after inserts too, since PostgreSQL 13).
     */
    private void analyze() {
      if (app.database.equals("postgres")) {
        jdbc.execute("vacuum analyze");
      }
    }

    /**
     * The bulk load's aftermath out of the way before anything is timed: PostgreSQL writes its dirty pages out
     * (checkpoint) and the kernel its page cache, which slowed whatever was measured first (the branch secretary's
     * lists by a third in two runs). Waits until the one-minute load average is below 1 or three minutes passed.
     */
    private String settle() throws InterruptedException {
      long start = System.nanoTime();
      if (app.database.equals("postgres")) {
        jdbc.execute("checkpoint");
      }
      while (oneMinuteLoad() >= 1.0 && System.nanoTime() - start < 180e9) {
        Thread.sleep(5_000);
      }
      return String.format("after a checkpoint and %.0f s of waiting for the machine to settle",
          (System.nanoTime() - start) / 1e9);
    }

    private static double oneMinuteLoad() {
      try {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
      } catch (java.io.IOException | NumberFormatException e) {
        return 0;
      }
    }

    /**
     * 10 unmeasured calls first, whose slowest is printed apart: PostgreSQL plans the first executions of a statement on
     * a connection for their parameters and may only then switch to a generic plan (docs/performance.md).
     */
    private String measure(String name, Supplier<Integer> call) {
      long warmUpMax = 0;
      for (int i = 0; i < 10; i++) {
        long start = System.nanoTime();
        call.get();
        warmUpMax = Math.max(warmUpMax, System.nanoTime() - start);
      }
      int runs = Integer.getInteger("volume.runs", 100);
      long[] nanos = new long[runs];
      int rows = 0;
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        rows = call.get();
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);
      return String.format("%-58s %8d %8.1f %8.1f %8.1f %8.1f %10.1f", name, rows, p(nanos, 0.5), p(nanos, 0.95),
          p(nanos, 0.99), nanos[runs - 1] / 1e6, warmUpMax / 1e6);
    }

    private static double p(long[] sorted, double q) {
      return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** The filter as Tasklist lists it: first page of 15, newest first. */
    private int firstPage(String user) {
      ProcessEngine engine = app.engine();
      String filterId = unitFilterId();
      return pipeline.as(user, () -> engine.getFilterService().listPage(filterId,
          engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc(), 0, 15).size());
    }

    private int filterCount(String user) {
      String filterId = unitFilterId();
      return pipeline.as(user, () -> (int) app.engine().getFilterService().count(filterId).longValue());
    }

    /** The id of Tasklist's "Việc của đơn vị tôi", looked up once: Tasklist knows it when it asks for the list. */
    private String unitFilterId() {
      if (unitFilterId == null) {
        unitFilterId = app.engine().getFilterService().createFilterQuery().filterName("Việc của đơn vị tôi")
            .singleResult().getId();
      }
      return unitFilterId;
    }

    /**
     * The first page as Tasklist asks for it over HTTP: the filter's list with Tasklist 7.24's own body (its sorting,
     * active tasks only, no variables), as HAL (the tasks with their embedded process definitions, assignees and
     * identity links), as the user.
     */
    private static final String TASKLIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],"
        + "\"caseInstanceVariables\":[],\"firstResult\":0,\"maxResults\":15,"
        + "\"sorting\":[{\"sortOrder\":\"desc\",\"sortBy\":\"created\"}],\"active\":true}";

    private int restFirstPage(String user) {
      String filterId = unitFilterId();
      return call(user, HttpRequest.newBuilder(URI.create(app.baseUrl + "/engine-rest/filter/" + filterId
              + "/list?firstResult=0&maxResults=15")).header("Accept", "application/hal+json")
          .header("Content-Type", "application/json")
          .POST(BodyPublishers.ofString(TASKLIST_BODY)));
    }

    /**
     * The copies were inserted beside the application, so their counters and stage times are made as an existing
     * database gets them: the counters by the backfill statements of migrations V30 and V31, the stage times by the start-up
     * backfill from the engine's history ({@code StageTimeBackfill}, asked for again by its pending row).
     */
    private void seedCountersAndStageTimes() throws Exception {
      backfill("milestone_count", "/db/migration/V30__milestone_counts_and_stage_times.sql");
      backfill("stage_count", "/db/migration/V31__stage_counts.sql");
      jdbc.update("insert into pending_backfill (name) values ('stage_time')");
      app.bean(StageTimeBackfill.class).runIfPending();
    }

    /** The table emptied and filled again by its migration's own insert statements. */
    private void backfill(String table, String migrationResource) throws IOException {
      String migration;
      try (var in = VolumeCheck.class.getResourceAsStream(migrationResource)) {
        migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      jdbc.update("delete from " + table);
      Arrays.stream(migration.replaceAll("(?m)^--.*$", "").split(";")).map(String::strip)
          .filter(statement -> statement.startsWith("insert into " + table)).forEach(jdbc::update);
    }

    private int report(String which, String user, int year, String unit) {
      return call(user, HttpRequest.newBuilder(URI.create(app.baseUrl + "/api/reports/" + which + "?year=" + year
          + "&unit=" + unit)).header("Accept", "application/json"));
    }

    /** @return the length of the answer */
    private static int call(String user, HttpRequest.Builder request) {
      try {
        HttpResponse<String> response = HTTP.send(request.header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).build(), BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IllegalStateException(request.build().uri() + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().length();
      } catch (java.io.IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Every row of the candidacy and its process instance, with the ids that are its own. */
    private Template template(String stage, ProcessInstance instance) {
      String pi = instance.getId();
      String candidacyId = jdbc.queryForObject("select cast(id as varchar(20)) from candidacy"
          + " where process_instance_id = ?", String.class, pi);
      Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
      rows.put("candidacy", select("select * from candidacy where id = ?", Long.valueOf(candidacyId)));
      rows.put("candidacy_event", select("select * from candidacy_event where candidacy_id = ?",
          Long.valueOf(candidacyId)));
      List<Map<String, Object>> executions = select("select * from ACT_RU_EXECUTION where PROC_INST_ID_ = ?", pi);
      rows.put("ACT_RU_EXECUTION", parentsFirst(executions));
      rows.put("ACT_RU_TASK", select("select * from ACT_RU_TASK where PROC_INST_ID_ = ?", pi));
      rows.put("ACT_RU_IDENTITYLINK", select("select * from ACT_RU_IDENTITYLINK where TASK_ID_ in"
          + " (select ID_ from ACT_RU_TASK where PROC_INST_ID_ = ?)", pi));
      rows.put("ACT_RU_VARIABLE", select("select * from ACT_RU_VARIABLE where PROC_INST_ID_ = ?", pi));
      rows.put("ACT_RU_JOB", select("select * from ACT_RU_JOB where PROCESS_INSTANCE_ID_ = ?", pi));
      rows.put("ACT_RU_EVENT_SUBSCR", select("select * from ACT_RU_EVENT_SUBSCR where PROC_INST_ID_ = ?", pi));
      rows.put("ACT_RU_AUTHORIZATION", select("select * from ACT_RU_AUTHORIZATION where RESOURCE_ID_ = ?"
          + " or RESOURCE_ID_ in (select ID_ from ACT_HI_TASKINST where PROC_INST_ID_ = ?)", pi, pi));
      for (String table : TABLES) {
        if (table.startsWith("ACT_HI_")) {
          rows.put(table, select("select * from " + table + " where ROOT_PROC_INST_ID_ = ?", pi));
        }
      }
      Set<String> ids = new HashSet<>();
      ids.add(pi);
      rows.forEach((table, list) -> list.forEach(row -> {
        if (table.startsWith("ACT_") && row.get("ID_") instanceof String id) {
          ids.add(id);
        }
      }));
      int open = rows.get("ACT_RU_TASK").size();
      return new Template(stage, rows, ids, candidacyId, open);
    }

    private static List<Map<String, Object>> parentsFirst(List<Map<String, Object>> executions) {
      List<Map<String, Object>> ordered = new ArrayList<>();
      Set<Object> placed = new HashSet<>();
      while (ordered.size() < executions.size()) {
        for (Map<String, Object> e : executions) {
          Object parent = e.get("PARENT_ID_");
          if (!placed.contains(e.get("ID_")) && (parent == null || placed.contains(parent))) {
            ordered.add(e);
            placed.add(e.get("ID_"));
          }
        }
      }
      return ordered;
    }

    private List<Map<String, Object>> select(String sql, Object... args) {
      return jdbc.query(sql, (ResultSet rs, int n) -> {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
          row.put(meta.getColumnLabel(c).toUpperCase(), rs.getObject(c));
        }
        return row;
      }, args);
    }

    /** The demo units of KTNN copied as VG1 … VG1000 under the same bloc and superior committee. */
    private void copyUnits() {
      List<Map<String, Object>> units = select("select * from org_unit where code like '%KTNN%'");
      List<Object[]> copies = new ArrayList<>();
      // parents before children: grassroots and committees before branches and cells
      units.sort((a, b) -> Integer.compare(depth(a), depth(b)));
      for (int k = 1; k <= UNITS; k++) {
        for (Map<String, Object> u : units) {
          copies.add(new Object[] {unit((String) u.get("CODE"), k), u.get("NAME") + " " + k, u.get("KIND"),
              unit((String) u.get("PARENT_CODE"), k), unit((String) u.get("PARTY_CELL_CODE"), k)});
        }
      }
      jdbc.batchUpdate("insert into org_unit (code, name, kind, parent_code, party_cell_code) values (?, ?, ?, ?, ?)",
          copies);
    }

    private static int depth(Map<String, Object> unit) {
      return switch ((String) unit.get("KIND")) {
        case "YOUTH_GRASSROOTS", "PARTY_COMMITTEE" -> 0;
        case "PARTY_CELL" -> 1;
        default -> 2;
      };
    }

    private static String unit(String code, int k) {
      return code == null || k == 0 ? code : code.replace("KTNN", "VG" + k);
    }

    private void insertCopies(List<Template> plan, int first, int last, long candidacyBase) {
      Map<String, List<Object[]>> batches = new LinkedHashMap<>();
      Map<String, List<String>> columns = new HashMap<>();
      for (int i = first; i < last; i++) {
        Template t = plan.get(i);
        int k = i % 20 == 0 ? 0 : 1 + i % UNITS;
        String suffix = String.format("z%011d", i);
        long candidacyId = candidacyBase + i;
        for (String table : TABLES) {
          for (Map<String, Object> row : t.rows().getOrDefault(table, List.of())) {
            columns.putIfAbsent(table, new ArrayList<>(row.keySet()));
            Object[] values = new Object[row.size()];
            int c = 0;
            for (Map.Entry<String, Object> e : row.entrySet()) {
              values[c++] = copied(table, e.getKey(), e.getValue(), row, t, suffix, k, candidacyId, i);
            }
            batches.computeIfAbsent(table, x -> new ArrayList<>()).add(values);
          }
        }
      }
      for (Map.Entry<String, List<Object[]>> batch : batches.entrySet()) {
        List<String> cols = columns.get(batch.getKey());
        jdbc.batchUpdate("insert into " + batch.getKey() + " (" + String.join(", ", cols) + ") values ("
            + String.join(", ", cols.stream().map(x -> "?").toList()) + ")", batch.getValue());
      }
    }

    private static Object copied(String table, String column, Object value, Map<String, Object> row, Template t,
        String suffix, int k, long candidacyId, int copy) {
      if (table.startsWith("candidacy")) {
        switch (column) {
          case "ID":
            return table.equals("candidacy") ? candidacyId : candidacyId * 100 + ((Number) value).longValue() % 100;
          case "CANDIDACY_ID":
            return candidacyId;
          case "OPEN_MEMBER_CODE":
            return null;
          case "PROCESS_INSTANCE_ID":
            return copyId((String) value, suffix);
          default:
            break;
        }
      }
      if (value instanceof String text) {
        if (t.ids().contains(text)) {
          return copyId(text, suffix);
        }
        if (column.equals("BUSINESS_KEY_") && text.equals(t.candidacyId())
            || "candidacyId".equals(row.get("NAME_")) && column.startsWith("TEXT") && text.equals(t.candidacyId())) {
          return String.valueOf(candidacyId);
        }
        return unit(text, k);
      }
      return value;
    }

    /** The same length as the engine's id: its last twelve characters (the UUID's node, the same in every id) go. */
    private static String copyId(String id, String suffix) {
      return id.substring(0, id.length() - suffix.length()) + suffix;
    }

    private static String load() {
      try {
        return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
      } catch (java.io.IOException e) {
        return "?";
      }
    }
  }
}
