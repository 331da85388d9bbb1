package vn.doanthanhnien.admission.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.doanthanhnien.admission.support.AppNode;
import vn.doanthanhnien.admission.support.CandidacyDriver;
import vn.doanthanhnien.admission.support.NodeClient;
import vn.doanthanhnien.admission.support.RecordChecks;

/**
 * Camunda's own clustering: two nodes, each a JVM of its own with its job executor on, on one PostgreSQL database,
 * in the default profile (the demo users drive the candidacies). The nodes are started at the same moment on an empty
 * database, so that both would create the schemas, the deployments and the demo data at once; then candidacies are
 * nominated on both, their tasks completed on each node in turn, the asynchronous steps and the timers run by
 * whichever job executor acquires them first.
 */
@TestMethodOrder(OrderAnnotation.class)
class TwoNodeClusterTest {

  private static final int CANDIDACIES = 6;
  private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  @TempDir
  static Path directory;
  private static EmbeddedPostgres postgres;
  private static JdbcTemplate db;
  private static AppNode nodeA;
  private static AppNode nodeB;
  private static NodeClient a;
  private static NodeClient b;

  @BeforeAll
  static void startPostgresAndBothNodesAtOnce() throws Exception {
    postgres = EmbeddedPostgres.start();
    db = new JdbcTemplate(postgres.getPostgresDatabase());
    String[] database = {"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"};
    nodeA = new AppNode("node-a", directory, database).start();
    nodeB = new AppNode("node-b", directory, database).start();
    nodeA.awaitReady(Duration.ofMinutes(4));
    nodeB.awaitReady(Duration.ofMinutes(4));
    a = new NodeClient(nodeA);
    b = new NodeClient(nodeB);
    for (AppNode node : List.of(nodeA, nodeB)) {
      System.out.printf("%s (pid %d) at %s%s%n", node.name(), node.pid(), node.baseUrl(),
          node.output().contains("Another node is starting") ? ", waited for the other node to finish starting" : "");
    }
  }

  @AfterAll
  static void stopBothNodesAndPostgres() throws Exception {
    try {
      for (AppNode node : new AppNode[] {nodeA, nodeB}) {
        if (node != null) {
          node.close();
        }
      }
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  @Test
  @Order(1)
  void twoNodesStartingTogetherOnAnEmptyDatabaseCreateEverythingOnce() {
    assertThat(db.queryForList("select id_ from act_id_user order by id_", String.class)).containsExactly(
        "admin", "partycell", "partycommittee", "secretary", "secretary2", "superior", "youthcommittee");
    assertThat(db.queryForList("select name_ from act_ru_filter order by name_", String.class))
        .containsExactly("Việc của tôi", "Việc của đơn vị tôi");
    assertThat(db.queryForObject("select count(*) from org_unit", Integer.class)).isEqualTo(10);
    assertThat(db.queryForObject("select count(*) from member where code like 'KTNN01-%' or code like 'HVBC01-%'",
        Integer.class)).isEqualTo(30);
    assertThat(db.queryForList("select key_ from act_re_procdef", String.class)).doesNotHaveDuplicates()
        .contains("party-admission", "probation", "deadline-watch", "candidacy-withdrawal");
    assertThat(db.queryForObject("select count(*) from act_re_deployment", Integer.class)).isOne();
    assertThat(db.queryForObject("select count(*) from act_ru_job where handler_type_ = 'timer-start-event'",
        Integer.class)).isOne();
    assertThat(db.queryForObject("select count(*) from flyway_schema_history where not success", Integer.class))
        .isZero();
    assertThat(nodeA.output() + nodeB.output()).doesNotContain("ERROR");
  }

  @Test
  @Order(2)
  void candidaciesNominatedAndCompletedOnBothNodesAreEachAdmittedOnceWithEveryJobRunOnce() throws Exception {
    List<NodeClient> nodes = List.of(a, b);
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < CANDIDACIES; i++) {
      NodeClient node = nodes.get(i % 2);
      String member = "CUM-" + (i + 1);
      node.registerMember(member);
      instances.add((String) node.nominate(member).get("id"));
    }
    String watchJob = (String) a.get("admin", "/engine-rest/job?processDefinitionKey=deadline-watch&timers=true"
        + "&maxResults=10").list().get(0).get("id");

    // The hourly watch made due now while the officers work, on both nodes; either job executor may take it.
    makeDue(b, watchJob);
    CandidacyDriver driver = new CandidacyDriver(nodes);
    ExecutorService officers = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> driven = new ArrayList<>();
      for (int i = 0; i < CANDIDACIES; i++) {
        String instance = instances.get(i);
        int turn = i;
        driven.add(officers.submit(() -> {
          driver.toTheEnd(instance, turn);
          return null;
        }));
      }
      for (Future<?> done : driven) {
        done.get();
      }
    } finally {
      officers.shutdownNow();
    }

    RecordChecks records = new RecordChecks(db);
    assertThat(records.candidacies()).hasSize(CANDIDACIES).allSatisfy(candidacy -> {
      assertThat(candidacy.status()).as("candidacy %d", candidacy.id()).isEqualTo("ADMITTED");
      assertThat(records.stagesCompleted(candidacy.id())).as("timeline of candidacy %d", candidacy.id())
          .isEqualTo(RecordChecks.ONE_OF_EACH_STAGE_WITH_THREE_VERIFICATIONS);
      assertThat(records.successfulJobRuns(candidacy.processInstanceId()))
          .containsExactlyInAnyOrderEntriesOf(Map.of("checkAwarenessCertificate", 1, "startProbation", 1));
    });
    records.assertEngineAndRecordsAgree();
    assertThat(records.probationInstancesByCandidacy()).hasSize(CANDIDACIES).allSatisfy((candidacy, count) ->
        assertThat(count).as("probations of candidacy %d", candidacy).isOne());
    awaitSuccessfulRuns(watchJob, 1);
    assertThat(db.queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = 'deadline-watch'",
        Integer.class)).isOne();

