package vn.doanthanhnien.admission.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.junit.jupiter.api.Test;
import vn.doanthanhnien.admission.benchmark.CountingDataSource.Counts;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;
import vn.doanthanhnien.admission.support.Pipeline;

/**
 * Throughput of the whole pipeline against the bare engine, in one JVM and one database (docs/performance.md). Not part
 * of {@code mvn test}: {@code mvn -Pbenchmark test -Dbenchmark.candidacies=2000 -Dbenchmark.db=postgres}.
 *
 * <ul>
 *   <li>app: candidacies of branch KTNN-01 from nomination to the admission ceremony and the start of the probation,
 *       through FormService as the demo users with their groups, as Tasklist and {@code /engine-rest} drive it;
 *   <li>REST: a share of them the same way over HTTP ({@code /engine-rest}, Basic auth), from the claim to the
 *       submit-form of each task;
 *   <li>by the book: what any team would build on Camunda 7 for the same job — a model with the pipeline's user tasks
 *       in order (the same keys, the three verifications as a parallel multi-instance) and its two asynchronous
 *       continuations, each task for the candidate group of its role, started as the secretary, each task claimed and
 *       then completed with its form's fields as process variables by the demo user of its role with that user's
 *       groups, authorization on with the engine's default task permissions (the same engine and settings);
 *   <li>bare: instances of a model with the same wait states (13 user tasks, 2 asynchronous continuations) and nothing
 *       else, completed with TaskService.complete.
 * </ul>
 */
class ThroughputBenchmark {

  /** 13 user tasks (three background verifications) and 2 jobs, as a candidacy of the demo data has. */
  static final int USER_TASKS = 13;
  static final String BARE_KEY = "benchmark-bare";
  static final String BOOK_KEY = "benchmark-by-the-book";
  /** The pipeline's user tasks in order, as the by-the-book model has them. */
  static final List<String> PIPELINE_TASKS = List.of("recordBranchVote", "recordYouthCommitteeResolution",
      "recordAwarenessCertificate", "assignIntroducer", "checkDossier", "verifyBackground", "collectOpinions",
      "recordPartyCellVote", "recordPartyCommitteeVote", "recordAdmissionDecision", "recordAdmissionCeremony");
  private static final String NOMINATION_REASON = "Gương mẫu, hoàn thành xuất sắc nhiệm vụ hai năm liền";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AtomicInteger MEMBER_SEQUENCE = new AtomicInteger();
  private static final AtomicInteger BOOK_SEQUENCE = new AtomicInteger();

  @Test
  void appAgainstTheBareEngine() throws Exception {
    int candidacies = Integer.getInteger("benchmark.candidacies", 1000);
    int threads = Integer.getInteger("benchmark.threads", 4);
    // Each kind's code compiled before it is measured, as on a server that has been running: the application's own
    // code runs once or a few times per submission and is fully compiled only after some two thousand candidacies;
    // with fewer the compilers were still at work in the measured runs (docs/performance.md, change 19).
    int warmUp = Integer.getInteger("benchmark.warmup", Math.max(2000, candidacies));
    double restShare = Double.parseDouble(System.getProperty("benchmark.restShare", "0.05"));
    String label = System.getProperty("benchmark.label", "");
    for (String database : System.getProperty("benchmark.db", "h2").split(",")) {
      try (BenchmarkApp app = BenchmarkApp.start(database.trim())) {
        new Run(app, threads).measure(candidacies, warmUp, (int) Math.round(candidacies * restShare), label);
      }
    }
  }

