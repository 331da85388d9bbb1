package vn.doanthanhnien.admission.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.doanthanhnien.admission.support.AppNode;
import vn.doanthanhnien.admission.support.CandidacyDriver;
import vn.doanthanhnien.admission.support.CandidacyDriver.Submission;
import vn.doanthanhnien.admission.support.NodeClient;
import vn.doanthanhnien.admission.support.RecordChecks;

/**
 * A node killed with SIGKILL while officers work, right after it acknowledged one named submission, then started again
 * on the same database: on the default profile's H2 file and on PostgreSQL. Every change is one transaction over the
 * application's tables and the engine's, so each acknowledged submission is there whole, each one the kill cut off is
 * there whole or not at all, the only failures are requests left without an answer, a timer that fell due while no
 * node ran fires at the start, and every candidacy goes on to its end.
 */
class CrashRecoveryTest {

  private static final int CANDIDACIES = 8;
  private static final int OFFICERS = 4;
  /**
   * The node is killed right after it acknowledged this member's dossier check, with the first four candidacies about
   * half-way and the other four not yet nominated.
   */
  private static final String KILL_AFTER_MEMBER = "SAP-3";
  private static final String KILL_AFTER_STAGE = "checkDossier";
  private static final String COMPLETED = "completed, in the timeline";
  private static final String OPEN = "open, not in the timeline";
  /** Linux reports a process ended by signal 9 as 128 + 9. */
  private static final int KILLED_BY_SIGKILL = 137;

  @TempDir
  Path directory;

