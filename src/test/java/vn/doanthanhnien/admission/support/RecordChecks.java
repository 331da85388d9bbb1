package vn.doanthanhnien.admission.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads a node's database directly and checks that the application's tables (candidacy, candidacy_event,
 * probation) and the engine's (runtime and history) tell the same story, as they must when every change to both is
 * one transaction: whatever was cut off by a crash is in neither. Plain SQL that runs on H2 and PostgreSQL.
 */
public final class RecordChecks {

  /** The timeline of a candidacy admitted without a renewal: the candidate and both parents verified. */
  public static final Map<String, Integer> ONE_OF_EACH_STAGE_WITH_THREE_VERIFICATIONS = new TreeMap<>(Map.ofEntries(
      Map.entry("recordBranchVote", 1), Map.entry("recordYouthCommitteeResolution", 1),
      Map.entry("recordAwarenessCertificate", 1), Map.entry("assignIntroducer", 1), Map.entry("checkDossier", 1),
      Map.entry("verifyBackground", 3), Map.entry("collectOpinions", 1), Map.entry("recordPartyCellVote", 1),
      Map.entry("recordPartyCommitteeVote", 1), Map.entry("recordAdmissionDecision", 1),
      Map.entry("recordAdmissionCeremony", 1)));

  public record Candidacy(long id, String memberCode, String status, String stage, String processInstanceId) {
  }

  private final JdbcTemplate db;

  public RecordChecks(JdbcTemplate db) {
    this.db = db;
  }

  public List<Candidacy> candidacies() {
    return db.query("select id, member_code, status, stage, process_instance_id from candidacy order by id",
        (row, i) -> new Candidacy(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
            row.getString(5)));
  }

  /** Completed stages in the candidacy's timeline, counted by task key. */
  public Map<String, Integer> stagesCompleted(long candidacyId) {
    return counts("select stage, count(*) from candidacy_event where candidacy_id = ? and action = 'STAGE_COMPLETED'"
        + " group by stage", candidacyId);
  }

  /** Tasks of the process instance completed in the engine's history, counted by task key. */
  public Map<String, Integer> tasksCompleted(String processInstanceId) {
    return counts("select task_def_key_, count(*) from act_hi_taskinst where proc_inst_id_ = ?"
        + " and delete_reason_ = 'completed' group by task_def_key_", processInstanceId);
  }

  /** Jobs of the process instance that ran to success, counted by activity. */
  public Map<String, Integer> successfulJobRuns(String processInstanceId) {
    return counts("select act_id_, count(*) from act_hi_job_log where process_instance_id_ = ? and job_state_ = 2"
        + " group by act_id_", processInstanceId);
  }

  /** Probation process instances, counted by the candidacy id they carry as business key. */
  public Map<Long, Integer> probationInstancesByCandidacy() {
    return db.query("select business_key_, count(*) from act_hi_procinst where proc_def_key_ = 'probation'"
        + " group by business_key_", (row, i) -> Map.entry(Long.valueOf(row.getString(1)), row.getInt(2)))
        .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Integer::sum, TreeMap::new));
  }

  /**
   * Every candidacy has exactly one process instance with its id as business key and every instance its candidacy;
   * an open candidacy's instance runs and waits at the candidacy's stage (or at an asynchronous step after it), a
   * closed one's has ended; the timeline holds exactly one entry per completed task, one nomination and at most one
   * closing; every admitted candidacy, and only those, has one probation.
   */
  public void assertEngineAndRecordsAgree() {
    SoftAssertions softly = new SoftAssertions();
    List<Candidacy> candidacies = candidacies();
    Map<String, Integer> instancesByBusinessKey = db.query("select business_key_, count(*) from act_hi_procinst"
        + " where proc_def_key_ = 'party-admission' group by business_key_",
        (row, i) -> Map.entry(row.getString(1), row.getInt(2))).stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    softly.assertThat(instancesByBusinessKey.keySet()).as("business keys of the instances")
        .containsExactlyInAnyOrderElementsOf(candidacies.stream().map(c -> String.valueOf(c.id())).toList());
    softly.assertThat(instancesByBusinessKey.values()).as("instances per business key").containsOnly(1);
    softly.assertThat(candidacies.stream().map(Candidacy::memberCode)).as("members with a candidacy")
        .doesNotHaveDuplicates();
    Map<Long, Integer> probations = probationInstancesByCandidacy();
    for (Candidacy candidacy : candidacies) {
      String as = "candidacy " + candidacy.id() + " (" + candidacy.status() + " at " + candidacy.stage() + ")";
      List<Map<String, Object>> instance = db.queryForList("select id_, end_time_ from act_hi_procinst"
          + " where proc_def_key_ = 'party-admission' and business_key_ = ?", String.valueOf(candidacy.id()));
      softly.assertThat(instance).as("%s: its instance", as).hasSize(1);
      if (instance.size() != 1) {
        continue;
      }
      softly.assertThat(instance.get(0).get("id_")).as("%s: its instance id", as)
          .isEqualTo(candidacy.processInstanceId());
      boolean open = candidacy.status().equals("IN_PROGRESS");
      boolean running = count("select count(*) from act_ru_execution where proc_inst_id_ = ?",
          candidacy.processInstanceId()) > 0;
      softly.assertThat(running).as("%s: instance running", as).isEqualTo(open);
      softly.assertThat(instance.get(0).get("end_time_") == null).as("%s: instance not ended", as).isEqualTo(open);
      if (open) {
        List<String> waitingAt = db.queryForList("select distinct task_def_key_ from act_ru_task"
            + " where proc_inst_id_ = ?", String.class, candidacy.processInstanceId());
        if (waitingAt.isEmpty()) {
          softly.assertThat(count("select count(*) from act_ru_job where process_instance_id_ = ?",
              candidacy.processInstanceId())).as("%s: a job to continue, with no task open", as).isPositive();
        } else {
          softly.assertThat(waitingAt).as("%s: open tasks", as).containsExactly(candidacy.stage());
        }
      }
      softly.assertThat(stagesCompleted(candidacy.id())).as("%s: timeline against the tasks completed", as)
          .isEqualTo(tasksCompleted(candidacy.processInstanceId()));
      softly.assertThat(count("select count(*) from candidacy_event where candidacy_id = ? and action = 'NOMINATED'",
          candidacy.id())).as("%s: nominations", as).isOne();
      softly.assertThat(count("select count(*) from candidacy_event where candidacy_id = ?"
          + " and action in ('ADMITTED', 'REJECTED', 'WITHDRAWN')", candidacy.id())).as("%s: closings", as)
          .isEqualTo(open ? 0 : 1);
      boolean admitted = candidacy.status().equals("ADMITTED");
      softly.assertThat(count("select count(*) from probation where candidacy_id = ?", candidacy.id()))
          .as("%s: probation records", as).isEqualTo(admitted ? 1 : 0);
      softly.assertThat(probations.getOrDefault(candidacy.id(), 0)).as("%s: probation instances", as)
          .isEqualTo(admitted ? 1 : 0);
    }
    softly.assertAll();
    assertThat(candidacies).isNotEmpty();
  }

  private Map<String, Integer> counts(String sql, Object... arguments) {
    return db.query(sql, (row, i) -> Map.entry(row.getString(1), row.getInt(2)), arguments).stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Integer::sum, TreeMap::new));
  }

  private int count(String sql, Object... arguments) {
    return db.queryForObject(sql, Integer.class, arguments);
  }
}
