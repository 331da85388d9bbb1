package vn.doanthanhnien.admission.candidacy;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.doanthanhnien.admission.common.Tallies;

/**
 * The candidacies in progress now, per branch and open stage (table {@code stage_count}), moved by
 * {@link CandidacyService} in the transaction that opens a candidacy, moves it to another stage or closes it, so that
 * the report and the stall view of a unit read a few rows per branch instead of counting the candidacies in
 * progress. {@code GET /api/reports/counter-check} recounts them.
 */
@Component
public class StageCounts {

  static final Tallies.Table TABLE = new Tallies.Table("stage_count", "candidacies", List.of("branch_code", "stage"));

  private final Tallies tallies;
  private final JdbcTemplate jdbc;

  public StageCounts(Tallies tallies, JdbcTemplate jdbc) {
    this.tallies = tallies;
    this.jdbc = jdbc;
  }

  /** A candidacy of the branch left stage {@code from} (null: it was opened) for {@code to} (null: it was closed). */
  void moved(String branchCode, String from, String to) {
    if (from != null && from.equals(to)) {
      return;
    }
    Map<String, Long> deltas = new LinkedHashMap<>();
    if (from != null) {
      deltas.put(from, -1L);
    }
    if (to != null) {
      deltas.put(to, 1L);
    }
    tallies.add(TABLE, "stage", deltas, Map.of("branch_code", branchCode));
  }

  /**
   * The candidacies in progress by branch and stage (stages without any left out); of the branches given, or of every
   * branch when {@code branches} is null.
   */
  public Map<String, Map<String, Long>> byBranch(Collection<String> branches) {
    Map<String, Map<String, Long>> counts = new HashMap<>();
    String sql = "select branch_code, stage, candidacies from stage_count where candidacies <> 0";
    Object[] args = {};
    if (branches != null) {
      if (branches.isEmpty()) {
        return counts;
      }
      sql += " and branch_code in (" + String.join(", ", Collections.nCopies(branches.size(), "?")) + ")";
      args = branches.toArray();
    }
    jdbc.query(sql, rs -> {
      counts.computeIfAbsent(rs.getString(1), b -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
    }, args);
    return counts;
  }
}