  /** One kind of work measured: how long, how many candidacies, each task completion's time, statements sent. */
  record Result(String name, int candidacies, double seconds, long[] taskNanos, Counts counts, double jvmCpuMillis,
      double driverCpuMillis, double jitMillis, double databaseCpuMillis, int failures) {

    double perSecond() {
      return candidacies / seconds;
    }

    double percentileMillis(double q) {
      long[] sorted = taskNanos.clone();
      Arrays.sort(sorted);
      return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    String row(Double ratio) {
      return String.format("%-26s %7d %9.1f %7s %8.1f %8.1f %8.1f %11.0f %9.0f %8.1f %8.1f %8.1f %8.1f %8.1f %5d", name,
          candidacies, perSecond(),
          ratio == null ? "" : String.format("%.2f", ratio), percentileMillis(0.50), percentileMillis(0.95),
          percentileMillis(0.99), (double) counts.statements() / candidacies,
          (double) counts.batchedRows() / candidacies, (double) counts.commits() / candidacies,
          jvmCpuMillis / candidacies, driverCpuMillis / candidacies, jitMillis / candidacies,
          databaseCpuMillis / candidacies, failures);
    }
  }

  private static final class Run {

    private final BenchmarkApp app;
    private final int threads;
    private final Pipeline pipeline;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;

    Run(BenchmarkApp app, int threads) {
      this.app = app;
      this.threads = threads;
      this.pipeline = app.pipeline();
      ProcessEngine engine = app.engine();
      this.tasks = engine.getTaskService();
      this.runtime = engine.getRuntimeService();
      this.management = engine.getManagementService();
    }

    void measure(int candidacies, int warmUp, int restSample, String label) throws Exception {
      deployBareModel();
      deployByTheBookModel();
      List<String> members = newMembers(2 * warmUp + candidacies + restSample);
      AtomicInteger next = new AtomicInteger();
      String load = BenchmarkApp.loadAverage();
      // Warm-up: the JIT, the pool, the engine's caches, Tomcat's threads.
      run("warm-up app", warmUp, nanos -> driveApp(members.get(next.getAndIncrement()), nanos));
      run("warm-up bare", warmUp, this::driveBare);
      run("warm-up by the book", warmUp, this::driveByTheBook);
      run("warm-up REST", Math.max(4, warmUp / 10), nanos -> driveRest(members.get(next.getAndIncrement()), nanos));
      CountingDataSource.BY_SQL.clear();
      CountingDataSource.BY_SOURCE.clear();
      databaseProfile(null, candidacies);
      Result bare = run("bare engine (Java API)", candidacies, this::driveBare);
      Map<String, Long> bareSources = printProfile("bare", candidacies);
      databaseProfile("bare", candidacies);
      Result book = run("by the book (Java API)", candidacies, this::driveByTheBook);
      Map<String, Long> bookSources = printProfile("by the book", candidacies);
      databaseProfile("by the book", candidacies);
      Result appResult = run("app (FormService)", candidacies, nanos -> driveApp(members.get(next.getAndIncrement()), nanos));
      Map<String, Long> appSources = printProfile("app", candidacies);
      databaseProfile("app", candidacies);
      Result rest = run("app (REST, sample)", restSample, nanos -> driveRest(members.get(next.getAndIncrement()), nanos));
      long admitted = app.jdbc().queryForObject("select count(*) from candidacy where status = 'ADMITTED'", Long.class);
      String report = String.join("\n",
          "",
          "=== Throughput benchmark " + label + " — " + app.database + ", " + threads + " threads, " + candidacies
              + " candidacies (+" + warmUp + " warm-up), history " + app.engine().getProcessEngineConfiguration()
              .getHistory() + ", pool " + poolSize() + (app.database.equals("postgres")
              ? ", synchronous_commit " + app.jdbc().queryForObject("show synchronous_commit", String.class) : ""),
          "load average before: " + load + "   after: " + BenchmarkApp.loadAverage() + "   admitted in the database: " + admitted,
          String.format("%-26s %7s %9s %7s %8s %8s %8s %11s %9s %8s %8s %8s %8s %8s %5s", "", "n", "per s", "ratio",
              "p50 ms", "p95 ms", "p99 ms", "stmts/cand", "batch/cand", "tx/cand", "JVM ms", "driver", "JIT", "DB ms",
              "fail"),
          bare.row(null),
          book.row(book.perSecond() / bare.perSecond()),
          appResult.row(appResult.perSecond() / bare.perSecond()),
          rest.row(rest.perSecond() / bare.perSecond()),
          String.format("app/by-the-book %.2f (target 0.60); app/bare %.2f; by-the-book/bare %.2f",
              appResult.perSecond() / book.perSecond(), appResult.perSecond() / bare.perSecond(),
              book.perSecond() / bare.perSecond()),
          "ratio column: against the bare engine; task latency: one claim and submit-form (app), one claim and"
              + " submit-form over HTTP (REST), one claim and complete (by the book), one complete (bare); statements:"
              + " JDBC executions, a batch counted once (batch/cand: rows sent in batches); tx/cand: commits;"
              + " JVM ms, DB ms: CPU time per candidacy of the whole JVM (drivers, engine, Tomcat, JIT, GC) and of"
              + " PostgreSQL; driver: of the JVM's, the driving threads' own (each candidacy's commands run in them,"
              + " except over REST); JIT: of the JVM's, the just-in-time compiler threads'",
          sourceTable(candidacies, bareSources, bookSources, appSources),
          "");
      System.out.println(report);
      Path out = Path.of("target", "benchmark", "throughput-" + app.database + ".txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      int failures = bare.failures() + book.failures() + appResult.failures() + rest.failures();
      if (failures > 0) {
        throw new AssertionError(failures + " candidacies or instances failed (the first three are printed above)");
      }
    }

    /** Prints the SQL profile when asked for, and returns (and resets) the statements of the run by source. */
    private static Map<String, Long> printProfile(String name, int candidacies) {
      Map<String, Long> sources = new java.util.TreeMap<>();
      CountingDataSource.BY_SOURCE.forEach((source, count) -> sources.put(source, count.sum()));
      CountingDataSource.BY_SOURCE.clear();
      if (!CountingDataSource.BY_SQL.isEmpty()) {
        System.out.println("--- SQL of " + name + " per candidacy");
        CountingDataSource.BY_SQL.entrySet().stream()
            .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
            .forEach(e -> System.out.printf("%7.2f %s%n", e.getValue().sum() / (double) candidacies, e.getKey()));
        CountingDataSource.BY_SQL.clear();
      }
      return sources;
    }

    /**
     * With {@code -Dbenchmark.pgStatements=true} on PostgreSQL: the statements that took most of the database's time
     * since the last call (pg_stat_statements), per candidacy, then starts counting afresh; {@code name} null only
     * starts.
     */
    private void databaseProfile(String name, int candidacies) {
      if (!Boolean.getBoolean("benchmark.pgStatements") || !app.database.equals("postgres")) {
        return;
      }
      if (name != null) {
        System.out.println("--- PostgreSQL's time by statement for " + name + ", per candidacy (ms, calls, rows); in all "
            + app.jdbc().queryForObject("select round(sum(total_exec_time)::numeric / " + candidacies
            + ", 2) || ' ms in ' || round(sum(calls)::numeric / " + candidacies + ", 1) || ' calls'"
            + " from pg_stat_statements", String.class));
        app.jdbc().query("select total_exec_time, calls, rows, regexp_replace(query, '\\s+', ' ', 'g') as query"
            + " from pg_stat_statements order by total_exec_time desc limit 60", rs -> {
              System.out.printf("%8.3f %7.2f %7.2f %s%n", rs.getDouble(1) / candidacies, rs.getDouble(2) / candidacies,
                  rs.getDouble(3) / candidacies, rs.getString(4).substring(0, Math.min(150, rs.getString(4).length())));
            });
      }
      app.jdbc().execute("create extension if not exists pg_stat_statements");
      app.jdbc().execute("select pg_stat_statements_reset()");
    }

    /** Statements per candidacy by what they serve (CountingDataSource#sourceOf), for the three measured runs. */
    private static String sourceTable(int candidacies, Map<String, Long> bare, Map<String, Long> book,
        Map<String, Long> app) {
      java.util.SortedSet<String> sources = new java.util.TreeSet<>(app.keySet());
      sources.addAll(book.keySet());
      sources.addAll(bare.keySet());
      StringBuilder table = new StringBuilder(String.format("statements per candidacy by source%n%-28s %8s %8s %8s%n",
          "", "bare", "book", "app"));
      for (String source : sources) {
        table.append(String.format("%-28s %8.1f %8.1f %8.1f%n", source,
            bare.getOrDefault(source, 0L) / (double) candidacies, book.getOrDefault(source, 0L) / (double) candidacies,
            app.getOrDefault(source, 0L) / (double) candidacies));
      }
      return table.toString();
    }

    private String poolSize() {
      return app.context.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size", "10");
    }

    private interface Indexed {
      void run(Consumer<Long> taskNanos) throws Exception;
    }

    private Result run(String name, int count, Indexed work) throws Exception {
      List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());
      AtomicInteger failures = new AtomicInteger();
      LongAdder driverCpu = new LongAdder();
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      Counts before = CountingDataSource.now();
      double jvmCpu = BenchmarkApp.jvmCpuMillis();
      double jit = BenchmarkApp.jitMillis();
      double databaseCpu = BenchmarkApp.databaseCpuMillis();
      long start = System.nanoTime();
      List<Future<?>> done = IntStream.range(0, count).<Future<?>>mapToObj(i -> pool.submit(() -> {
        long threadCpu = cpu.getCurrentThreadCpuTime();
        try {
          work.run(nanos::add);
        } catch (Exception | AssertionError e) {
          if (failures.incrementAndGet() <= 3) {
            e.printStackTrace();
          }
        } finally {
          driverCpu.add(cpu.getCurrentThreadCpuTime() - threadCpu);
        }
      })).toList();
      for (Future<?> f : done) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Counts counts = CountingDataSource.now().minus(before);
      jvmCpu = BenchmarkApp.jvmCpuMillis() - jvmCpu;
      jit = BenchmarkApp.jitMillis() - jit;
      databaseCpu = BenchmarkApp.databaseCpuMillis() - databaseCpu;
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES);
      return new Result(name, count, seconds, nanos.stream().mapToLong(Long::longValue).toArray(), counts, jvmCpu,
          driverCpu.sum() / 1e6, jit, databaseCpu, failures.get());
    }

    private List<String> newMembers(int count) {
      String prefix = "B" + ProcessHandle.current().pid() + "-" + MEMBER_SEQUENCE.incrementAndGet() + "-";
      List<String> codes = IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
      app.registerMembers(codes, "KTNN-01");
      return codes;
    }

    /** One candidacy as the officers do it: the nomination, then each open task claimed and submitted. */
    private void driveApp(String memberCode, Consumer<Long> taskNanos) {
      String instanceId = pipeline.nominate(memberCode).getId();
      untilEnded(instanceId, task -> {
        long start = System.nanoTime();
        pipeline.submit(task, pipeline.valid(task.getTaskDefinitionKey()));
        taskNanos.accept(System.nanoTime() - start);
      });
    }

    /**
     * The same candidacy by the book: started by the secretary with the start form's fields, each task claimed and
     * completed with its form's fields. Nothing reads the member code, so it is not registered.
     */
    private void driveByTheBook(Consumer<Long> taskNanos) {
      String instanceId = pipeline.as("secretary", () -> runtime.startProcessInstanceByKey(BOOK_KEY,
          Map.of("memberCode", "BOOK-" + BOOK_SEQUENCE.incrementAndGet(), "nominationReason", NOMINATION_REASON))
          .getId());
      untilEnded(instanceId, task -> {
        String user = Pipeline.USER_OF_TASK.get(task.getTaskDefinitionKey());
        long start = System.nanoTime();
        pipeline.as(user, () -> {
          tasks.claim(task.getId(), user);
          tasks.complete(task.getId(), pipeline.valid(task.getTaskDefinitionKey()));
          return null;
        });
        taskNanos.accept(System.nanoTime() - start);
      });
    }

    private void driveBare(Consumer<Long> taskNanos) {
      String instanceId = runtime.startProcessInstanceByKey(BARE_KEY).getId();
      untilEnded(instanceId, task -> {
        long start = System.nanoTime();
        tasks.complete(task.getId());
        taskNanos.accept(System.nanoTime() - start);
      });
    }

    /** The same candidacy over HTTP: start form, then for each task its claim and submit-form as the demo user. */
    private void driveRest(String memberCode, Consumer<Long> taskNanos) throws Exception {
      Map<String, Object> started = post("secretary",
          "/engine-rest/process-definition/key/" + PartyAdmissionProcess.KEY + "/submit-form",
          Map.of("variables", variables(Map.of("memberCode", memberCode, "nominationReason", NOMINATION_REASON))));
      String instanceId = (String) started.get("id");
      untilEnded(instanceId, task -> {
        String user = Pipeline.USER_OF_TASK.get(task.getTaskDefinitionKey());
        long start = System.nanoTime();
        try {
          post(user, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
          post(user, "/engine-rest/task/" + task.getId() + "/submit-form",
              Map.of("variables", variables(pipeline.valid(task.getTaskDefinitionKey()))));
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
        taskNanos.accept(System.nanoTime() - start);
      });
    }

    /** Completes the open tasks and runs the due jobs of the instance until it has neither. */
    private void untilEnded(String instanceId, Consumer<Task> complete) {
      int completed = 0;
      while (true) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(instanceId).list();
        if (!open.isEmpty()) {
          open.forEach(complete);
          completed += open.size();
          continue;
        }
        List<Job> due = management.createJobQuery().processInstanceId(instanceId).executable().list();
        if (due.isEmpty()) {
          break;
        }
        due.forEach(job -> management.executeJob(job.getId()));
      }
      if (completed != USER_TASKS) {
        throw new AssertionError("Instance " + instanceId + " ended after " + completed + " tasks, not " + USER_TASKS);
      }
    }

    private Map<String, Object> post(String user, String path, Object body) throws IOException, InterruptedException {
      HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl + path))
          .header("Content-Type", "application/json").header("Accept", "application/json")
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              (user + ":demo").getBytes(StandardCharsets.UTF_8)))
          .POST(BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
      HttpResponse<String> response = HTTP.send(request, BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> answer = response.body().isBlank() ? Map.of() : JSON.readValue(response.body(), Map.class);
      return answer;
    }

    private static Map<String, Object> variables(Map<String, Object> values) {
      Map<String, Object> variables = new LinkedHashMap<>();
      values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
      return variables;
    }

    /** The bare model: the same wait states in a line, no listeners, delegates, forms or groups. */
    private void deployBareModel() {
      AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(BARE_KEY).camundaHistoryTimeToLive(3650)
          .startEvent();
      for (int i = 1; i <= USER_TASKS; i++) {
        flow = flow.userTask("task" + i);
        if (i == 2 || i == USER_TASKS) {
          flow = flow.intermediateThrowEvent("async" + i).camundaAsyncBefore();
        }
      }
      BpmnModelInstance model = flow.endEvent().done();
      app.engine().getRepositoryService().createDeployment().name(BARE_KEY).addModelInstance(BARE_KEY + ".bpmn", model)
          .deploy();
    }

    /**
     * The by-the-book model: the pipeline's tasks in order, each for the candidate group of its role in branch
     * KTNN-01 (the groups of the demo user who completes it), the verification for three subjects, an asynchronous
     * continuation where the bare model has one; the secretary's groups may start it, as the app's groups may start
     * the pipeline.
     */
    private void deployByTheBookModel() {
      AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(BOOK_KEY).camundaHistoryTimeToLive(3650)
          .startEvent();
      int done = 0;
      for (String key : PIPELINE_TASKS) {
        UserTaskBuilder task = flow.userTask(key)
            .camundaCandidateGroups(String.join(",", groupsOf(Pipeline.USER_OF_TASK.get(key))));
        if (key.equals("verifyBackground")) {
          task.multiInstance().cardinality("3").multiInstanceDone();
        }
        flow = task;
        done += key.equals("verifyBackground") ? 3 : 1;
        if (done == 2 || done == USER_TASKS) {
          flow = flow.intermediateThrowEvent("async" + done).camundaAsyncBefore();
        }
      }
      BpmnModelInstance model = flow.endEvent().done();
      app.engine().getRepositoryService().createDeployment().name(BOOK_KEY).addModelInstance(BOOK_KEY + ".bpmn", model)
          .deploy();
      AuthorizationService authorizations = app.engine().getAuthorizationService();
      for (String group : groupsOf("secretary")) {
        grant(authorizations, group, Resources.PROCESS_DEFINITION, BOOK_KEY, Permissions.CREATE_INSTANCE);
        grant(authorizations, group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
      }
    }

    private List<String> groupsOf(String user) {
      return app.engine().getIdentityService().createGroupQuery().groupMember(user).list().stream()
          .map(org.camunda.bpm.engine.identity.Group::getId).filter(id -> !id.equals("camunda-admin")).toList();
    }

    private static void grant(AuthorizationService authorizations, String group, Resources resource, String id,
        Permissions permission) {
      Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
          .resourceId(id).singleResult();
      Authorization grant = existing != null ? existing : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      if (existing == null) {
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(id);
      }
      grant.addPermission(permission);
      authorizations.saveAuthorization(grant);
    }

  }
}
