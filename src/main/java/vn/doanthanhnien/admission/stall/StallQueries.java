package vn.doanthanhnien.admission.stall;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The candidacies in progress that entered a stage before its cut-off, one query per stage, each answered from the
 * index on (status, stage, stage_entered_at, branch_code) by one range: only the rows older than the cut-off are read.
 * (One query with an {@code or} of the stages' ranges was read by PostgreSQL's generic plan as a scan of every
 * candidacy in progress: 120 ms for the bloc at national volume.)
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

  /** @param branches the branches to count, by branch */
  List<Older> older(String stage, Instant before, Collection<String> branches) {
    return query(stage, before, true, branches);
  }

  /** The same for every branch, by branch: a list of a thousand codes costs more than reading every branch's rows. */
  List<Older> olderByBranch(String stage, Instant before) {
    return query(stage, before, true, null);
  }

  /** The same for every branch together. */
  List<Older> olderEverywhere(String stage, Instant before) {
    return query(stage, before, false, null);
  }

  private List<Older> query(String stage, Instant before, boolean byBranch, Collection<String> branches) {
    String branch = byBranch ? "c.branchCode, " : "";
    String jpql = "select " + branch + "count(c) from Candidacy c"
        + " where c.status = vn.doanthanhnien.admission.candidacy.CandidacyStatus.IN_PROGRESS"
        + " and c.stage = :stage and c.stageEnteredAt < :before"
        + (branches == null ? "" : " and c.branchCode in :branches") + (byBranch ? " group by c.branchCode" : "");
    Query query = entityManager.createQuery(jpql);
    query.setParameter("stage", stage);
    query.setParameter("before", before);
    if (branches != null) {
      query.setParameter("branches", branches);
    }
    List<?> rows = query.getResultList();
    return rows.stream().map(row -> row instanceof Object[] columns
        ? new Older((String) columns[0], stage, ((Number) columns[1]).longValue())
        : new Older(null, stage, ((Number) row).longValue())).toList();
  }
}
