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
 * The counts of the yearly report in one pass over the candidacies that count for the year: those nominated,
 * introduced or admitted in it and those in progress now. One row per branch, status and stage:
 * {@code [branchCode, status, stage, nominated, introduced, admitted, overdue, candidacies]}; the report adds them up
 * per unit. Nominated in [start, end): the instants of the year's first and the next year's first midnight in Vietnam;
 * introduced and admitted between the year's first and last day.
 */
public interface ReportQueries extends Repository<Candidacy, Long> {

  String FIGURES = "select c.branchCode, c.status, c.stage,"
      + " sum(case when c.nominatedAt >= :start and c.nominatedAt < :end then 1 else 0 end),"
      + " sum(case when c.introducedOn between :from and :to then 1 else 0 end),"
      + " sum(case when c.admittedOn between :from and :to then 1 else 0 end),"
      + " sum(case when c.status = vn.doanthanhnien.admission.candidacy.CandidacyStatus.IN_PROGRESS"
      + " and c.dueAt < :now then 1 else 0 end),"
      + " count(c)"
      + " from Candidacy c where";
  String OF_THE_YEAR = " (c.nominatedAt >= :start and c.nominatedAt < :end or c.introducedOn between :from and :to"
      + " or c.admittedOn between :from and :to"
      + " or c.status = vn.doanthanhnien.admission.candidacy.CandidacyStatus.IN_PROGRESS)"
      + " group by c.branchCode, c.status, c.stage";

  @Query(FIGURES + " c.branchCode in :branches and" + OF_THE_YEAR)
  List<Object[]> figures(@Param("branches") Collection<String> branches, @Param("start") Instant start,
      @Param("end") Instant end, @Param("from") LocalDate from, @Param("to") LocalDate to, @Param("now") Instant now);

  /**
   * The same for every branch, for a unit with many branches below it: a list of a thousand branch codes made the
   * query cost more than reading the year's rows of every branch (docs/performance.md, "Volume check").
   */
  @Query(FIGURES + OF_THE_YEAR)
  List<Object[]> figures(@Param("start") Instant start, @Param("end") Instant end, @Param("from") LocalDate from,
      @Param("to") LocalDate to, @Param("now") Instant now);
}
