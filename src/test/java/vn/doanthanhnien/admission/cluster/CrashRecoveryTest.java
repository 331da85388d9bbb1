package vn.doanthanhnien.admission.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.doanthanhnien.admission.support.AppNode;
import vn.doanthanhnien.admission.support.CandidacyDriver;
import vn.doanthanhnien.admission.support.NodeClient;
import vn.doanthanhnien.admission.support.RecordChecks;

/**
 * A node killed with SIGKILL while officers work, then started again on the same database: on the default profile's
 * H2 file and on PostgreSQL. Every change is one transaction over the application's tables and the engine's, so what
 * the kill cut off is in neither, what a node acknowledged is in both, and every candidacy goes on to its end.
 */
class CrashRecoveryTest {

  private static final int CANDIDACIES = 8;
  private static final int OFFICERS = 4;
  /** Submissions acknowledged before the kill: about a third of the ~110 the candidacies need. */
  private static final int KILL_AFTER = 40;
  /** Linux reports a process ended by signal 9 as 128 + 9. */
  private static final int KILLED_BY_SIGKILL = 137;

  @TempDir
  Path directory;

  @Test
  void onTheH2FileDatabase() throws Exception {
    // The node runs with application.yml's database, ./data in the folder it is started in.
    String url = "jdbc:h2:file:" + directory.resolve("data/party-admission");
    crashAndRecover(new AppNode("h2-node", directory), check -> {
      // Read while no node runs: an H2 file database belongs to one process at a time.
      SingleConnectionDataSource connection = new SingleConnectionDataSource(url, "sa", "", true);
      try {
        check.accept(new JdbcTemplate(connection));
      } finally {
        connection.destroy();
      }
    });
  }

