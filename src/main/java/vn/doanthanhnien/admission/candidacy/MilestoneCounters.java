package vn.doanthanhnien.admission.candidacy;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.common.Tallies;

/**
 * The yearly report's counts per branch, year and {@link Milestone} (table {@code milestone_count}), moved by
 * {@link CandidacyService} in the transaction that records the milestone, so that the report reads a few rows per
 * branch instead of counting the candidacies. {@code GET /api/reports/counter-check} recounts them from the
 * candidacies.
 */
@Component
public class MilestoneCounters {

  static final Tallies.Table TABLE = new Tallies.Table("milestone_count", "candidacies",
      List.of("count_year", "branch_code", "milestone"));

  private final Tallies tallies;
  private final JdbcTemplate jdbc;

  public MilestoneCounters(Tallies tallies, JdbcTemplate jdbc) {
    this.tallies = tallies;
    this.jdbc = jdbc;
  }

  void add(String branchCode, int year, Milestone milestone, long delta) {
    tallies.add(TABLE, "branch_code", List.of(branchCode), Map.of("count_year", year, "milestone", milestone.name()),
        delta);
  }

  /** The year's counts by branch; of the branches given, or of every branch when {@code branches} is null. */
  public Map<String, Map<Milestone, Long>> ofYear(int year, Collection<String> branches) {
    Map<String, Map<Milestone, Long>> counts = new HashMap<>();
    String sql = "select branch_code, milestone, candidacies from milestone_count where count_year = ?";
    Object[] args;
    if (branches == null) {
      args = new Object[] {year};
    } else if (branches.isEmpty()) {
      return counts;
    } else {
      sql += " and branch_code in (" + String.join(", ", Collections.nCopies(branches.size(), "?")) + ")";
      args = Stream.concat(Stream.of(year), branches.stream()).toArray();
    }
    jdbc.query(sql, rs -> {
      counts.computeIfAbsent(rs.getString(1), b -> new EnumMap<>(Milestone.class))
          .put(Milestone.valueOf(rs.getString(2)), rs.getLong(3));
    }, args);
    return counts;
  }
}