    // The probation timers, twelve months away, made due now: half of them through each node.
    List<String> probationTimers = db.queryForList("select id_ from act_ru_job where process_def_key_ = 'probation'"
        + " and type_ = 'timer'", String.class);
    assertThat(probationTimers).hasSize(CANDIDACIES);
    for (int i = 0; i < probationTimers.size(); i++) {
      makeDue(nodes.get(i % 2), probationTimers.get(i));
    }
    for (String timer : probationTimers) {
      awaitSuccessfulRuns(timer, 1);
    }
    assertThat(db.queryForList("select t.task_def_key_ from act_ru_task t join act_ru_execution e"
        + " on e.id_ = t.proc_inst_id_ where e.proc_def_key_ = 'probation'", String.class))
        .hasSize(CANDIDACIES).containsOnly("recordProbationCellVote");
    // The history cleanup job lives on from night to night under one id, running again and again in its window.
    assertThat(db.queryForList("select job_id_ from act_hi_job_log where job_state_ = 2"
        + " and coalesce(job_def_type_, '') <> 'history-cleanup' group by job_id_"
        + " having count(*) > 1", String.class)).as("jobs that ran to success more than once").isEmpty();
    assertThat(db.queryForObject("select count(*) from act_ru_incident", Integer.class)).isZero();
    System.out.println("Jobs run by node: " + db.queryForList("select hostname_, count(*) as runs"
        + " from act_hi_job_log where job_state_ = 2 group by hostname_"));
  }

  private static void makeDue(NodeClient node, String jobId) {
    String lastMinute = OffsetDateTime.now().minusMinutes(1).format(CAMUNDA_DATE);
    NodeClient.expectOk(node.put("admin", "/engine-rest/job/" + jobId + "/duedate", Map.of("duedate", lastMinute)),
        "due date of job " + jobId);
  }

  /** Until the job ran to success {@code times} times (a timer's next cycle is a job of its own). */
  private static void awaitSuccessfulRuns(String jobId, int times) throws InterruptedException {
    String count = "select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2";
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (db.queryForObject(count, Integer.class, jobId) < times && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(db.queryForObject(count, Integer.class, jobId)).as("successful runs of job %s", jobId)
        .isEqualTo(times);
  }
}
