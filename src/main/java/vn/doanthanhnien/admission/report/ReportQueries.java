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
 * What the yearly report reads from the candidacies themselves: those in progress now, by branch and stage, and the
 * overdue ones among them ({@code [branchCode, stage, candidacies, overdue]}), answered from the index on (status,
 * branch, stage, …); and the recount of the year's milestones that the counters must agree with.
 */
public interface ReportQueries extends Repository<Candidacy, Long> {

  String IN_PROGRESS = "select c.branchCode, c.stage, count(c), sum(case when c.dueAt < :now then 1 else 0 end)"
      + " from Candidacy c where c.status = vn.doanthanhnien.admission.candidacy.CandidacyStatus.IN_PROGRESS";

  @Query(IN_PROGRESS + " and c.branchCode in :branches group by c.branchCode, c.stage")
  List<Object[]> inProgress(@Param("branches") Collection<String> branches, @Param("now") Instant now);

  /**
   * The same for every branch, for a unit with many branches below it: a list of a thousand branch codes made the
   * query cost more than reading every branch's rows (docs/performance.md, "Volume check").
   */
  @Query(IN_PROGRESS + " group by c.branchCode, c.stage")
  List<Object[]> inProgress(@Param("now") Instant now);

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
