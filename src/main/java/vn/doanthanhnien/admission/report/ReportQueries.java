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
 * The counts of the yearly report over the candidacies of a set of branches, per branch ({@code [branchCode, count]}
 * rows): one query each for a unit and every unit below it, added up by the report.
 */
public interface ReportQueries extends Repository<Candidacy, Long> {

  /** Nominated in [from, to): the instants of the year's first and the next year's first midnight in Vietnam. */
  @Query("select c.branchCode, count(c) from Candidacy c where c.branchCode in :branches"
      + " and c.nominatedAt >= :from and c.nominatedAt < :to group by c.branchCode")
  List<Object[]> nominatedByBranch(@Param("branches") Collection<String> branches, @Param("from") Instant from,
      @Param("to") Instant to);

  @Query("select c.branchCode, count(c) from Candidacy c where c.branchCode in :branches"
      + " and c.introducedOn between :from and :to group by c.branchCode")
  List<Object[]> introducedByBranch(@Param("branches") Collection<String> branches, @Param("from") LocalDate from,
      @Param("to") LocalDate to);

  @Query("select c.branchCode, count(c) from Candidacy c where c.branchCode in :branches"
      + " and c.admittedOn between :from and :to group by c.branchCode")
  List<Object[]> admittedByBranch(@Param("branches") Collection<String> branches, @Param("from") LocalDate from,
      @Param("to") LocalDate to);

  /** {@code [branchCode, stage, count]} rows. */
  @Query("select c.branchCode, c.stage, count(c) from Candidacy c where c.branchCode in :branches"
      + " and c.status = vn.doanthanhnien.admission.candidacy.CandidacyStatus.IN_PROGRESS"
      + " group by c.branchCode, c.stage")
  List<Object[]> inProgressByBranchAndStage(@Param("branches") Collection<String> branches);

  @Query("select c.branchCode, count(c) from Candidacy c where c.branchCode in :branches"
      + " and c.status = vn.doanthanhnien.admission.candidacy.CandidacyStatus.IN_PROGRESS and c.dueAt < :now"
      + " group by c.branchCode")
  List<Object[]> overdueByBranch(@Param("branches") Collection<String> branches, @Param("now") Instant now);

  // The same counts for every branch, for a unit with many branches below it: a list of a thousand branch codes made
  // each query cost more than reading the year's rows of every branch (docs/performance.md, "Volume check").

  @Query("select c.branchCode, count(c) from Candidacy c"
      + " where c.nominatedAt >= :from and c.nominatedAt < :to group by c.branchCode")
  List<Object[]> nominatedByBranch(@Param("from") Instant from, @Param("to") Instant to);

  @Query("select c.branchCode, count(c) from Candidacy c where c.introducedOn between :from and :to"
      + " group by c.branchCode")
  List<Object[]> introducedByBranch(@Param("from") LocalDate from, @Param("to") LocalDate to);

  @Query("select c.branchCode, count(c) from Candidacy c where c.admittedOn between :from and :to"
      + " group by c.branchCode")
  List<Object[]> admittedByBranch(@Param("from") LocalDate from, @Param("to") LocalDate to);

  @Query("select c.branchCode, c.stage, count(c) from Candidacy c"
      + " where c.status = vn.doanthanhnien.admission.candidacy.CandidacyStatus.IN_PROGRESS"
      + " group by c.branchCode, c.stage")
  List<Object[]> inProgressByBranchAndStage();

  @Query("select c.branchCode, count(c) from Candidacy c"
      + " where c.status = vn.doanthanhnien.admission.candidacy.CandidacyStatus.IN_PROGRESS and c.dueAt < :now"
      + " group by c.branchCode")
  List<Object[]> overdueByBranch(@Param("now") Instant now);
}
