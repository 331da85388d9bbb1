package vn.doanthanhnien.admission.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.doanthanhnien.admission.support.AppNode;
import vn.doanthanhnien.admission.support.CandidacyDriver;
import vn.doanthanhnien.admission.support.NodeClient;
import vn.doanthanhnien.admission.support.RecordChecks;

/**
 * One node against two on one PostgreSQL (docs/performance.md, "Two nodes"): each node a JVM of its own as an
 * operator runs it (the packaged main class, the job executor on), the benchmark driving candidacies over HTTP from
 * the nomination to the probation's start, first through node A alone, then through A and B in turn (B started only
 * for the second round, so the first is one node's work, jobs included). Afterwards every candidacy must be admitted
 * with each of its jobs run exactly once, and no job anywhere run to success twice. Not part of {@code mvn test}:
 * {@code mvn -Pbenchmark test -Dtest=TwoNodeBenchmark -Dbenchmark.candidacies=200}.
 */
class TwoNodeBenchmark {

  private static final List<String> BENCHMARK_JVM = List.of("-Xmx1g", "-XX:+UseParallelGC");

  @TempDir
  Path directory;

  @Test
  void oneNodeAgainstTwo() throws Exception {
    int candidacies = Integer.getInteger("benchmark.candidacies", 200);
    int threads = Integer.getInteger("benchmark.threads", 8);
    int warmUp = Integer.getInteger("benchmark.warmup", Math.max(20, candidacies / 10));
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setServerConfig("synchronous_commit", System.getProperty("benchmark.synchronousCommit", "off")).start()) {
      JdbcTemplate db = new JdbcTemplate(postgres.getPostgresDatabase());
      String[] settings = {"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
          "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"};
      try (AppNode nodeA = new AppNode("node-a", directory, BENCHMARK_JVM, settings);
          AppNode nodeB = new AppNode("node-b", directory, BENCHMARK_JVM, settings)) {
        NodeClient a = new NodeClient(nodeA.start().awaitReady(Duration.ofMinutes(8)));
        String load = BenchmarkApp.loadAverage();
        Round warm = drive(List.of(a), warmUp, threads, "W");
        Round one = drive(List.of(a), candidacies, threads, "A");
        NodeClient b = new NodeClient(nodeB.start().awaitReady(Duration.ofMinutes(8)));
        drive(List.of(a, b), warmUp, threads, "WB");
        Round two = drive(List.of(a, b), candidacies, threads, "AB");

        RecordChecks records = new RecordChecks(db);
        assertThat(records.candidacies()).hasSize(warm.count * 2 + one.count + two.count)
            .allSatisfy(candidacy -> {
              assertThat(candidacy.status()).as("candidacy %d", candidacy.id()).isEqualTo("ADMITTED");
              assertThat(records.successfulJobRuns(candidacy.processInstanceId()))
                  .as("jobs of candidacy %d", candidacy.id())
                  .containsExactlyInAnyOrderEntriesOf(Map.of("checkAwarenessCertificate", 1, "startProbation", 1));
            });
        List<String> twice = db.queryForList("select job_id_ from act_hi_job_log where job_state_ = 2"
            + " and coalesce(job_def_type_, '') <> 'history-cleanup' group by job_id_ having count(*) > 1",
            String.class);
        assertThat(twice).as("jobs that ran to success more than once").isEmpty();
        assertThat(db.queryForObject("select count(*) from act_ru_incident", Integer.class)).isZero();
        List<Map<String, Object>> byNode = db.queryForList("select hostname_, count(*) as runs from act_hi_job_log"
            + " where job_state_ = 2 group by hostname_ order by hostname_");

        String report = String.join("\n", "",
            "=== Two nodes on one PostgreSQL — " + candidacies + " candidacies per round (+" + warmUp + " warm-up),"
                + " " + threads + " driver threads over HTTP, synchronous_commit "
                + db.queryForObject("show synchronous_commit", String.class),
            "load average before: " + load + "   after: " + BenchmarkApp.loadAverage(),
            String.format("%-14s %7s %9s %9s", "", "n", "seconds", "per s"),
            one.row("one node (A)"),
            two.row("two nodes (A+B)"),
            String.format("two/one %.2f; jobs run to success by node: %s; jobs run twice: %d; incidents: 0",
                two.perSecond() / one.perSecond(), byNode, twice.size()),
            "");
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "two-nodes.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
    }
  }

  private record Round(int count, double seconds) {
    double perSecond() {
      return count / seconds;
    }

    String row(String name) {
      return String.format("%-14s %7d %9.1f %9.2f", name, count, seconds, perSecond());
    }
  }

  /** Registers {@code count} members, then nominates and drives each to its end, the nodes taking turns. */
  private static Round drive(List<NodeClient> nodes, int count, int threads, String prefix) throws Exception {
    String codes = "TN" + ProcessHandle.current().pid() + prefix + "-";
    for (int i = 0; i < count; i++) {
      nodes.get(i % nodes.size()).registerMember(codes + i);
    }
    CandidacyDriver driver = new CandidacyDriver(nodes);
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            NodeClient node = nodes.get(i % nodes.size());
            driver.toTheEnd((String) node.nominate(codes + i).get("id"), i);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return new Round(count, (System.nanoTime() - start) / 1e9);
  }
}
