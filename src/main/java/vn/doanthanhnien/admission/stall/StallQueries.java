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
 * The candidacies in progress that entered their stage before the stage's cut-off, in one query for every stage,
 * answered from the index on (status, stage, stage_entered_at, branch_code) by a range per stage: only the rows older
 * than the cut-offs are read.
 */
@Component
class StallQueries {

  /** Older than usual at a stage, of one branch or (branch null) of every branch together. */
  record Older(String branchCode, String stage, long candidacies) {
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
  List<Older> older(Map<String, Instant> cutOffs, Collection<String> branches) {
    return query(cutOffs, true, branches);
  }

  /** The same for every branch, by branch: a list of a thousand codes costs more than reading every branch's rows. */
  List<Older> olderByBranch(Map<String, Instant> cutOffs) {
    return query(cutOffs, true, null);
  }

  /** The same for every branch together. */
  List<Older> olderEverywhere(Map<String, Instant> cutOffs) {
    return query(cutOffs, false, null);
  }

  private List<Older> query(Map<String, Instant> cutOffs, boolean byBranch, Collection<String> branches) {
    if (cutOffs.isEmpty()) {
      return List.of();
    }
    List<Map.Entry<String, Instant>> entries = new ArrayList<>(cutOffs.entrySet());
    List<String> ranges = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      ranges.add("(c.stage = :stage" + i + " and c.stageEnteredAt < :before" + i + ")");
    }
    String branch = byBranch ? "c.branchCode, " : "";
    String jpql = "select " + branch + "c.stage, count(c) from Candidacy c"
        + " where c.status = vn.doanthanhnien.admission.candidacy.CandidacyStatus.IN_PROGRESS"
        + " and (" + String.join(" or ", ranges) + ")" + (branches == null ? "" : " and c.branchCode in :branches")
        + " group by " + branch + "c.stage";
    TypedQuery<Object[]> query = entityManager.createQuery(jpql, Object[].class);
    for (int i = 0; i < entries.size(); i++) {
      query.setParameter("stage" + i, entries.get(i).getKey());
      query.setParameter("before" + i, entries.get(i).getValue());
    }
    if (branches != null) {
      query.setParameter("branches", branches);
    }
    int offset = byBranch ? 1 : 0;
    return query.getResultList().stream().map(row -> new Older(byBranch ? (String) row[0] : null,
        (String) row[offset], ((Number) row[offset + 1]).longValue())).toList();
  }
}
