package vn.doanthanhnien.admission.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import vn.doanthanhnien.admission.candidacy.Candidacy;

/**
 * What the yearly report reads from the candidacies themselves: the overdue ones now, by branch
 * ({@code [branchCode, overdue]}), answered from the indexes on (status, branch, …) and (status, due date, …); the
 * candidacies in progress by branch and stage, recounted for the check of the counters; and the recount of the year's
 * milestones that the counters must agree with.
 */
public interface ReportQueries extends Repository<Candidacy, Long> {

  String OVERDUE = "select c.branchCode, count(c) from Candidacy c"
      + " where c.status = vn.doanthanhnien.admission.candidacy.CandidacyStatus.IN_PROGRESS and c.dueAt < :now";

  @Query(OVERDUE + " and c.branchCode in :branches group by c.branchCode")
  List<Object[]> overdue(@Param("branches") Collection<String> branches, @Param("now") Instant now);

  /**
   * The same for every branch, for a unit with many branches below it: a list of a thousand branch codes made the
   * query cost more than reading every branch's rows (docs/performance.md, "Volume check").
   */
  @Query(OVERDUE + " group by c.branchCode")
  List<Object[]> overdue(@Param("now") Instant now);

  /** The candidacies in progress by branch and stage: {@code [branchCode, stage, candidacies]}. */
  @Query("select c.branchCode, c.stage, count(c) from Candidacy c"
      + " where c.status = vn.doanthanhnien.admission.candidacy.CandidacyStatus.IN_PROGRESS"
      + " group by c.branchCode, c.stage")
  List<Object[]> recountInProgress();

  /**
   * The year's milestones counted from the candidacies, by branch: {@code [branchCode, nominated, introduced,
   * admitted]}. Nominated in [start, end): the instants of the year's first and the next year's first midnight in
   * Vietnam; introduced and admitted between the year's first and last day.
   */
  @Query("select c.branchCode,"
      + " sum(case when c.nominatedAt >= :start and c.nominatedAt < :end then 1 else 0 end),"
      + " sum(case when c.introducedOn between :from and :to then 1 else 0 end),"
      + " sum(case when c.admittedOn between :from and :to then 1 else 0 end)"
      + " from Candidacy c where c.nominatedAt >= :start and c.nominatedAt < :end"
      + " or c.introducedOn between :from and :to or c.admittedOn between :from and :to"
      + " group by c.branchCode")
  List<Object[]> recount(@Param("start") Instant start, @Param("end") Instant end, @Param("from") LocalDate from,
      @Param("to") LocalDate to);
}