  @Test
  void onPostgresql() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      crashAndRecover(new AppNode("postgresql-node", directory,
          "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
          "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"),
          check -> check.accept(new JdbcTemplate(postgres.getPostgresDatabase())));
    }
  }

  private void crashAndRecover(AppNode node, Consumer<Consumer<JdbcTemplate>> database) throws Exception {
    try (node) {
      NodeClient client = new NodeClient(node.start().awaitReady(Duration.ofMinutes(3)));
      List<String> members = new ArrayList<>();
      for (int i = 1; i <= CANDIDACIES; i++) {
        members.add("SAP-" + i);
        client.registerMember("SAP-" + i);
      }
      CandidacyDriver driver = new CandidacyDriver(List.of(client));
      Set<String> nominated = ConcurrentHashMap.newKeySet();
      AtomicBoolean killed = new AtomicBoolean();
      Queue<Throwable> failedBeforeTheKill = new ConcurrentLinkedQueue<>();
      Queue<Throwable> cutOff = new ConcurrentLinkedQueue<>();
      Queue<String> toNominate = new ConcurrentLinkedQueue<>(members);

      // when: officers nominate and drive every candidacy at once, and the node is killed in the middle
      ExecutorService officers = Executors.newFixedThreadPool(OFFICERS);
      int exitCode;
      try {
        List<Future<?>> working = new ArrayList<>();
        for (int i = 0; i < OFFICERS; i++) {
          working.add(officers.submit(() -> {
            try {
              for (String member = toNominate.poll(); member != null; member = toNominate.poll()) {
                String instance = (String) client.nominate(member).get("id");
                nominated.add(member);
                driver.toTheEnd(instance, 0);
              }
            } catch (Throwable e) {
              (killed.get() ? cutOff : failedBeforeTheKill).add(e);
            }
            return null;
          }));
        }
        while (driver.submissions() < KILL_AFTER && working.stream().anyMatch(f -> !f.isDone())) {
          Thread.sleep(20);
        }
        killed.set(true);
        exitCode = node.kill();
        officers.shutdown();
        assertThat(officers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
      } finally {
        officers.shutdownNow();
      }
      assertThat(failedBeforeTheKill).isEmpty();
      assertThat(exitCode).as("exit code of a process killed by SIGKILL").isEqualTo(KILLED_BY_SIGKILL);
      Set<String> acknowledgedBeforeTheKill = driver.acknowledgedTasks();
      System.out.printf("%s killed after %d acknowledged submissions, cutting off %d officers' requests%n",
          node.name(), acknowledgedBeforeTheKill.size(), cutOff.size());

      // then: the database as the kill left it holds whole transactions only
      database.accept(db -> {
        RecordChecks records = new RecordChecks(db);
        records.assertEngineAndRecordsAgree();
        assertThat(records.candidacies()).extracting(RecordChecks.Candidacy::memberCode).containsAll(nominated);
        assertThat(records.candidacies()).extracting(RecordChecks.Candidacy::status).as("killed in the middle")
            .contains("IN_PROGRESS");
        assertCompleted(db, acknowledgedBeforeTheKill);
      });

      // when: the node starts again on the same database and the officers finish the work
      NodeClient restarted = new NodeClient(node.start().awaitReady(Duration.ofMinutes(3)));
      CandidacyDriver resumed = new CandidacyDriver(List.of(restarted));
      List<String> instances = new ArrayList<>();
      for (String member : members) {
        String instance = instanceOf(restarted, member);
        instances.add(instance != null ? instance : (String) restarted.nominate(member).get("id"));
      }
      ExecutorService again = Executors.newFixedThreadPool(OFFICERS);
      try {
        List<Future<?>> resuming = new ArrayList<>();
        for (String instance : instances) {
          resuming.add(again.submit(() -> {
            resumed.toTheEnd(instance, 0);
            return null;
          }));
        }
        for (Future<?> done : resuming) {
          done.get();
        }
      } finally {
        again.shutdownNow();
      }
      node.stop();

      // then: every candidacy is there once and admitted, every stage and every job done once
      database.accept(db -> {
        RecordChecks records = new RecordChecks(db);
        records.assertEngineAndRecordsAgree();
        assertThat(records.candidacies()).extracting(RecordChecks.Candidacy::memberCode)
            .containsExactlyInAnyOrderElementsOf(members);
        assertThat(records.candidacies()).allSatisfy(candidacy -> {
          assertThat(candidacy.status()).as("candidacy %d", candidacy.id()).isEqualTo("ADMITTED");
          assertThat(records.stagesCompleted(candidacy.id())).as("timeline of candidacy %d", candidacy.id())
              .isEqualTo(RecordChecks.ONE_OF_EACH_STAGE_WITH_THREE_VERIFICATIONS);
          assertThat(records.successfulJobRuns(candidacy.processInstanceId()))
              .containsExactlyInAnyOrderEntriesOf(Map.of("checkAwarenessCertificate", 1, "startProbation", 1));
        });
        assertCompleted(db, acknowledgedBeforeTheKill);
        assertCompleted(db, resumed.acknowledgedTasks());
        assertThat(db.queryForObject("select count(*) from act_ru_incident", Integer.class)).isZero();
      });
    }
  }

  /** A submission acknowledged to an officer is never lost, not even by a crash right after it. */
  private static void assertCompleted(JdbcTemplate db, Set<String> taskIds) {
    List<String> completed = db.queryForList("select id_ from act_hi_taskinst where delete_reason_ = 'completed'",
        String.class);
    assertThat(completed).as("acknowledged completions in the history").containsAll(taskIds);
  }

  /** The process instance of the member's candidacy, or null when the kill came before its nomination. */
  private static String instanceOf(NodeClient client, String member) {
    List<Map<String, Object>> candidacies = NodeClient.expectOk(client.get("secretary",
        "/api/candidacies?branch=KTNN-01"), "candidacies").list();
    return candidacies.stream().filter(c -> member.equals(c.get("memberCode")))
        .map(c -> (String) c.get("processInstanceId")).findFirst().orElse(null);
  }
}