  @Test
  void onTheH2FileDatabase() throws Exception {
    // The node runs with application.yml's database, ./data in the folder it is started in.
    String url = "jdbc:h2:file:" + directory.resolve("data/party-admission");
    crashAndRecover(new AppNode("h2-node", directory), check -> {
      // Read while no node runs: an H2 file database belongs to one process at a time. Let go with what the check
      // wrote on disk ("checkpoint sync") and then "shutdown immediately", which closes the files as they are: a normal
      // close would do the clean-up of a crashed database (its temporary LOBs) here instead of in the restarted node,
      // and once failed doing it (an assertion inside H2's LobStorageMap, with -ea), which left the file locked by this
      // JVM and the node unable to start again.
      SingleConnectionDataSource connection = new SingleConnectionDataSource(url, "sa", "", true);
      JdbcTemplate jdbc = new JdbcTemplate(connection);
      try {
        check.accept(jdbc);
      } finally {
        jdbc.execute("checkpoint sync");
        jdbc.execute("shutdown immediately");
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
      Map<String, String> instanceOfMember = new ConcurrentHashMap<>();
      AtomicBoolean killing = new AtomicBoolean();
      AtomicInteger exitCode = new AtomicInteger(-1);
      // The known point: the node dies right after it answered 204 to this one submission.
      CandidacyDriver driver = new CandidacyDriver(List.of(client), submission -> {
        if (submission.taskKey().equals(KILL_AFTER_STAGE)
            && submission.processInstanceId().equals(instanceOfMember.get(KILL_AFTER_MEMBER))) {
          killing.set(true);
          try {
            exitCode.set(node.kill());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      });
      Set<String> nominated = ConcurrentHashMap.newKeySet();
      Queue<Failure> failures = new ConcurrentLinkedQueue<>();
      Queue<String> toNominate = new ConcurrentLinkedQueue<>(members);

      // when: officers nominate and drive every candidacy at once, and the node is killed at the known point
      ExecutorService officers = Executors.newFixedThreadPool(OFFICERS);
      try {
        List<Future<?>> working = new ArrayList<>();
        for (int i = 0; i < OFFICERS; i++) {
          working.add(officers.submit(() -> {
            try {
              for (String member = toNominate.poll(); member != null; member = toNominate.poll()) {
                String instance = (String) client.nominate(member).get("id");
                instanceOfMember.put(member, instance);
                nominated.add(member);
                driver.toTheEnd(instance, 0);
              }
            } catch (Throwable e) {
              failures.add(new Failure(killing.get(), e));
            }
            return null;
          }));
        }
        for (Future<?> officer : working) {
          officer.get(10, TimeUnit.MINUTES);
        }
      } finally {
        officers.shutdownNow();
      }
      assertThat(killing).as("killed after %s's %s was acknowledged", KILL_AFTER_MEMBER, KILL_AFTER_STAGE).isTrue();
      assertThat(exitCode.get()).as("exit code of a process killed by SIGKILL").isEqualTo(KILLED_BY_SIGKILL);
      // Only requests the kill cut off may fail: no answer at all, never an HTTP error from the node.
      assertThat(failures).allSatisfy(failure -> {
        assertThat(failure.afterTheKill()).as("failed before the kill: %s", failure.error()).isTrue();
        assertThat(failure.cutOff()).as("not a cut-off connection: %s", failure.error()).isTrue();
      });
      String killedInstance = instanceOfMember.get(KILL_AFTER_MEMBER);
      System.out.printf("%s killed after %s's %s: %d submissions acknowledged, %d cut off, %d officers' requests "
          + "failed%n", node.name(), KILL_AFTER_MEMBER, KILL_AFTER_STAGE, driver.acknowledged().size(),
          driver.unacknowledged().size(), failures.size());
      String[] watchTimer = new String[1];

      // then: the database as the kill left it holds whole transactions only
      database.accept(db -> {
        RecordChecks records = new RecordChecks(db);
        records.assertEngineAndRecordsAgree();
        assertThat(records.candidacies()).extracting(RecordChecks.Candidacy::memberCode).containsAll(nominated);
        assertThat(records.candidacies()).extracting(RecordChecks.Candidacy::status).as("killed in the middle")
            .contains("IN_PROGRESS");
        assertThat(driver.acknowledged()).as("the kill point")
            .anyMatch(s -> s.processInstanceId().equals(killedInstance) && s.taskKey().equals(KILL_AFTER_STAGE));
        SoftAssertions softly = new SoftAssertions();
        for (Submission acknowledged : driver.acknowledged()) {
          softly.assertThat(state(db, acknowledged)).as("%s, acknowledged before the kill", acknowledged)
              .isEqualTo(COMPLETED);
        }
        for (Submission cutOff : driver.unacknowledged()) {
          softly.assertThat(state(db, cutOff)).as("%s, cut off by the kill", cutOff).isIn(COMPLETED, OPEN);
        }
        softly.assertAll();
        watchTimer[0] = dueWhileNoNodeRuns(db);
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
        for (Submission acknowledged : driver.acknowledged()) {
          assertThat(state(db, acknowledged)).as("%s, acknowledged before the kill", acknowledged)
              .isEqualTo(COMPLETED);
        }
        for (Submission acknowledged : resumed.acknowledged()) {
          assertThat(state(db, acknowledged)).as("%s, acknowledged after the restart", acknowledged)
              .isEqualTo(COMPLETED);
        }
        assertThat(db.queryForObject("select count(*) from act_ru_incident", Integer.class)).isZero();
        assertThat(db.queryForObject("select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2",
            Integer.class, watchTimer[0])).as("the deadline watch's timer, due while no node ran, ran at the start")
            .isOne();
      });
    }
  }

  /** A failure of an officer's work: whether the kill had begun, and the error. */
  private record Failure(boolean afterTheKill, Throwable error) {

    /** The request got no answer: the connection was refused, reset or closed by the dying node. */
    boolean cutOff() {
      for (Throwable t = error; t != null; t = t.getCause()) {
        if (t instanceof IOException) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * What the database holds of one submission: {@link #COMPLETED} (the task completed in the history, gone from the
   * runtime, in the timeline) or {@link #OPEN} (the task still open, the timeline without it), else what is half there.
   */
  private static String state(JdbcTemplate db, Submission submission) {
    int completed = count(db, "select count(*) from act_hi_taskinst where id_ = ? and delete_reason_ = 'completed'",
        submission.taskId());
    int open = count(db, "select count(*) from act_ru_task where id_ = ?", submission.taskId());
    int completedOfStage = count(db, "select count(*) from act_hi_taskinst where proc_inst_id_ = ?"
        + " and task_def_key_ = ? and delete_reason_ = 'completed'", submission.processInstanceId(),
        submission.taskKey());
    int inTimeline = count(db, "select count(*) from candidacy_event e join candidacy c on c.id = e.candidacy_id"
        + " where c.process_instance_id = ? and e.stage = ? and e.action = 'STAGE_COMPLETED'",
        submission.processInstanceId(), submission.taskKey());
    if (completed == 1 && open == 0 && inTimeline == completedOfStage) {
      return COMPLETED;
    }
    if (completed == 0 && open == 1 && inTimeline == completedOfStage) {
      return OPEN;
    }
    return "half-stored: completed " + completed + ", open " + open + ", timeline entries of the stage " + inTimeline
        + " for " + completedOfStage + " completed tasks";
  }

  /**
   * Moves the hourly deadline watch's timer, due an hour after the first start, to an hour ago, as if the node had
   * stayed down that long; returns the timer job's id.
   */
  private static String dueWhileNoNodeRuns(JdbcTemplate db) {
    Map<String, Object> timer = db.queryForMap("select id_, duedate_ from act_ru_job"
        + " where process_def_key_ = 'deadline-watch'");
    assertThat(((Timestamp) timer.get("duedate_")).toInstant()).as("not due before the kill").isAfter(Instant.now());
    db.update("update act_ru_job set duedate_ = ? where id_ = ?",
        Timestamp.from(Instant.now().minus(Duration.ofHours(1))), timer.get("id_"));
    return (String) timer.get("id_");
  }

  private static int count(JdbcTemplate db, String sql, Object... arguments) {
    return db.queryForObject(sql, Integer.class, arguments);
  }

  /** The process instance of the member's candidacy, or null when the kill came before its nomination. */
  private static String instanceOf(NodeClient client, String member) {
    List<Map<String, Object>> candidacies = NodeClient.expectOk(client.get("secretary",
        "/api/candidacies?branch=KTNN-01"), "candidacies").list();
    return candidacies.stream().filter(c -> member.equals(c.get("memberCode")))
        .map(c -> (String) c.get("processInstanceId")).findFirst().orElse(null);
  }
}
