package vn.doanthanhnien.admission.stall;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The candidacies waiting at each stage and, among them, those that entered it before the stage's cut-off, in one
 * pass over the candidacies in progress, answered from the index on (status, stage, stage_entered_at, branch_code)
 * alone.
 */
@Component
class StallQueries {

  /** Waiting at a stage, of one branch or (branch null) of every branch together. */
  record Waiting(String branchCode, String stage, long waiting, long older) {
  }

  private final EntityManager entityManager;

  StallQueries(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * @param cutOffs per stage, the instant before which a candidacy waiting there counts as older than usual; a stage
   *     without one counts none
   * @param branches the branches to count, by branch
   */
  List<Waiting> waiting(Map<String, Instant> cutOffs, Collection<String> branches) {
    return query(cutOffs, "c.branchCode, ", " and c.branchCode in :branches", "c.branchCode, ", branches);
  }

  /** The same for every branch, by branch: a list of a thousand codes costs more than reading every branch's rows. */
  List<Waiting> waitingByBranch(Map<String, Instant> cutOffs) {
    return query(cutOffs, "c.branchCode, ", "", "c.branchCode, ", null);
  }

  /** The same for every branch together. */
  List<Waiting> waitingEverywhere(Map<String, Instant> cutOffs) {
    return query(cutOffs, "", "", "", null);
  }

  private List<Waiting> query(Map<String, Instant> cutOffs, String selectBranch, String whereBranch,
      String groupBranch, Collection<String> branches) {
    List<Map.Entry<String, Instant>> entries = new ArrayList<>(cutOffs.entrySet());
    StringBuilder older = new StringBuilder(entries.isEmpty() ? "0" : "case");
    for (int i = 0; i < entries.size(); i++) {
      older.append(" when c.stage = :stage").append(i).append(" and c.stageEnteredAt < :before").append(i)
          .append(" then 1");
    }
    if (!entries.isEmpty()) {
      older.append(" else 0 end");
    }
    String jpql = "select " + selectBranch + "c.stage, count(c), sum(" + older + ") from Candidacy c"
        + " where c.status = vn.doanthanhnien.admission.candidacy.CandidacyStatus.IN_PROGRESS" + whereBranch
        + " group by " + groupBranch + "c.stage";
    TypedQuery<Object[]> query = entityManager.createQuery(jpql, Object[].class);
    for (int i = 0; i < entries.size(); i++) {
      query.setParameter("stage" + i, entries.get(i).getKey());
      query.setParameter("before" + i, entries.get(i).getValue());
    }
    if (branches != null) {
      query.setParameter("branches", branches);
    }
    int offset = selectBranch.isEmpty() ? 0 : 1;
    return query.getResultList().stream().map(row -> new Waiting(offset == 0 ? null : (String) row[0],
        (String) row[offset], ((Number) row[offset + 1]).longValue(),
        row[offset + 2] == null ? 0 : ((Number) row[offset + 2]).longValue())).toList();
  }
}
