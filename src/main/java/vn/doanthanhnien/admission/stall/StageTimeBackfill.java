package vn.doanthanhnien.admission.stall;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.Tallies;
import vn.doanthanhnien.admission.deadline.WorkingDays;
import vn.doanthanhnien.admission.process.PartyAdmissionProcess;
import vn.doanthanhnien.admission.unit.UnitTree;
import vn.doanthanhnien.admission.unit.UnitService;

/**
 * The stage times of the stages completed before they were kept, from the engine's history, and the time each open
 * candidacy entered its stage, from its open task: done once, at the first start after migration V30 (which leaves a
 * row in {@code pending_backfill}). Not in the migration itself: on a new database the engine creates its tables
 * after Flyway has run, and a visit's working days come from the holiday list as {@link WorkingDays} reads it. Runs
 * under the cluster's start-up lock ({@code cluster/StartupLock}), before requests complete stages; the table is
 * rebuilt whole from the history, so a start that stopped half-way loses nothing.
 */
@Component
public class StageTimeBackfill {

  static final String NAME = "stage_time";
  private static final Logger LOG = LoggerFactory.getLogger(StageTimeBackfill.class);

  private final JdbcTemplate jdbc;
  private final UnitService units;
  private final WorkingDays workingDays;
  private final BusinessClock clock;
  private final Tallies tallies;

  public StageTimeBackfill(JdbcTemplate jdbc, UnitService units, WorkingDays workingDays, BusinessClock clock,
      Tallies tallies) {
    this.jdbc = jdbc;
    this.tallies = tallies;
    this.units = units;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  private record Key(String unit, int year, String stage, int days) {
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void runIfPending() {
    // The delete takes the row's lock: of two nodes, the second finds nothing left to do.
    if (jdbc.update("delete from pending_backfill where name = ?", NAME) == 0) {
      return;
    }
    UnitTree tree = units.tree();
    Map<Key, Long> visits = new HashMap<>();
    jdbc.query("select c.branch_code, t.task_def_key_, t.start_time_, t.end_time_ from act_hi_taskinst t"
        + " join candidacy c on c.process_instance_id = t.proc_inst_id_"
        + " where t.proc_def_key_ = ? and t.end_time_ is not null and t.delete_reason_ = 'completed'", rs -> {
          LocalDate entered = day(rs.getTimestamp(3));
          LocalDate completed = day(rs.getTimestamp(4));
          int days = workingDays.between(entered, completed);
          for (String unit : tree.unitsCounting(rs.getString(1))) {
            visits.merge(new Key(unit, completed.getYear(), rs.getString(2), days), 1L, Long::sum);
          }
        }, PartyAdmissionProcess.KEY);
    jdbc.update("delete from stage_time");
    tallies.forget(StageTimes.TABLE);
    List<Object[]> rows = new ArrayList<>();
    visits.forEach((key, count) -> rows.add(new Object[] {key.unit(), key.year(), key.stage(), key.days(), count}));
    jdbc.batchUpdate("insert into stage_time (unit_code, time_year, stage, working_days, visits) values (?, ?, ?, ?, ?)",
        rows);
    int entered = jdbc.update("update candidacy set stage_entered_at = (select max(t.create_time_) from act_ru_task t"
        + " where t.proc_inst_id_ = candidacy.process_instance_id) where status = 'IN_PROGRESS'"
        + " and stage_entered_at is null");
    LOG.info("Stage times rebuilt from the engine's history: {} rows; entry time set on {} open candidacies",
        rows.size(), entered);
  }

  private LocalDate day(Timestamp at) {
    return LocalDate.ofInstant(at.toInstant(), clock.zone());
  }
}
