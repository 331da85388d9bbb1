package vn.doanthanhnien.admission.stall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.common.BusinessClock;
import vn.doanthanhnien.admission.common.Tallies;
import vn.doanthanhnien.admission.deadline.WorkingDays;
import vn.doanthanhnien.admission.unit.UnitService;

/**
 * How many working days each completed stage took, kept per unit, year of completion and stage as a count of visits
 * per number of working days (table {@code stage_time}): a unit's median and 90th percentile are worked out from its
 * own few rows, however many branches and candidacies it has. Each visit is added, in the transaction that completes
 * the stage, to the branch and to every unit that counts the branch (both trees), in one statement.
 */
@Component
public class StageTimes {

  static final Tallies.Table TABLE = new Tallies.Table("stage_time", "visits",
      List.of("unit_code", "time_year", "stage", "working_days"));

  private final Tallies tallies;
  private final JdbcTemplate jdbc;
  private final UnitService units;
  private final WorkingDays workingDays;
  private final BusinessClock clock;

  public StageTimes(Tallies tallies, JdbcTemplate jdbc, UnitService units, WorkingDays workingDays,
      BusinessClock clock) {
    this.tallies = tallies;
    this.jdbc = jdbc;
    this.units = units;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  /** A stage of a candidacy of {@code branchCode}, entered at {@code enteredAt}, is completed now. */
  public void completed(String branchCode, String stage, Instant enteredAt) {
    add(branchCode, stage, enteredAt, clock.now(), 1);
  }

  /** Adds {@code visits} visits of a stage entered and completed at those instants. */
  void add(String branchCode, String stage, Instant enteredAt, Instant completedAt, long visits) {
    LocalDate completedOn = LocalDate.ofInstant(completedAt, clock.zone());
    int days = workingDays.between(LocalDate.ofInstant(enteredAt, clock.zone()), completedOn);
    tallies.add(TABLE, "unit_code", units.treeKnowing(branchCode).unitsCounting(branchCode),
        Map.of("time_year", completedOn.getYear(), "stage", stage, "working_days", days), visits);
  }

  /** The unit's visits completed in the year, by stage: working days → visits, in ascending order of days. */
  Map<String, TreeMap<Integer, Long>> ofUnit(String unitCode, int year) {
    Map<String, TreeMap<Integer, Long>> byStage = new HashMap<>();
    jdbc.query("select stage, working_days, visits from stage_time where unit_code = ? and time_year = ?",
        rs -> {
          byStage.computeIfAbsent(rs.getString(1), s -> new TreeMap<>()).merge(rs.getInt(2), rs.getLong(3), Long::sum);
        }, unitCode, year);
    return byStage;
  }
}
